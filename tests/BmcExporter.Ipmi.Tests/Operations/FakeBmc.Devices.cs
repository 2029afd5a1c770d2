using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sel;

namespace BmcExporter.Ipmi.Tests.Operations;

internal sealed partial class FakeBmc
{
    private readonly List<SelRecord> _sel = [];
    private ushort _nextSelId = 1;
    private bool _selCancelPending;

    /// <summary>Get Sensor Reading answers per sensor number: completion code and data.</summary>
    public Dictionary<byte, (byte Code, byte[] Data)> Readings { get; } = [];

    /// <summary>Get Sensor Thresholds answers per sensor number.</summary>
    public Dictionary<byte, (byte Code, byte[] Data)> Thresholds { get; } = [];

    /// <summary>Get Sensor Reading Factors answers per sensor number.</summary>
    public Dictionary<byte, (byte Code, byte[] Data)> Factors { get; } = [];

    public uint SelAddition { get; set; } = 1000;

    public uint SelErase { get; set; } = 10;

    /// <summary>Answer 0xC5 once on the next Get SEL Entry with a reservation.</summary>
    public bool CancelSelReservationOnce { set => _selCancelPending = value; }

    /// <summary>Refuse Get SEL Entry with count 0xFF (0xCA), serving only explicit counts.</summary>
    public bool SelRefusesWholeRecord { get; set; }

    public byte[] FruImage { get; set; } = [];

    public int FruBusyAnswers { get; set; }

    public int FruMaxChunk { get; set; } = 255;

    /// <summary>Completion code for DCMI commands, null to answer.</summary>
    public byte? DcmiCode { get; set; }

    public ushort AddSel(SelRecord record)
    {
        var id = _nextSelId++;
        _sel.Add(record with { RecordId = id });
        SelAddition++;
        return id;
    }

    public void ClearSel()
    {
        _sel.Clear();
        SelErase += 100;
    }

    private (byte, byte[]) HandleSensor(IpmiRequest request)
    {
        var table = request.Command switch
        {
            GetSensorReading.Command => Readings,
            GetSensorThresholds.Command => Thresholds,
            GetSensorReadingFactors.Command => Factors,
            _ => null,
        };
        return table is not null && request.Data.Length > 0 && table.TryGetValue(request.Data.Span[0], out var answer)
            ? answer
            : ((byte)CompletionCode.NotPresent, []);
    }

    private (byte, byte[]) HandleStorage(IpmiRequest request)
    {
        switch (request.Command)
        {
            case SelCommands.GetInfoCommand:
                return Ok(new RepositoryInfo(0x51, (ushort)_sel.Count, 0xFFFF, SelAddition, SelErase, 0x02).Encode());
            case Reserve.SelCommand:
                if (ReserveCode is { } code)
                {
                    return (code, []);
                }

                _reservation++;
                return Ok(Reserve.EncodeResponse(_reservation));
            case SelCommands.GetEntryCommand:
                return GetSelEntry(GetRecordRequest.Decode(request.Data.Span));
            case FruCommands.GetAreaInfoCommand:
                return Ok(FruCommands.EncodeAreaInfoResponse(new FruAreaInfo((ushort)FruImage.Length, false)));
            case FruCommands.ReadDataCommand:
                return ReadFru(FruReadRequest.Decode(request.Data.Span));
            default:
                return ((byte)CompletionCode.InvalidCommand, []);
        }
    }

    private (byte, byte[]) GetSelEntry(GetRecordRequest request)
    {
        if (request.ReservationId != 0 && _selCancelPending)
        {
            _selCancelPending = false;
            return ((byte)CompletionCode.ReservationCancelled, []);
        }

        if (request.ReservationId != 0 && request.ReservationId != _reservation)
        {
            return ((byte)CompletionCode.ReservationCancelled, []);
        }

        if (SelRefusesWholeRecord && request.Count == GetRecordRequest.WholeRecord)
        {
            return ((byte)CompletionCode.CannotReturnRequestedBytes, []);
        }

        var index = request.RecordId == GetRecordRequest.First ? (_sel.Count > 0 ? 0 : -1) : _sel.FindIndex(r => r.RecordId == request.RecordId);
        if (index < 0)
        {
            return ((byte)CompletionCode.NotPresent, []);
        }

        var next = index + 1 < _sel.Count ? _sel[index + 1].RecordId : GetRecordRequest.Last;
        return Ok(new GetRecordResponse(next, SelEncoder.Encode(_sel[index])).Encode());
    }

    private (byte, byte[]) ReadFru(FruReadRequest request)
    {
        if (FruBusyAnswers > 0)
        {
            FruBusyAnswers--;
            return (FruCommands.DeviceBusy, []);
        }

        if (request.Count > FruMaxChunk)
        {
            return ((byte)CompletionCode.CannotReturnRequestedBytes, []);
        }

        var start = Math.Min(request.Offset, FruImage.Length);
        var count = Math.Min(request.Count, FruImage.Length - start);
        return Ok(FruCommands.EncodeReadResponse(FruImage.AsSpan(start, count)));
    }

    private (byte, byte[]) HandleDcmi(IpmiRequest request)
    {
        if (DcmiCode is { } code)
        {
            return (code, []);
        }

        return request.Command == Dcmi.GetPowerReadingCommand
            ? Ok(Dcmi.EncodePowerReadingResponse(new DcmiPowerReading(321, 100, 500, 300, 0x60000000, 1000, 0x40)))
            : Ok(Dcmi.EncodeCapabilitiesResponse(new DcmiCapabilities(1, 5, 2, new byte[] { 0, 1, 0 })));
    }
}

using System.Buffers.Binary;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sel;

namespace BmcExporter.Ipmi.Tests.Operations;

/// <summary>
/// A scripted in-memory BMC behind <see cref="IIpmiChannel"/>: it answers with the codec's own encoders and has
/// switches for the quirks the operations must survive. Every request is logged.
/// </summary>
internal sealed partial class FakeBmc : IIpmiChannel
{
    private readonly List<(ushort Id, byte[] Bytes)> _sdrs = [];
    private ushort _reservation;
    private bool _reservationCancelled;

    public List<IpmiRequest> Log { get; } = [];

    /// <summary>Extra bytes appended to whole-record SDR reads (ipmi_sim pads them).</summary>
    public int PadWholeRecords { get; set; }

    /// <summary>Completion code for whole-record (0xFF) SDR reads, null to serve them.</summary>
    public byte? WholeRecordCode { get; set; }

    /// <summary>Partial SDR reads larger than this answer 0xCA.</summary>
    public int MaxChunk { get; set; } = 255;

    /// <summary>Completion code for Reserve SDR / Reserve SEL, null to grant.</summary>
    public byte? ReserveCode { get; set; }

    /// <summary>Number of successful partial SDR chunk reads after which the reservation is cancelled once.</summary>
    public int? CancelReservationAfterChunks { get; set; }

    /// <summary>Cancel the reservation on every chunk read (for the re-reservation bound).</summary>
    public bool AlwaysCancelReservation { get; set; }

    /// <summary>Answer 0xC3 for the last SDR (Dell FC830).</summary>
    public bool TimeoutOnLastRecord { get; set; }

    /// <summary>Make this record's "next" point back to itself.</summary>
    public ushort? SelfLoopRecord { get; set; }

    /// <summary>Record count reported by Get SDR Repository Info; null for the real count.</summary>
    public ushort? ReportedCount { get; set; }

    public int ChunkReads { get; private set; }

    /// <summary>Most recent addition timestamp of the SDR repository (bump it to say "changed").</summary>
    public uint SdrAddition { get; set; } = 100;

    /// <summary>Answer 0xC3 for this record (a transient timeout mid-walk).</summary>
    public ushort? TimeoutOnRecord { get; set; }

    /// <summary>Serve this record once with its header naming another record ID (a corrupted reply).</summary>
    public ushort? CorruptRecordOnce { get; set; }

    /// <summary>Added to the record ID written inside served record bytes (Supermicro X6 quirk).</summary>
    public ushort RecordIdSkew { get; set; }

    public void AddSdr(SdrRecord record) => AddSdrBytes(SdrEncoder.Encode(record));

    /// <summary>Adds raw record bytes; the record ID bytes are rewritten to the assigned ID.</summary>
    public ushort AddSdrBytes(byte[] bytes)
    {
        var id = (ushort)(_sdrs.Count + 1);
        var copy = (byte[])bytes.Clone();
        if (copy.Length >= 2)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(copy, id);
        }

        _sdrs.Add((id, copy));
        return id;
    }

    public ValueTask<IpmiResponse> SendAsync(IpmiRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Log.Add(request);
        var (code, data) = Handle(request);
        return ValueTask.FromResult(new IpmiResponse(code, data));
    }

    public int Count(NetFn netFn, byte command) => Log.Count(r => r.NetFn == netFn && r.Command == command);

    private (byte Code, byte[] Data) Handle(IpmiRequest request) => (request.NetFn, request.Command) switch
    {
        (NetFn.App, GetDeviceId.Command) => Ok(GetDeviceId.EncodeResponse(new DeviceIdInfo { DeviceId = 0x20, FirmwareMajor = 1, FirmwareMinor = 0x23, ManufacturerId = 4753, ProductId = 7 })),
        (NetFn.Chassis, GetChassisStatus.Command) => Ok(GetChassisStatus.EncodeResponse(new ChassisStatus(0x01, 0, 0))),
        (NetFn.Storage, GetSdrRepositoryInfo.Command) => Ok(new RepositoryInfo(0x51, ReportedCount ?? (ushort)_sdrs.Count, 0xFFFE, SdrAddition, 50, 0x02).Encode()),
        (NetFn.SensorEvent, GetDeviceSdrInfo.Command) => Ok(GetDeviceSdrInfo.EncodeResponse(new DeviceSdrInfo((byte)_sdrs.Count, 0x01))),
        (NetFn.Storage, Reserve.SdrCommand) or (NetFn.SensorEvent, Reserve.DeviceSdrCommand) => ReserveSdr(),
        (NetFn.Storage, GetSdr.Command) or (NetFn.SensorEvent, GetSdr.DeviceCommand) => GetSdrRecord(GetRecordRequest.Decode(request.Data.Span)),
        (NetFn.SensorEvent, _) => HandleSensor(request),
        (NetFn.Storage, _) => HandleStorage(request),
        (NetFn.GroupExtension, _) => HandleDcmi(request),
        _ => ((byte)CompletionCode.InvalidCommand, []),
    };

    private (byte, byte[]) ReserveSdr()
    {
        if (ReserveCode is { } code)
        {
            return (code, []);
        }

        _reservation++;
        _reservationCancelled = false;
        return Ok(Reserve.EncodeResponse(_reservation));
    }

    private (byte, byte[]) GetSdrRecord(GetRecordRequest request)
    {
        if (_sdrs.Count == 0)
        {
            return ((byte)CompletionCode.NotPresent, []);
        }

        var index = request.RecordId == GetRecordRequest.First ? 0 : _sdrs.FindIndex(s => s.Id == request.RecordId);
        if (index < 0)
        {
            return ((byte)CompletionCode.NotPresent, []);
        }

        var (id, bytes) = _sdrs[index];
        if (RecordIdSkew != 0)
        {
            bytes = (byte[])bytes.Clone();
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)(id + RecordIdSkew));
        }
        if (CorruptRecordOnce == id)
        {
            CorruptRecordOnce = null;
            bytes = (byte[])bytes.Clone();
            bytes[0] ^= 0x40;
        }

        if (TimeoutOnRecord == id)
        {
            return ((byte)CompletionCode.Timeout, []);
        }

        if (TimeoutOnLastRecord && index == _sdrs.Count - 1)
        {
            return ((byte)CompletionCode.Timeout, []);
        }

        var next = SelfLoopRecord == id ? id : index + 1 < _sdrs.Count ? _sdrs[index + 1].Id : GetRecordRequest.Last;
        if (request.Count == GetRecordRequest.WholeRecord)
        {
            if (WholeRecordCode is { } code)
            {
                return (code, []);
            }

            var padded = bytes.Concat(Enumerable.Repeat((byte)0xA5, PadWholeRecords)).ToArray();
            return Ok(new GetRecordResponse(next, padded).Encode());
        }

        if (request.Offset != 0)
        {
            if (AlwaysCancelReservation || _reservationCancelled || (request.ReservationId != 0 && request.ReservationId != _reservation))
            {
                return ((byte)CompletionCode.ReservationCancelled, []);
            }

            if (CancelReservationAfterChunks is { } after && ChunkReads == after)
            {
                CancelReservationAfterChunks = null;
                _reservationCancelled = true;
                return ((byte)CompletionCode.ReservationCancelled, []);
            }
        }

        if (request.Count > MaxChunk)
        {
            return ((byte)CompletionCode.CannotReturnRequestedBytes, []);
        }

        if (request.Offset != 0)
        {
            ChunkReads++;
        }

        var start = Math.Min(request.Offset, bytes.Length);
        var count = Math.Min(request.Count, bytes.Length - start);
        return Ok(new GetRecordResponse(next, bytes.AsMemory(start, count)).Encode());
    }

    private static (byte, byte[]) Ok(byte[] data) => (0, data);
}

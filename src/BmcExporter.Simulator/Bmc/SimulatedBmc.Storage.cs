using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Session;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Bmc;

internal sealed partial class SimulatedBmc
{
    private byte Storage(byte command, ReadOnlySpan<byte> data, PrivilegeLevel privilege, TimeSpan elapsed, out byte[]? result)
    {
        switch (command)
        {
            case GetSdrRepositoryInfo.Command:
                return SdrInfo(elapsed, out result);
            case Reserve.SdrCommand:
                if ((Quirks & QuirkSet.SdrReserveUnsupported) != 0)
                {
                    return Unsupported(out result); // Artesyn-like: no SDR reservations (reference §5.1)
                }

                _sdrReservation = NextReservation(_sdrReservation);
                _sdrReservedAfterChange = _fleet.SdrChanged(elapsed);
                return Ok(Reserve.EncodeResponse(_sdrReservation), out result);
            case GetSdr.Command:
                _lastWasSdrRead = true;
                return GetSdrRecord(GetRecordRequest.Decode(data), elapsed, out result);
            case SelCommands.GetInfoCommand:
                return SelInfo(elapsed, out result);
            case Reserve.SelCommand:
                if ((Quirks & QuirkSet.SelReserveNeedsOperator) != 0 && privilege < PrivilegeLevel.Operator)
                {
                    return Fail(CompletionCode.InsufficientPrivilege, out result); // Supermicro H8QME-like
                }

                _selReservation = NextReservation(_selReservation);
                _selReservedCount = _sel.Size(Profile.Sel, elapsed).Count;
                return Ok(Reserve.EncodeResponse(_selReservation), out result);
            case SelCommands.GetEntryCommand:
                return GetSelEntry(GetRecordRequest.Decode(data), elapsed, out result);
            case 0x47:
                return ClearSel(data, privilege, elapsed, out result);
            case 0x48:
                // Get SEL Time, IPMI v2.0 §31.10: the BMC's clock, off by the profile's skew.
                return Ok(GetSelTime.EncodeResponse((uint)(_fleet.NowUnix + Profile.Chassis.ClockSkewSeconds)), out result);
            case FruCommands.GetAreaInfoCommand:
                return FruAreaInfo(data, out result);
            case FruCommands.ReadDataCommand:
                return ReadFru(FruReadRequest.Decode(data), out result);
            default:
                return Unsupported(out result);
        }
    }

    private static ushort NextReservation(ushort current) => current == ushort.MaxValue ? (ushort)1 : (ushort)(current + 1);

    /// <summary>Get SDR Repository Info, IPMI v2.0 §33.9. The addition timestamp moves at the SDR change.</summary>
    private byte SdrInfo(TimeSpan elapsed, out byte[]? result)
    {
        var repo = _fleet.Sdr(elapsed);
        var changed = _fleet.SdrChanged(elapsed);
        var addition = changed ? _fleet.StartUnix + (uint)Profile.SdrChangeAfter!.Value.TotalSeconds : _fleet.StartUnix;
        var count = (Quirks & QuirkSet.SdrRecordCountWrong) != 0 ? repo.Count + 3 : repo.Count;
        var support = (byte)(0x20 | ((Quirks & QuirkSet.SdrReserveUnsupported) != 0 ? 0 : 0x02)); // non-modal updates, reserve
        return Ok(GetSdrRepositoryInfo.EncodeResponse(new RepositoryInfo(0x51, (ushort)count, 0xFFFE, addition, 0, support)), out result);
    }

    /// <summary>Get SDR, IPMI v2.0 §33.12: partial reads need a valid reservation; 0xFF reads the whole record.</summary>
    private byte GetSdrRecord(GetRecordRequest request, TimeSpan elapsed, out byte[]? result)
    {
        var repo = _fleet.Sdr(elapsed);
        var index = repo.IndexOf(request.RecordId);
        if (index < 0)
        {
            return Fail(CompletionCode.NotPresent, out result);
        }

        var reservationValid = request.ReservationId == _sdrReservation && _sdrReservation != 0 && _sdrReservedAfterChange == _fleet.SdrChanged(elapsed);
        if (request.Offset != 0 && !reservationValid && (Quirks & QuirkSet.SdrReserveUnsupported) == 0)
        {
            return Fail(CompletionCode.ReservationCancelled, out result);
        }

        if ((Quirks & QuirkSet.SdrLastRecordTimeout) != 0 && index == repo.Count - 1)
        {
            return Fail(CompletionCode.Timeout, out result); // Dell FC830-like: the last record always times out
        }

        var record = repo.Records[index];
        if (request.Offset > record.Length)
        {
            return Fail(CompletionCode.ParameterOutOfRange, out result);
        }

        var available = record.Length - request.Offset;
        int count;
        if (request.Count == GetRecordRequest.WholeRecord)
        {
            count = available;
        }
        else if (request.Count > 64)
        {
            return Fail(CompletionCode.CannotReturnRequestedBytes, out result);
        }
        else
        {
            count = Math.Min(request.Count, available);
        }

        var padding = 0;
        if (request.Count == GetRecordRequest.WholeRecord && request.Offset == 0)
        {
            if ((Quirks & QuirkSet.ShortWholeRecordRead) != 0)
            {
                count = Math.Min(count, 16); // Xyratex-like: whole-record reads come back short
            }
            else if ((Quirks & QuirkSet.SdrWholeReadPadded) != 0)
            {
                padding = 64 - record.Length > 0 ? 64 - record.Length : 0; // HP DL585G7-like trailing bytes
            }
        }

        var data = new byte[2 + count + padding];
        var next = repo.NextId(index);
        data[0] = (byte)next;
        data[1] = (byte)(next >> 8);
        record.AsSpan(request.Offset, count).CopyTo(data.AsSpan(2));
        if ((Quirks & QuirkSet.SdrWrongRecordId) != 0 && request.Offset == 0 && count >= 2)
        {
            data[2] ^= 0x80; // Supermicro X6-like: the record ID inside the data differs from the one requested
        }

        return Ok(data, out result);
    }
}

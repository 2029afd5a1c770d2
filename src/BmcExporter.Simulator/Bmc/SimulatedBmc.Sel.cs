using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Simulator.Bmc;

internal sealed partial class SimulatedBmc
{
    /// <summary>Get SEL Info, IPMI v2.0 §31.2.</summary>
    private byte SelInfo(TimeSpan elapsed, out byte[]? result)
    {
        var sel = Profile.Sel;
        var (count, overflow) = _sel.Size(sel, elapsed);
        var free = Math.Min(0xFFFE, (sel.Capacity - count) * 16);
        var info = new RepositoryInfo(0x51, (ushort)count, (ushort)free, _sel.LastAddition(sel, elapsed, _fleet.StartUnix), _sel.EraseTimestamp, (byte)((overflow ? 0x80 : 0) | 0x02));
        return Ok(info.Encode(), out result);
    }

    /// <summary>Get SEL Entry, IPMI v2.0 §31.5: 0x0000 first, 0xFFFF last, 0xCB when empty.</summary>
    private byte GetSelEntry(GetRecordRequest request, TimeSpan elapsed, out byte[]? result)
    {
        var sel = Profile.Sel;
        var (count, _) = _sel.Size(sel, elapsed);
        var reservationLive = _selReservation != 0 && request.ReservationId == _selReservation && _selReservedCount == count;
        if ((request.Offset != 0 || request.ReservationId != 0) && !reservationLive)
        {
            return Fail(CompletionCode.ReservationCancelled, out result);
        }

        if (count == 0)
        {
            return Fail(CompletionCode.NotPresent, out result);
        }

        var position = request.RecordId switch
        {
            0x0000 => 0,
            0xFFFF => count - 1,
            _ => request.RecordId - 1,
        };
        if (position < 0 || position >= count || request.Offset >= 16)
        {
            return Fail(request.Offset >= 16 ? CompletionCode.ParameterOutOfRange : CompletionCode.NotPresent, out result);
        }

        var record = _sel.Encode(sel, position, _fleet.StartUnix, Quirks);
        var n = request.Count == GetRecordRequest.WholeRecord ? 16 - request.Offset : Math.Min(request.Count, 16 - request.Offset);
        var next = position + 1 < count ? (ushort)(position + 2) : (ushort)0xFFFF;
        return Ok(new GetRecordResponse(next, record.AsMemory(request.Offset, n)).Encode(), out result);
    }

    /// <summary>Clear SEL, IPMI v2.0 §31.9: needs Operator, a valid reservation and "CLR".</summary>
    private byte ClearSel(ReadOnlySpan<byte> data, PrivilegeLevel privilege, TimeSpan elapsed, out byte[]? result)
    {
        if (privilege < PrivilegeLevel.Operator)
        {
            return Fail(CompletionCode.InsufficientPrivilege, out result);
        }

        if (data.Length < 6)
        {
            return Fail(CompletionCode.RequestDataLengthInvalid, out result);
        }

        var reservation = (ushort)(data[0] | (data[1] << 8));
        if (reservation != _selReservation || _selReservation == 0)
        {
            return Fail(CompletionCode.ReservationCancelled, out result);
        }

        if (data[2] != (byte)'C' || data[3] != (byte)'L' || data[4] != (byte)'R')
        {
            return Fail(CompletionCode.InvalidDataField, out result);
        }

        if (data[5] == 0xAA)
        {
            _sel.Clear(Profile.Sel, elapsed, _fleet.NowUnix);
            _selReservation = 0;
        }

        return Ok([0x01], out result); // erasure completed
    }
}

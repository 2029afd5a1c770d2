using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sel;

namespace BmcExporter.Ipmi.Client.Operations;

public sealed partial class SelReader
{
    private const int MaxReadsPerEntry = 3;

    /// <summary>
    /// Follows next-record IDs from <paramref name="start"/>. When <paramref name="resume"/>, the start record was
    /// delivered before and is read only for its next ID. <paramref name="doubleRead"/>: every entry is read until
    /// two reads agree byte for byte (the links then survive a corrupted reply too).
    /// </summary>
    private async Task<WalkResult> WalkFromAsync(ushort start, bool resume, bool doubleRead, CancellationToken cancellationToken)
    {
        var records = new List<SelRecord>();
        var visited = new HashSet<ushort>();
        var cap = _options.MaxEntries;
        var malformed = 0;
        ushort? last = null;
        var id = start;
        for (var iteration = 0; iteration <= cap; iteration++)
        {
            visited.Add(id);
            var entry = await ReadEntryAsync(id, visited, doubleRead, cancellationToken).ConfigureAwait(false);
            malformed += entry.Rejected;
            switch (entry.Kind)
            {
                case EntryKind.NotPresent when resume && id == start:
                    return new WalkResult(records, last, null, malformed, true);
                case EntryKind.NotPresent:
                    // Empty SEL, or the chain ended on a record that no longer exists.
                    return new WalkResult(records, last, id == GetRecordRequest.First ? null : $"record 0x{id:X4} not present", malformed, false);
                case EntryKind.Failed:
                    if (records.Count == 0 && !resume && entry.CompletionCode is { } code)
                    {
                        new IpmiResponse(code, ReadOnlyMemory<byte>.Empty).EnsureOk(NetFn.Storage, SelCommands.GetEntryCommand);
                    }

                    return new WalkResult(records, last, entry.Reason, malformed, false);
            }

            var record = entry.Record!;
            if (!(resume && id == start))
            {
                records.Add(record);
            }

            last = record.RecordId;
            if (entry.Next == GetRecordRequest.Last)
            {
                return new WalkResult(records, last, null, malformed, false);
            }

            if (visited.Contains(entry.Next))
            {
                return new WalkResult(records, last, $"loop detected: record 0x{last:X4} points to 0x{entry.Next:X4}", malformed, false);
            }

            id = entry.Next;
        }

        return new WalkResult(records, last, $"entry cap {cap} reached", malformed, false);
    }

    /// <summary>
    /// Reads one entry until it passes its checks (at most three reads; with <paramref name="doubleRead"/> until two
    /// reads agree). A next ID that is not the entry's ID + 1 is believed only when a second read says the same.
    /// </summary>
    private async Task<Entry> ReadEntryAsync(ushort id, HashSet<ushort> visited, bool doubleRead, CancellationToken cancellationToken)
    {
        var rejected = 0;
        var notPresent = 0;
        byte[]? agreed = null;
        Entry last = default;
        for (var read = 0; read < MaxReadsPerEntry + (doubleRead ? 2 : 0); read++)
        {
            var response = await GetEntryAsync(id, cancellationToken).ConfigureAwait(false);
            if (response.CompletionCode == (byte)CompletionCode.NotPresent)
            {
                // Believed on the second 0xCB in a row: a corrupted completion code is not a vanished record.
                if (++notPresent >= 2)
                {
                    return new Entry(EntryKind.NotPresent, null, 0, rejected, null, null);
                }

                continue;
            }

            notPresent = 0;
            if (!response.IsOk)
            {
                last = new Entry(EntryKind.Failed, null, 0, rejected, $"record 0x{id:X4}: completion code 0x{response.CompletionCode:X2} ({CompletionCodes.Describe(response.CompletionCode)})", response.CompletionCode);
                if (response.CompletionCode == (byte)CompletionCode.ReservationCancelled && _reservationRetries++ < _options.MaxReservationRetries)
                {
                    await ReserveAsync(cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            if (Check(id, response.Data.Span, _options.AssumeSystemEvent, out var record, out var next) is { } problem)
            {
                rejected++;
                last = new Entry(EntryKind.Failed, null, 0, rejected, $"record 0x{id:X4}: {problem} ({MaxReadsPerEntry} reads)", null);
                continue;
            }

            var bytes = response.Data.ToArray();
            // A next ID other than "this ID + 1" (a loop, or a jump that could skip or repeat entries) is believed only
            // when a second read gives the same bytes; BMCs with consecutive IDs pay nothing for this.
            var unusual = next != GetRecordRequest.Last && next != (ushort)(record!.RecordId + 1);
            var loops = next != GetRecordRequest.Last && (next == record!.RecordId || visited.Contains(next));
            if ((doubleRead || loops || unusual) && (agreed is null || !agreed.AsSpan().SequenceEqual(bytes)))
            {
                agreed = bytes;
                continue;
            }

            return new Entry(EntryKind.Read, record, next, rejected, null, null);
        }

        return last.Kind == EntryKind.Failed ? last : new Entry(EntryKind.Failed, null, 0, rejected, $"record 0x{id:X4}: no two reads agreed", null);
    }

    private async Task<IpmiResponse> GetEntryAsync(ushort id, CancellationToken cancellationToken)
    {
        var request = SelCommands.CreateGetEntryRequest(new GetRecordRequest(_reservation, id, 0, GetRecordRequest.WholeRecord));
        var response = await SendWithBusyRetryAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.CompletionCode == (byte)CompletionCode.CannotReturnRequestedBytes)
        {
            // Some BMCs refuse the 0xFF "whole record" count: ask for the 16 bytes explicitly.
            request = SelCommands.CreateGetEntryRequest(new GetRecordRequest(_reservation, id, 0, SelRecord.Size));
            response = await SendWithBusyRetryAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>
    /// The checks one entry must pass (IPMI v2.0 §31.5, §32): it decodes, its record ID is the one asked for (any
    /// but 0x0000/0xFFFF when the first record was asked for), its type is a system event (EvM revision 3 or 4) or
    /// OEM (0xC0-0xFF; any other type counts as a system event with <c>assumesystemevent</c>), and its next ID is not
    /// its own. Null when it passes.
    /// </summary>
    private static string? Check(ushort requested, ReadOnlySpan<byte> data, bool assumeSystemEvent, out SelRecord? record, out ushort next)
    {
        record = null;
        next = 0;
        try
        {
            var entry = GetRecordResponse.Decode(data);
            next = entry.NextRecordId;
            record = SelDecoder.Decode(entry.Data.Span, assumeSystemEvent);
        }
        catch (IpmiProtocolException ex)
        {
            return ex.Message;
        }

        if (requested == GetRecordRequest.First ? record.RecordId is GetRecordRequest.First or GetRecordRequest.Last : record.RecordId != requested)
        {
            return $"entry names itself 0x{record.RecordId:X4}";
        }

        if (next == record.RecordId)
        {
            return $"next record ID is its own (0x{next:X4})";
        }

        return record switch
        {
            SystemEventRecord { EvmRevision: not (0x03 or 0x04) } e => $"EvM revision 0x{e.EvmRevision:X2}",
            RawSelRecord { Type: < 0xC0 } raw => $"record type 0x{raw.Type:X2}",
            _ => null,
        };
    }

    private enum EntryKind
    {
        Read,
        NotPresent,
        Failed,
    }

    private readonly record struct Entry(EntryKind Kind, SelRecord? Record, ushort Next, int Rejected, string? Reason, byte? CompletionCode);

    private sealed record WalkResult(List<SelRecord> Records, ushort? LastRecordId, string? StopReason, int Malformed, bool Vanished);
}

using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sel;

namespace BmcExporter.Ipmi.Client.Operations;

public sealed partial class SelReader
{
    private async Task<WalkResult> WalkFromAsync(ushort start, bool resume, RepositoryInfo info, CancellationToken cancellationToken)
    {
        var records = new List<SelRecord>();
        var visited = new HashSet<ushort>();
        var cap = Math.Min(_options.MaxEntries, info.EntryCount + 64);
        var malformed = 0;
        ushort? last = null;
        var id = start;
        for (var iteration = 0; iteration <= cap; iteration++)
        {
            visited.Add(id);
            var request = SelCommands.CreateGetEntryRequest(new GetRecordRequest(_reservation, id, 0, GetRecordRequest.WholeRecord));
            var response = await SendWithBusyRetryAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.CompletionCode == (byte)CompletionCode.CannotReturnRequestedBytes)
            {
                // Some BMCs refuse the 0xFF "whole record" count: ask for the 16 bytes explicitly.
                request = SelCommands.CreateGetEntryRequest(new GetRecordRequest(_reservation, id, 0, SelRecord.Size));
                response = await SendWithBusyRetryAsync(request, cancellationToken).ConfigureAwait(false);
            }

            if (response.CompletionCode == (byte)CompletionCode.ReservationCancelled)
            {
                if (_reservationRetries++ >= _options.MaxReservationRetries)
                {
                    return new WalkResult(records, last, "reservation cancelled repeatedly (0xC5)", malformed, false);
                }

                await ReserveAsync(cancellationToken).ConfigureAwait(false);
                visited.Remove(id);
                continue;
            }

            if (response.CompletionCode == (byte)CompletionCode.NotPresent)
            {
                if (resume && id == start)
                {
                    return new WalkResult(records, last, null, malformed, true);
                }

                // Empty SEL, or the chain ended on a record that no longer exists.
                return new WalkResult(records, last, id == GetRecordRequest.First ? null : $"record 0x{id:X4} not present", malformed, false);
            }

            if (!response.IsOk)
            {
                if (records.Count == 0 && !resume)
                {
                    response.EnsureOk(NetFn.Storage, SelCommands.GetEntryCommand);
                }

                return new WalkResult(records, last, $"record 0x{id:X4}: completion code 0x{response.CompletionCode:X2} ({CompletionCodes.Describe(response.CompletionCode)})", malformed, false);
            }

            GetRecordResponse entry;
            try
            {
                entry = GetRecordResponse.Decode(response.Data.Span);
                var record = SelDecoder.Decode(entry.Data.Span);
                if (!(resume && id == start))
                {
                    records.Add(record);
                }

                last = id == GetRecordRequest.First ? record.RecordId : id;
            }
            catch (IpmiProtocolException ex)
            {
                if (response.Data.Length < 2)
                {
                    return new WalkResult(records, last, $"record 0x{id:X4}: {ex.Message}", malformed, false);
                }

                malformed++;
                entry = new GetRecordResponse((ushort)(response.Data.Span[0] | (response.Data.Span[1] << 8)), ReadOnlyMemory<byte>.Empty);
            }

            var next = entry.NextRecordId;
            if (next == GetRecordRequest.Last)
            {
                return new WalkResult(records, last, null, malformed, false);
            }

            if (visited.Contains(next))
            {
                return new WalkResult(records, last, $"loop detected: record 0x{id:X4} points to 0x{next:X4}", malformed, false);
            }

            id = next;
        }

        return new WalkResult(records, last, $"entry cap {cap} reached", malformed, false);
    }

    private sealed record WalkResult(List<SelRecord> Records, ushort? LastRecordId, string? StopReason, int Malformed, bool Vanished);
}

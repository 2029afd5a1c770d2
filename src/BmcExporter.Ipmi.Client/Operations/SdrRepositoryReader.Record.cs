using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Client.Operations;

public sealed partial class SdrRepositoryReader
{
    private bool _wholeRecordDisabled;

    private async Task<RecordOutcome> ReadRecordAsync(ushort recordId, CancellationToken cancellationToken)
    {
        // Each pass either returns or consumes one re-reservation, so the loop is bounded by MaxReservationRetries.
        while (true)
        {
            if (_options.TryWholeRecord && !_wholeRecordDisabled)
            {
                var whole = await TryWholeRecordAsync(recordId, cancellationToken).ConfigureAwait(false);
                if (whole is { } done)
                {
                    return done;
                }
            }

            var partial = await ReadPartialAsync(recordId, cancellationToken).ConfigureAwait(false);
            if (partial is { } result)
            {
                return result;
            }
        }
    }

    /// <summary>One whole-record read; null means "fall back to partial reads".</summary>
    private async Task<RecordOutcome?> TryWholeRecordAsync(ushort recordId, CancellationToken cancellationToken)
    {
        var request = new GetRecordRequest(_reservation ?? 0, recordId, 0, GetRecordRequest.WholeRecord);
        var response = await SendAsync(GetSdr.CreateRequest(request, _options.Kind), cancellationToken).ConfigureAwait(false);
        if (response.CompletionCode == (byte)CompletionCode.NotPresent && recordId == GetRecordRequest.First)
        {
            return RecordOutcome.End("repository is empty (0xCB on the first record)");
        }

        if (!response.IsOk)
        {
            if (response.CompletionCode is (byte)CompletionCode.CannotReturnRequestedBytes or (byte)CompletionCode.Unspecified)
            {
                _wholeRecordDisabled = true;
            }

            return null;
        }

        if (response.Data.Length < 2 + SdrRecordHeader.Size)
        {
            return null;
        }

        var decoded = GetRecordResponse.Decode(response.Data.Span);
        var header = SdrRecordHeader.Decode(decoded.Data.Span);
        if (decoded.Data.Length < header.TotalLength)
        {
            // Fewer bytes than the record claims: read it in parts instead.
            return null;
        }

        return RecordOutcome.Read(decoded.Data[..header.TotalLength], decoded.NextRecordId);
    }

    /// <summary>Header then body chunks; null means "reservation was renewed, start the record again".</summary>
    private async Task<RecordOutcome?> ReadPartialAsync(ushort recordId, CancellationToken cancellationToken)
    {
        var reservation = await EnsureReservationAsync(cancellationToken).ConfigureAwait(false);
        var headerResponse = await SendAsync(
            GetSdr.CreateRequest(new GetRecordRequest(reservation, recordId, 0, SdrRecordHeader.Size), _options.Kind),
            cancellationToken).ConfigureAwait(false);
        switch (headerResponse.CompletionCode)
        {
            case 0:
                break;
            case (byte)CompletionCode.ReservationCancelled:
                return await RenewReservationAsync(cancellationToken).ConfigureAwait(false)
                    ? null
                    : RecordOutcome.Failed(null, "reservation cancelled repeatedly (0xC5)");
            case (byte)CompletionCode.NotPresent when recordId == GetRecordRequest.First:
                return RecordOutcome.End("repository is empty (0xCB on the first record)");
            case (byte)CompletionCode.Timeout:
                return RecordOutcome.End($"0xC3 reading record 0x{recordId:X4}: taken as the end of the repository");
            default:
                return RecordOutcome.Failed(null, Describe(recordId, headerResponse.CompletionCode));
        }

        if (headerResponse.Data.Length < 2 + SdrRecordHeader.Size)
        {
            return RecordOutcome.Failed(null, $"record 0x{recordId:X4}: header response has {headerResponse.Data.Length} bytes");
        }

        var first = GetRecordResponse.Decode(headerResponse.Data.Span);
        var header = SdrRecordHeader.Decode(first.Data.Span);
        var buffer = new byte[header.TotalLength];
        first.Data.Span[..SdrRecordHeader.Size].CopyTo(buffer);
        var offset = SdrRecordHeader.Size;
        while (offset < buffer.Length)
        {
            var count = Math.Min(_chunk, buffer.Length - offset);
            var response = await SendAsync(
                GetSdr.CreateRequest(new GetRecordRequest(reservation, recordId, (byte)offset, (byte)count), _options.Kind),
                cancellationToken).ConfigureAwait(false);
            if (response.IsOk)
            {
                var chunk = GetRecordResponse.Decode(response.Data.Span).Data;
                if (chunk.Length == 0)
                {
                    return RecordOutcome.Failed(first.NextRecordId, $"record 0x{recordId:X4}: empty chunk at offset {offset}");
                }

                var take = Math.Min(chunk.Length, buffer.Length - offset);
                chunk.Span[..take].CopyTo(buffer.AsSpan(offset));
                offset += take;
                continue;
            }

            switch (response.CompletionCode)
            {
                case (byte)CompletionCode.CannotReturnRequestedBytes or (byte)CompletionCode.Unspecified when _chunk > _options.MinimumChunkSize:
                    // FreeIPMI shrinks by 4 per step down to a floor.
                    _chunk = Math.Max(_options.MinimumChunkSize, _chunk - 4);
                    continue;
                case (byte)CompletionCode.ReservationCancelled:
                    return await RenewReservationAsync(cancellationToken).ConfigureAwait(false)
                        ? null
                        : RecordOutcome.Failed(first.NextRecordId, "reservation cancelled repeatedly (0xC5)");
                default:
                    return RecordOutcome.Failed(first.NextRecordId, Describe(recordId, response.CompletionCode));
            }
        }

        return RecordOutcome.Read(buffer, first.NextRecordId);
    }

    private async Task<ushort> EnsureReservationAsync(CancellationToken cancellationToken)
    {
        if (_reservation is { } current)
        {
            return current;
        }

        var response = await SendAsync(Reserve.CreateSdrRequest(_options.Kind), cancellationToken).ConfigureAwait(false);

        // 0xC1 (no Reserve command) or 0xD4 (Supermicro wants Operator): continue with reservation 0.
        _reservation = response.IsOk && response.Data.Length >= 2 ? Reserve.DecodeResponse(response.Data.Span) : (ushort)0;
        return _reservation.Value;
    }

    private async Task<bool> RenewReservationAsync(CancellationToken cancellationToken)
    {
        if (_reservationRetries >= _options.MaxReservationRetries)
        {
            return false;
        }

        _reservationRetries++;
        _reservation = null;
        await EnsureReservationAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static string Describe(ushort recordId, byte code)
        => $"record 0x{recordId:X4}: completion code 0x{code:X2} ({CompletionCodes.Describe(code)})";

    private readonly record struct RecordOutcome(ReadOnlyMemory<byte>? Bytes, ushort? Next, bool EndOfRepository, string? Reason)
    {
        public static RecordOutcome Read(ReadOnlyMemory<byte> bytes, ushort next) => new(bytes, next, false, null);

        public static RecordOutcome Failed(ushort? next, string reason) => new(null, next, false, reason);

        public static RecordOutcome End(string reason) => new(null, null, true, reason);
    }
}

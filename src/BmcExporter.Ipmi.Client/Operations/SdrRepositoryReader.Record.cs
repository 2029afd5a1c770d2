using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Client.Operations;

public sealed partial class SdrRepositoryReader
{
    private const int MaxReadsPerRecord = 3;
    private bool _wholeRecordDisabled;
    private int _knownCount;

    /// <summary>
    /// Reads one record and verifies it (length byte matches, it decodes, and its header ID equals the one asked
    /// for, or the same differing ID comes back twice: the Supermicro X6 quirk, reference §3.3). A record failing
    /// the checks is read again, up to three reads; a suspected loop (next ID already known) is read again once.
    /// </summary>
    private async Task<RecordOutcome> ReadVerifiedAsync(ushort recordId, SdrWalkState state, bool checkLoop, CancellationToken cancellationToken)
    {
        _knownCount = state.Records.Count + state.Missing.Count;
        RecordOutcome outcome = default;
        byte[]? previous = null;
        string? problem = null;
        var loopChecked = !checkLoop;
        for (var read = 0; read < MaxReadsPerRecord; read++)
        {
            outcome = await ReadRecordAsync(recordId, cancellationToken).ConfigureAwait(false);
            if (outcome.Bytes is not { } bytes)
            {
                return outcome;
            }

            problem = Check(recordId, bytes.Span, previous, out var actualId);
            previous = bytes.ToArray();
            if (problem is not null)
            {
                continue;
            }

            var next = outcome.Next ?? GetRecordRequest.Last;
            if (!loopChecked && next != GetRecordRequest.Last && (next == actualId || state.Knows(next)))
            {
                // A loop is reported only when a second read gives the same next record ID.
                loopChecked = true;
                read--;
                continue;
            }

            return outcome with { RecordId = actualId };
        }

        return problem is null
            ? outcome with { RecordId = recordId == GetRecordRequest.First && previous is not null ? SdrRecordHeader.Decode(previous).RecordId : recordId }
            : RecordOutcome.Failed(outcome.Next, $"record 0x{recordId:X4}: {problem} ({MaxReadsPerRecord} reads)");
    }

    /// <summary>Null when the bytes pass; otherwise why not. <paramref name="actualId"/> is the ID to file it under.</summary>
    private static string? Check(ushort requestedId, ReadOnlySpan<byte> bytes, byte[]? previous, out ushort actualId)
    {
        actualId = requestedId;
        SdrRecordHeader header;
        try
        {
            header = SdrRecordHeader.Decode(bytes);
            SdrDecoder.Decode(bytes);
        }
        catch (IpmiProtocolException ex)
        {
            return ex.Message;
        }

        if (requestedId == GetRecordRequest.First)
        {
            actualId = header.RecordId;
            return header.RecordId is GetRecordRequest.First or GetRecordRequest.Last ? $"first record names itself 0x{header.RecordId:X4}" : null;
        }

        if (header.RecordId != requestedId && (previous is null || !bytes.SequenceEqual(previous)))
        {
            return $"header names record 0x{header.RecordId:X4}";
        }

        return null;
    }

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
            case (byte)CompletionCode.Timeout when _knownCount >= _expectedCount:
                return RecordOutcome.End($"0xC3 reading record 0x{recordId:X4}: taken as the end of the repository");
            case (byte)CompletionCode.Timeout:
                return RecordOutcome.Failed(null, $"0xC3 reading record 0x{recordId:X4} before the reported {_expectedCount} records were read: retried later");
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

    private readonly record struct RecordOutcome(ReadOnlyMemory<byte>? Bytes, ushort? Next, bool EndOfRepository, string? Reason, ushort? RecordId = null)
    {
        public static RecordOutcome Read(ReadOnlyMemory<byte> bytes, ushort next) => new(bytes, next, false, null);

        public static RecordOutcome Failed(ushort? next, string reason) => new(null, next, false, reason);

        public static RecordOutcome End(string reason) => new(null, null, true, reason);
    }
}

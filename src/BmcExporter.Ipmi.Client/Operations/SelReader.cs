using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sel;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>
/// Walks the SEL (IPMI v2.0 §31; protocol reference §3.6), all of it or only the records after a cursor, so that
/// corrupted replies cannot make it count an entry twice or lose one:
/// <list type="bullet">
/// <item>Get SEL Info equal to the cursor means "unchanged" (one request). Anything else is read again until two
/// consecutive replies agree, and only the agreed info is acted on.</item>
/// <item>A clear is decided only from that agreed info: the erase timestamp moved, or the entry count dropped AND
/// the cursor's record is gone (0xCB on two reads in a row). Never from one odd reply.</item>
/// <item>Each entry must pass its checks (decodes, its own ID is the one asked for, a known record type, a next ID
/// that neither points to itself nor back into the walk); a failing entry is read again (at most three reads),
/// never counted. If it keeps failing the walk stops before it and the cursor stays there.</item>
/// <item>When fewer new entries were found than the agreed count says were added, a skipped link is suspected and
/// the walk is repeated from the cursor with every entry read twice (both reads must agree).</item>
/// </list>
/// Reserve SEL (0xD4/0xC1 give reservation 0), bounded re-reservation on 0xC5, bounded busy retries on 0x81/0xC0,
/// and a cap on entries still apply.
/// </summary>
public sealed partial class SelReader
{
    private const int MaxInfoReads = 5;
    private readonly IIpmiChannel _channel;
    private readonly SelReadOptions _options;
    private ushort _reservation;
    private int _reservationRetries;

    private SelReader(IIpmiChannel channel, SelReadOptions options)
    {
        _channel = channel;
        _options = options;
    }

    public static async Task<SelReadResult> ReadAsync(IIpmiChannel channel, SelCursor? after, SelReadOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var reader = new SelReader(channel, options ?? SelReadOptions.Default);
        return await reader.WalkAsync(after, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SelReadResult> WalkAsync(SelCursor? after, CancellationToken cancellationToken)
    {
        var first = await ReadInfoAsync(cancellationToken).ConfigureAwait(false);
        if (after is { } unchanged && Matches(first, unchanged))
        {
            return new SelReadResult { Info = first, Records = [], Cursor = unchanged, Unchanged = true };
        }

        var info = await AgreeOnInfoAsync(first, cancellationToken).ConfigureAwait(false);
        if (info is not { } agreed)
        {
            // The info never read the same twice: act on nothing, keep the cursor.
            return new SelReadResult { Info = first, Records = [], Cursor = after ?? default, StopReason = "Get SEL Info gave no two equal replies in a row" };
        }

        var cleared = false;
        var start = GetRecordRequest.First;

        // The all-zero cursor is "nothing known yet" (a first walk that never agreed on the info hands it back): it
        // is no evidence of a clear, or a false clear would count every entry again.
        if (after is { } known && known == default)
        {
            after = null;
        }

        if (after is { } cursor)
        {
            if (Matches(agreed, cursor))
            {
                return new SelReadResult { Info = agreed, Records = [], Cursor = cursor, Unchanged = true };
            }

            cleared = agreed.EraseTimestamp != cursor.EraseTimestamp
                || (agreed.EntryCount < cursor.EntryCount && await RecordGoneAsync(cursor.LastRecordId, cancellationToken).ConfigureAwait(false));
            if (!cleared && cursor.LastRecordId != GetRecordRequest.First)
            {
                start = cursor.LastRecordId;
            }
        }

        if (agreed.EntryCount == 0)
        {
            return new SelReadResult { Info = agreed, Records = [], Cursor = new SelCursor(0, agreed.AdditionTimestamp, agreed.EraseTimestamp, 0), ClearDetected = cleared };
        }

        await ReserveAsync(cancellationToken).ConfigureAwait(false);
        var resume = start != GetRecordRequest.First;
        var walk = await WalkFromAsync(start, resume, doubleRead: false, cancellationToken).ConfigureAwait(false);
        if (walk.Vanished)
        {
            // The cursor's record is gone but the agreed info shows no clear: entries were deleted one by one. Walk
            // from the start and deliver only records newer than the cursor (IDs grow on the BMCs we know of).
            walk = await WalkFromAsync(GetRecordRequest.First, false, doubleRead: false, cancellationToken).ConfigureAwait(false);
            walk = walk with { Records = walk.Records.Where(r => r.RecordId > start).ToList(), StopReason = walk.StopReason ?? $"cursor record 0x{start:X4} was deleted; resumed after it" };
        }

        var expected = after is { } c && !cleared ? agreed.EntryCount - c.EntryCount : agreed.EntryCount;
        if (walk.StopReason is null && walk.Records.Count < expected)
        {
            // Fewer new entries than the count says were added: a link may have been corrupted. Read again, twice each.
            var verified = await WalkFromAsync(start, resume, doubleRead: true, cancellationToken).ConfigureAwait(false);
            if (!verified.Vanished && verified.Records.Count >= walk.Records.Count)
            {
                walk = verified;
            }
        }

        return new SelReadResult
        {
            Info = agreed,
            Records = walk.Records,
            Cursor = NextCursor(walk, resume ? start : (ushort)0, agreed, after, cleared),
            ClearDetected = cleared,
            StopReason = walk.StopReason,
            MalformedCount = walk.Malformed,
        };
    }

    /// <summary>
    /// The cursor after a walk. A walk that reached the end records the agreed info; one that stopped early keeps
    /// the stamps of the previous cursor, so the next walk sees a change and goes on from the last good record.
    /// </summary>
    private static SelCursor NextCursor(WalkResult walk, ushort resumedFrom, RepositoryInfo agreed, SelCursor? after, bool cleared)
    {
        var last = walk.LastRecordId ?? resumedFrom;
        if (walk.StopReason is null)
        {
            return new SelCursor(last, agreed.AdditionTimestamp, agreed.EraseTimestamp, agreed.EntryCount);
        }

        return after is { } previous && !cleared
            ? previous with { LastRecordId = last }
            : new SelCursor(last, 0, agreed.EraseTimestamp, 0);
    }

    private static bool Matches(RepositoryInfo info, SelCursor cursor) =>
        info.AdditionTimestamp == cursor.AdditionTimestamp && info.EraseTimestamp == cursor.EraseTimestamp && info.EntryCount == cursor.EntryCount;

    private async Task<RepositoryInfo> ReadInfoAsync(CancellationToken cancellationToken)
    {
        var response = await SendWithBusyRetryAsync(SelCommands.CreateGetInfoRequest(), cancellationToken).ConfigureAwait(false);
        response.EnsureOk(NetFn.Storage, SelCommands.GetInfoCommand);
        return SelCommands.DecodeGetInfoResponse(response.Data.Span);
    }

    /// <summary>Reads SEL info until two consecutive replies are equal (at most five reads); null if they never are.</summary>
    private async Task<RepositoryInfo?> AgreeOnInfoAsync(RepositoryInfo first, CancellationToken cancellationToken)
    {
        var previous = first;
        for (var read = 1; read < MaxInfoReads; read++)
        {
            RepositoryInfo current;
            try
            {
                current = await ReadInfoAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IpmiProtocolException or IpmiCompletionCodeException)
            {
                continue;
            }

            if (current == previous)
            {
                return current;
            }

            previous = current;
        }

        return null;
    }

    /// <summary>True when Get SEL Entry answers 0xCB (not present) for the record on two reads in a row.</summary>
    private async Task<bool> RecordGoneAsync(ushort recordId, CancellationToken cancellationToken)
    {
        if (recordId == GetRecordRequest.First)
        {
            return true;
        }

        for (var read = 0; read < 2; read++)
        {
            var request = SelCommands.CreateGetEntryRequest(new GetRecordRequest(0, recordId, 0, GetRecordRequest.WholeRecord));
            var response = await SendWithBusyRetryAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.CompletionCode != (byte)CompletionCode.NotPresent)
            {
                return false;
            }
        }

        return true;
    }

    private async Task ReserveAsync(CancellationToken cancellationToken)
    {
        var response = await SendWithBusyRetryAsync(Reserve.CreateSelRequest(), cancellationToken).ConfigureAwait(false);

        // 0xD4 (Supermicro H8QME wants Operator) or 0xC1 (no Reserve SEL): reading with reservation 0 works.
        _reservation = response.IsOk && response.Data.Length >= 2 ? Reserve.DecodeResponse(response.Data.Span) : (ushort)0;
    }

    private async ValueTask<IpmiResponse> SendWithBusyRetryAsync(IpmiRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await _channel.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var busy = response.CompletionCode is SelCommands.EraseInProgress or (byte)CompletionCode.NodeBusy;
            if (!busy || attempt >= _options.MaxBusyRetries)
            {
                return response;
            }

            await ChannelCalls.DelayAsync(_options.TimeProvider, _options.BusyDelay, cancellationToken).ConfigureAwait(false);
        }
    }
}

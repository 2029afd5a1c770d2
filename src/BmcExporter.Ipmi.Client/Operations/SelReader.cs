using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sel;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>
/// Walks the SEL (IPMI v2.0 §31; protocol reference §3.6), all of it or only the records after a cursor:
/// SEL info first (clear detection by erase timestamp or entry-count drop), Reserve SEL (0xD4/0xC1 give
/// reservation 0), whole-entry reads, bounded re-reservation on 0xC5, bounded busy retries on 0x81/0xC0,
/// loop guard on visited IDs and a cap on entries.
/// </summary>
public sealed partial class SelReader
{
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
        var infoData = await SendWithBusyRetryAsync(SelCommands.CreateGetInfoRequest(), cancellationToken).ConfigureAwait(false);
        infoData.EnsureOk(NetFn.Storage, SelCommands.GetInfoCommand);
        var info = SelCommands.DecodeGetInfoResponse(infoData.Data.Span);

        var cleared = false;
        var start = GetRecordRequest.First;
        var resume = false;
        if (after is { } cursor)
        {
            if (info.EraseTimestamp != cursor.EraseTimestamp || info.EntryCount < cursor.EntryCount)
            {
                cleared = true;
            }
            else if (info.AdditionTimestamp == cursor.AdditionTimestamp && info.EntryCount == cursor.EntryCount)
            {
                return new SelReadResult { Info = info, Records = [], Cursor = cursor with { EntryCount = info.EntryCount }, Unchanged = true };
            }
            else if (cursor.LastRecordId != GetRecordRequest.First)
            {
                start = cursor.LastRecordId;
                resume = true;
            }
        }

        if (info.EntryCount == 0)
        {
            return new SelReadResult { Info = info, Records = [], Cursor = new SelCursor(0, info.AdditionTimestamp, info.EraseTimestamp, 0), ClearDetected = cleared };
        }

        await ReserveAsync(cancellationToken).ConfigureAwait(false);
        var walk = await WalkFromAsync(start, resume, info, cancellationToken).ConfigureAwait(false);
        if (walk.Vanished)
        {
            // The cursor's record is gone: the SEL was cleared (and refilled) between walks.
            cleared = true;
            walk = await WalkFromAsync(GetRecordRequest.First, false, info, cancellationToken).ConfigureAwait(false);
        }

        var last = walk.LastRecordId ?? (resume ? start : (ushort)0);
        return new SelReadResult
        {
            Info = info,
            Records = walk.Records,
            Cursor = new SelCursor(last, info.AdditionTimestamp, info.EraseTimestamp, info.EntryCount),
            ClearDetected = cleared,
            StopReason = walk.StopReason,
            MalformedCount = walk.Malformed,
        };
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

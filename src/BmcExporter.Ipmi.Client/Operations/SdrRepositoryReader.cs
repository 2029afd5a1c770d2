using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>
/// Walks an SDR repository robustly (IPMI v2.0 §33.12; protocol reference §3.3): repository info, a lazy
/// reservation (0xC1/0xD4 on Reserve mean "continue with reservation 0"), whole-record read first then header +
/// chunks, chunk shrinking on 0xCA/0xFF, bounded re-reservation on 0xC5, 0xC3 on the last record taken as the
/// end, loop guards (next == current, already visited, iteration cap), padded records trimmed, malformed and
/// OEM/unknown records skipped without failing the walk.
/// </summary>
public sealed partial class SdrRepositoryReader
{
    private readonly IIpmiChannel _channel;
    private readonly SdrReadOptions _options;
    private ushort? _reservation;
    private int _reservationRetries;
    private int _requests;
    private int _chunk;
    private int _expectedCount;

    private SdrRepositoryReader(IIpmiChannel channel, SdrReadOptions options)
    {
        _channel = channel;
        _options = options;
        _chunk = Math.Max(options.MinimumChunkSize, options.InitialChunkSize);
    }

    /// <summary>Walks the whole repository in one call (a fresh <see cref="SdrWalkState"/>).</summary>
    public static Task<SdrRepository> ReadAsync(IIpmiChannel channel, SdrReadOptions? options, CancellationToken cancellationToken)
        => ResumeAsync(channel, new SdrWalkState(), options, cancellationToken);

    /// <summary>
    /// Continues the walk recorded in <paramref name="state"/>: restarts it only when the repository changed
    /// (addition or erase timestamp; for Device SDRs the count), retries the records still missing, then follows
    /// the chain from its frontier. Every verified record is added to <paramref name="state"/> at once, so a
    /// cancellation or an error (which propagate) loses nothing read so far. The result is
    /// <see cref="SdrRepository.Complete"/> only when the chain reached its end with no record missing.
    /// </summary>
    public static async Task<SdrRepository> ResumeAsync(IIpmiChannel channel, SdrWalkState state, SdrReadOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(state);
        var reader = new SdrRepositoryReader(channel, options ?? SdrReadOptions.Default);
        return await reader.WalkAsync(state, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SdrRepository> WalkAsync(SdrWalkState state, CancellationToken cancellationToken)
    {
        var (info, _) = await ReadInfoAsync(cancellationToken).ConfigureAwait(false);
        if (state.Info is not RepositoryInfo started || started.AdditionTimestamp != info.AdditionTimestamp
            || started.EraseTimestamp != info.EraseTimestamp || (_options.Kind == SdrRepositoryKind.Device && started.EntryCount != info.EntryCount))
        {
            state.Reset(info);
        }

        _expectedCount = info.EntryCount;
        if (!state.Complete)
        {
            await RetryMissingAsync(state, cancellationToken).ConfigureAwait(false);
            await FollowChainAsync(state, cancellationToken).ConfigureAwait(false);
        }

        var records = state.DecodeRecords();
        return new SdrRepository
        {
            Info = _options.Kind == SdrRepositoryKind.Main ? state.Info : null,
            Records = records,
            Sensors = SdrSensors.Expand(records),
            Skipped = state.Missing.Select(m => new SdrSkip(m.RecordId, m.Reason)).ToList(),
            StopReason = state.StopReason,
            Complete = state.Complete,
            RequestCount = _requests,
        };
    }

    /// <summary>Records the chain passed but could not read on an earlier call (or earlier in this one).</summary>
    private async Task RetryMissingAsync(SdrWalkState state, CancellationToken cancellationToken)
    {
        foreach (var missing in state.Missing.ToList())
        {
            var outcome = await ReadVerifiedAsync(missing.RecordId, state, checkLoop: false, cancellationToken).ConfigureAwait(false);
            if (outcome.Bytes is { } bytes && outcome.Next is { } next)
            {
                state.AddRecord(missing.RecordId, bytes.Span, next);
            }
            else
            {
                state.AddMissing(missing.RecordId, outcome.Next, outcome.Reason ?? "unreadable");
            }
        }
    }

    /// <summary>
    /// Follows next-record IDs from the frontier. The reported record count is not trusted as a bound (Fujitsu
    /// RX100/RX300 report it wrong, protocol reference §5.1): the chain is stopped by a confirmed loop and MaxRecords.
    /// </summary>
    private async Task FollowChainAsync(SdrWalkState state, CancellationToken cancellationToken)
    {
        var cap = _options.MaxRecords;
        while (state.NextRecordId != GetRecordRequest.Last)
        {
            if (state.Records.Count + state.Missing.Count >= cap)
            {
                state.StopReason = $"iteration cap {cap} reached";
                state.Advance(GetRecordRequest.Last);
                return;
            }

            if (_options.AssumeMaxRecordCount && state.Records.Count + state.Missing.Count >= _expectedCount)
            {
                // Not a stop reason: with the workaround the reported count is the end of the repository.
                state.Advance(GetRecordRequest.Last);
                return;
            }

            var recordId = state.NextRecordId;
            var outcome = await ReadVerifiedAsync(recordId, state, checkLoop: true, cancellationToken).ConfigureAwait(false);
            if (outcome.EndOfRepository)
            {
                // Dell FC830: 0xC3 for the last record; an empty repository answers 0xCB for the first.
                state.StopReason = outcome.Reason;
                state.Advance(GetRecordRequest.Last);
                return;
            }

            if (outcome.Next is not { } next)
            {
                // Not even the header could be read: the next call starts exactly here.
                state.StopReason = outcome.Reason;
                return;
            }

            var id = outcome.RecordId ?? recordId;
            if (outcome.Bytes is { } bytes)
            {
                state.AddRecord(id, bytes.Span, next);
            }
            else
            {
                state.AddMissing(id, next, outcome.Reason ?? "unreadable");
            }

            if (next != GetRecordRequest.Last && (next == id || state.Knows(next)))
            {
                state.StopReason = $"loop detected: record 0x{id:X4} points to 0x{next:X4}";
                next = GetRecordRequest.Last;
            }

            state.Advance(next);
        }
    }

    /// <summary>Get SDR Repository Info; for Device SDRs a stand-in holding the count (and the population change indicator as addition stamp).</summary>
    private async Task<(RepositoryInfo Info, int Count)> ReadInfoAsync(CancellationToken cancellationToken)
    {
        if (_options.Kind == SdrRepositoryKind.Device)
        {
            var response = await SendAsync(GetDeviceSdrInfo.CreateRequest(), cancellationToken).ConfigureAwait(false);
            response.EnsureOk(NetFn.SensorEvent, GetDeviceSdrInfo.Command);
            var device = GetDeviceSdrInfo.DecodeResponse(response.Data.Span);
            return (new RepositoryInfo(0, device.Count, 0, device.PopulationChange ?? 0, 0, 0), device.Count);
        }

        var data = await SendAsync(GetSdrRepositoryInfo.CreateRequest(), cancellationToken).ConfigureAwait(false);
        data.EnsureOk(GetSdrRepositoryInfo.NetFunction, GetSdrRepositoryInfo.Command);
        var info = GetSdrRepositoryInfo.DecodeResponse(data.Data.Span);
        return (info, info.EntryCount);
    }

    private ValueTask<IpmiResponse> SendAsync(IpmiRequest request, CancellationToken cancellationToken)
    {
        _requests++;
        return _channel.SendAsync(request, cancellationToken);
    }
}

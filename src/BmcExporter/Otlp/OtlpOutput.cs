using BmcExporter.Config;
using BmcExporter.Otlp.Delivery;
using BmcExporter.Otlp.Wire;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Otlp;

/// <summary>
/// The OpenTelemetry output for a fleet. Each stored snapshot is encoded once into its BMC's <c>ResourceMetrics</c>
/// (one resource per BMC, <c>hw.*</c> instruments) and kept compressed; every <c>otlp.interval</c> the pieces not
/// yet delivered go out in ceil(BMCs / <c>otlp.batch_size</c>) requests, each retried within the interval. New SEL
/// entries become log records in a persisted queue (<c>state_dir/otlp</c>) before the SEL cursor may move, and are
/// removed from it only once the collector accepted them (at-least-once; <c>log.record.uid</c> lets backends drop
/// the duplicates a restart can cause). Fed by <see cref="Publish"/> from the snapshot store; never calls back
/// into the scrape path.
/// </summary>
public sealed partial class OtlpOutput : IAsyncDisposable
{
    private const long MaxLogRequestBytes = 4L * 1024 * 1024;
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    private readonly OtlpConfig _config;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OtlpTransport _transport;
    private readonly RetryingSender _sender;
    private readonly LogQueue _queue;
    private readonly MetricCache _cache = new();
    private readonly SemaphoreSlim _logsWaiting = new(0, int.MaxValue);
    private readonly SemaphoreSlim _metricRound = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly DateTimeOffset _started;
    private Task _metricLoop = Task.CompletedTask;
    private Task _logLoop = Task.CompletedTask;

    /// <summary>
    /// Creates the output. <paramref name="stateDirectory"/> holds the log queue (<c>null</c>: in memory only);
    /// <paramref name="handler"/> replaces the HTTP handler (tests). Nothing is sent before <see cref="Start"/> or
    /// an explicit export.
    /// </summary>
    public OtlpOutput(OtlpConfig config, string? stateDirectory, TimeProvider timeProvider, ILogger? logger = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfLessThan(config.BatchSize, 1, "otlp.batch_size");
        ArgumentOutOfRangeException.ThrowIfLessThan(config.RetryMaxAttempts, 1, "otlp.retry.max_attempts");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(config.Timeout, TimeSpan.Zero, "otlp.timeout");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(config.Interval, TimeSpan.Zero, "otlp.interval");
        ArgumentOutOfRangeException.ThrowIfLessThan(config.RetryMaxBackoff, config.RetryInitialBackoff, "otlp.retry.max_backoff");
        ArgumentOutOfRangeException.ThrowIfLessThan(config.QueueMaxRecords, 1, "otlp.queue.max_records");
        ArgumentOutOfRangeException.ThrowIfLessThan(config.QueueMaxBytes, 1024, "otlp.queue.max_bytes");
        _config = config;
        _time = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        _started = timeProvider.GetUtcNow();
        _transport = new OtlpTransport(config, handler);
        _queue = new LogQueue(stateDirectory is null ? null : Path.Combine(stateDirectory, "otlp"), config.QueueMaxBytes, config.QueueMaxRecords, _logger);
        Stats = new OtlpStats(() => (_queue.Count, _queue.Bytes), () => (_cache.Targets, _cache.Bytes));
        _sender = new RetryingSender(_transport, config, Stats, timeProvider, _logger);
    }

    /// <summary>The output's own counters (also on the <see cref="OtlpStats.MeterName"/> meter).</summary>
    internal OtlpStats Stats { get; }

    /// <summary>SEL log records waiting for the collector.</summary>
    public int QueuedLogRecords => _queue.Count;

    /// <summary>Targets with encoded metrics (delivered or not).</summary>
    public int TargetCount => _cache.Targets;

    /// <summary>
    /// Takes a stored snapshot: encodes its metrics once, and queues its new SEL entries durably. When the entries
    /// cannot be queued, the snapshot's SEL commit is rejected so the entries are read again. Never blocks on the network.
    /// </summary>
    public void Publish(TargetSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (_stopping.IsCancellationRequested)
        {
            snapshot.SelCommit?.Reject("OTLP output stopping");
            return;
        }

        var w = ProtoBuffer.ForThread;
        var points = MetricsEncoder.Write(w, snapshot, _started);
        if (points > 0)
        {
            _cache.Set(snapshot.Target, EncodedPiece.Compress(w.Written, points), snapshot.StartedAt);
        }

        if (snapshot.NewSelEvents.Count > 0)
        {
            QueueLogs(snapshot);
        }
    }

    /// <summary>Forgets a target that is no longer scraped (its resource stops being exported; queued logs stay).</summary>
    public void RemoveTarget(string target) => _cache.Remove(target);

    /// <summary>Starts the periodic metric export and the log delivery loop.</summary>
    public void Start()
    {
        _metricLoop = Task.Run(() => MetricLoopAsync(_stopping.Token));
        _logLoop = Task.Run(() => LogLoopAsync(_stopping.Token));
    }

    /// <summary>
    /// Sends every BMC's undelivered metrics now in batches of <c>otlp.batch_size</c> resources, each retried until
    /// <paramref name="deadline"/>; returns the number of requests accepted.
    /// </summary>
    public async Task<int> ExportMetricsAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        await _metricRound.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var pending = _cache.Capture();
            var accepted = 0;
            var gzip = _config.Compression == OtlpCompression.Gzip;
            for (var start = 0; start < pending.Count; start += _config.BatchSize)
            {
                var batch = pending.GetRange(start, Math.Min(_config.BatchSize, pending.Count - start));
                var payload = new ExportPayload(batch.Select(p => p.Piece).ToList(), gzip);
                var outcome = await _sender.SendAsync(OtlpSignal.Metrics, payload, deadline, cancellationToken).ConfigureAwait(false);
                if (outcome.Status == ExportStatus.Retryable)
                {
                    // Kept for the next round unless a newer scrape replaces it.
                    Stats.RecordGaveUp(OtlpSignal.Metrics, payload.Items);
                    continue;
                }

                if (outcome.Status == ExportStatus.Permanent)
                {
                    OtlpLog.Rejected(_logger, "metrics", payload.Items, outcome.Detail);
                }
                else
                {
                    accepted++;
                }

                foreach (var (target, piece) in batch)
                {
                    _cache.Delivered(target, piece);
                }
            }

            return accepted;
        }
        finally
        {
            _metricRound.Release();
        }
    }

    /// <inheritdoc cref="ExportMetricsAsync(DateTimeOffset, CancellationToken)"/>
    public Task<int> ExportMetricsAsync(CancellationToken cancellationToken) =>
        ExportMetricsAsync(_time.GetUtcNow() + _config.Interval, cancellationToken);

    /// <summary>Stops the loops, sends what is pending once more (bounded by a short grace period) and closes the queue.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_metricLoop, _logLoop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }

        using var grace = new CancellationTokenSource(ShutdownGrace, _time);
        try
        {
            await ExportMetricsAsync(_time.GetUtcNow(), grace.Token).ConfigureAwait(false);
            await DeliverQueuedLogsAsync(_time.GetUtcNow(), grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // What was not sent stays queued (logs) or is dropped (metrics).
        }

        _queue.Dispose();
        _transport.Dispose();
        Stats.Dispose();
        _logsWaiting.Dispose();
        _metricRound.Dispose();
        _stopping.Dispose();
    }

    private void QueueLogs(TargetSnapshot snapshot)
    {
        try
        {
            var records = LogsEncoder.QueueRecords(snapshot, _time.GetUtcNow());
            var dropped = _queue.Append(records);
            if (dropped > 0)
            {
                Stats.RecordQueueDropped(dropped);
                OtlpLog.QueueDropped(_logger, $"{_config.QueueMaxRecords} records, {_config.QueueMaxBytes} bytes", dropped);
            }

            _logsWaiting.Release();
        }
        catch (IOException ex)
        {
            snapshot.SelCommit?.Reject(ex.Message);
            OtlpLog.EnqueueFailed(_logger, snapshot.Target, snapshot.NewSelEvents.Count, ex.Message);
        }
    }
}

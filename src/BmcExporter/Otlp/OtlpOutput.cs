using System.Collections.Concurrent;
using System.Threading.Channels;
using BmcExporter.Config;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry.Exporter;

namespace BmcExporter.Otlp;

/// <summary>
/// The OpenTelemetry output: <c>hw.*</c> metrics of every BMC exported each <c>otlp.interval</c>, one
/// resource per BMC, and every new SEL entry exported as a log record. Fed with
/// <see cref="Publish"/> (subscribe it to the snapshot store); never calls back into the scrape path.
/// </summary>
public sealed partial class OtlpOutput : IAsyncDisposable
{
    private const int MaxParallelExports = 8;
    private const int ExportTimeoutMilliseconds = 10_000;

    private readonly OtlpConfig _config;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SocketsHttpHandler _handler = new() { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2) };
    private readonly ConcurrentDictionary<string, OtlpTargetMetrics> _metrics = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _failing = new(StringComparer.Ordinal);
    private readonly Channel<TargetSnapshot> _selQueue = Channel.CreateBounded<TargetSnapshot>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _pipelineLock = new();
    private readonly SemaphoreSlim _exportRound = new(1, 1);
    private readonly OtlpExporterOptions _metricOptions;
    private Task _metricLoop = Task.CompletedTask;
    private Task _logLoop = Task.CompletedTask;
    private long _exportedLogRecords;

    /// <summary>Creates the output; nothing is sent before <see cref="Start"/> or an explicit export.</summary>
    public OtlpOutput(OtlpConfig config, TimeProvider timeProvider, ILogger? logger = null)
    {
        _config = config;
        _time = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        _metricOptions = ExporterOptions("v1/metrics");
    }

    /// <summary>Number of SEL log records handed to the exporter so far.</summary>
    public long ExportedLogRecords => Interlocked.Read(ref _exportedLogRecords);

    /// <summary>Targets with a metric pipeline.</summary>
    public int TargetCount => _metrics.Count;

    /// <summary>
    /// Takes a new snapshot: its readings are what the next metric export reports, its new SEL entries are
    /// queued for export as logs. Never blocks on the network.
    /// </summary>
    public void Publish(TargetSnapshot snapshot)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        var identity = OtlpResource.IdentityOf(snapshot);
        lock (_pipelineLock)
        {
            if (_metrics.TryGetValue(snapshot.Target, out var existing) && existing.Fits(snapshot, identity))
            {
                existing.Update(snapshot);
            }
            else
            {
                _metrics[snapshot.Target] = new OtlpTargetMetrics(snapshot, OtlpResource.For(snapshot), _metricOptions);
                existing?.Dispose();
            }
        }

        if (snapshot.NewSelEvents.Count > 0)
        {
            _selQueue.Writer.TryWrite(snapshot);
        }
    }

    /// <summary>Forgets a target that is no longer scraped (its resource stops being exported).</summary>
    public void RemoveTarget(string target)
    {
        lock (_pipelineLock)
        {
            if (_metrics.TryRemove(target, out var removed))
            {
                removed.Dispose();
            }

            _failing.TryRemove(target, out _);
        }
    }

    /// <summary>Starts the periodic metric export and the SEL log loop.</summary>
    public void Start()
    {
        _metricLoop = MetricLoopAsync(_stopping.Token);
        _logLoop = LogLoopAsync(_stopping.Token);
    }

    /// <summary>Exports every target's metrics now; returns how many targets exported successfully.</summary>
    public async Task<int> ExportMetricsAsync(CancellationToken cancellationToken)
    {
        // One export round at a time: the timer and shutdown may overlap.
        await _exportRound.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var ok = 0;
            await Parallel.ForEachAsync(
                _metrics.Values.ToList(),
                new ParallelOptions { MaxDegreeOfParallelism = MaxParallelExports, CancellationToken = cancellationToken },
                (pipeline, _) =>
                {
                    var success = pipeline.Collect(ExportTimeoutMilliseconds);
                    if (success)
                    {
                        Interlocked.Increment(ref ok);
                    }

                    NoteOutcome(pipeline.Target, success);
                    return ValueTask.CompletedTask;
                }).ConfigureAwait(false);
            return ok;
        }
        finally
        {
            _exportRound.Release();
        }
    }

    /// <summary>Exports the SEL entries queued so far (the log loop does this continuously once started).</summary>
    public void ExportQueuedLogs()
    {
        while (_selQueue.Reader.TryRead(out var snapshot))
        {
            EmitLogs(snapshot);
        }
    }

    /// <summary>Stops the loops, exports what is pending once more and releases every pipeline.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _selQueue.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_metricLoop, _logLoop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }

        ExportQueuedLogs();
        await ExportMetricsAsync(CancellationToken.None).ConfigureAwait(false);
        lock (_pipelineLock)
        {
            foreach (var m in _metrics.Values)
            {
                m.Dispose();
            }

            _metrics.Clear();
        }

        _handler.Dispose();
        _exportRound.Dispose();
        _stopping.Dispose();
    }
}

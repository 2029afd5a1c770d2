using System.Collections.Concurrent;
using BmcExporter.Logging;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Engine;

/// <summary>
/// The one path every scrape takes, background or on demand: at most one scrape per target at a time
/// (concurrent callers share it), at most <c>max_concurrency</c> targets in flight, a deadline per caller
/// with partial results, and a per-target circuit breaker. Results land in the <see cref="SnapshotStore"/>.
/// </summary>
public sealed partial class ScrapeCoordinator : IAsyncDisposable
{
    private readonly ITargetScraper _scraper;
    private readonly SnapshotStore _store;
    private readonly TargetStatsRegistry _stats;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly BreakerOptions _breakerOptions;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<string, Flight> _flights = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TargetBreaker> _breakers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private int _inFlight;

    public ScrapeCoordinator(
        ITargetScraper scraper,
        SnapshotStore store,
        TargetStatsRegistry stats,
        int maxConcurrency,
        BreakerOptions breakerOptions,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        _scraper = scraper;
        _store = store;
        _stats = stats;
        _time = time;
        _logger = logger;
        _breakerOptions = breakerOptions;
        MaxConcurrency = maxConcurrency;
        _slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
    }

    /// <summary>The concurrency bound.</summary>
    public int MaxConcurrency { get; }

    /// <summary>Targets being scraped right now (holding a slot).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Scrapes started and not yet finished, including those waiting for a slot.</summary>
    public int Pending => _flights.Count;

    /// <summary>The circuit state of <paramref name="targetKey"/>; closed when never scraped.</summary>
    public BreakerState CircuitStateOf(string targetKey) =>
        _breakers.TryGetValue(targetKey, out var b) ? b.State : BreakerState.Closed;

    /// <summary>
    /// Scrapes <paramref name="target"/>, or joins the scrape of it already running, and returns within
    /// <paramref name="timeout"/>: with everything read so far when the deadline passes first.
    /// </summary>
    public async Task<TargetSnapshot> ScrapeAsync(ScrapeTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        NoteRequested(target.Key);
        var flight = _flights.GetOrAdd(target.Key, static (_, state) => state.Coordinator.NewFlight(state.Target, state.Timeout), (Coordinator: this, Target: target, Timeout: timeout));
        flight.Start();
        try
        {
            return await flight.Result.Task.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.ScrapeDeadline(_logger, target.Key, timeout.TotalSeconds);
            return flight.Builder.Build(DeadlineReason(timeout));
        }
    }

    /// <summary>Forgets a target that left the fleet: breaker, stats, snapshot and session.</summary>
    public async ValueTask ForgetAsync(string targetKey)
    {
        _lastRequested.TryRemove(targetKey, out _);
        _breakers.TryRemove(targetKey, out _);
        _stats.Remove(targetKey);
        _store.Remove(targetKey);
        await _scraper.ForgetAsync(targetKey).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        var running = _flights.Values.Select(f => f.Completion).ToArray();
        try
        {
            await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Scrapes that ignore cancellation are abandoned at shutdown.
        }

        _shutdown.Dispose();
        _slots.Dispose();
    }

    internal static string DeadlineReason(TimeSpan timeout) =>
        $"deadline of {timeout.TotalSeconds:0.###}s exceeded (raise scrape.timeout or the Prometheus scrape_timeout)";

    private Flight NewFlight(ScrapeTarget target, TimeSpan timeout)
    {
        var builder = new SnapshotBuilder(target.Address, target.Module.Name, target.Labels, target.CollectorNames, _time)
        {
            OptionalMetrics = target.OptionalMetrics,
        };
        return new Flight(builder, flight => RunAsync(target, flight, timeout));
    }

    private TargetBreaker BreakerFor(string key) =>
        _breakers.GetOrAdd(key, static (_, s) => new TargetBreaker(s._breakerOptions, s._time), this);
}

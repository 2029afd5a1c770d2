using System.Collections.Concurrent;
using BmcExporter.Logging;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Engine;

/// <summary>Who asked for a scrape: the background schedule or an <c>/ipmi</c> request.</summary>
public enum ScrapeOrigin
{
    /// <summary>The background schedule.</summary>
    Background,

    /// <summary>An <c>/ipmi?target=</c> request.</summary>
    OnDemand,
}

/// <summary>
/// The one path every scrape takes, background or on demand: at most one scrape per target and module at a time
/// (concurrent callers share it), a deadline per caller with partial results, a per-target circuit breaker, and
/// three concurrency pools so that nobody waits for a slot held by somebody else's problem: background targets
/// (<c>max_concurrency</c>), on-demand requests (<c>on_demand_max_concurrency</c>), and suspect targets (the last
/// scrape found the BMC dead), whatever their origin. Results land in the <see cref="SnapshotStore"/>.
/// </summary>
public sealed partial class ScrapeCoordinator : IAsyncDisposable
{
    /// <summary>The longest deadline a scrape gets, whatever the caller asks.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    /// <summary>The shortest deadline a scrape gets.</summary>
    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(100);

    private readonly ITargetScraper _scraper;
    private readonly SnapshotStore _store;
    private readonly TargetStatsRegistry _stats;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly BreakerOptions _breakerOptions;
    private readonly SemaphoreSlim _backgroundSlots;
    private readonly SemaphoreSlim _onDemandSlots;
    private readonly SemaphoreSlim _suspectSlots;
    private readonly ConcurrentDictionary<string, Flight> _flights = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TargetBreaker> _breakers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly ScrapeTransitions _transitions;
    private int _inFlight;

    public ScrapeCoordinator(
        ITargetScraper scraper,
        SnapshotStore store,
        TargetStatsRegistry stats,
        int maxConcurrency,
        BreakerOptions breakerOptions,
        TimeProvider time,
        ILogger logger,
        int onDemandMaxConcurrency = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(onDemandMaxConcurrency, 1);
        _scraper = scraper;
        _store = store;
        _stats = stats;
        _time = time;
        _logger = logger;
        _breakerOptions = breakerOptions;
        _transitions = new ScrapeTransitions(logger);
        MaxConcurrency = maxConcurrency;
        OnDemandMaxConcurrency = onDemandMaxConcurrency;
        SuspectConcurrency = Math.Max(2, maxConcurrency / 4);
        _backgroundSlots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
        _onDemandSlots = new SemaphoreSlim(onDemandMaxConcurrency, onDemandMaxConcurrency);
        _suspectSlots = new SemaphoreSlim(SuspectConcurrency, SuspectConcurrency);
    }

    /// <summary>The background concurrency bound.</summary>
    public int MaxConcurrency { get; }

    /// <summary>The bound on on-demand (<c>/ipmi</c>) scrapes at once.</summary>
    public int OnDemandMaxConcurrency { get; }

    /// <summary>The bound on scrapes of suspect (last found dead) targets at once.</summary>
    public int SuspectConcurrency { get; }

    /// <summary>Targets being scraped right now (holding a slot of any pool).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Scrapes started and not yet finished, including those waiting for a slot.</summary>
    public int Pending => _flights.Count;

    /// <summary>Scrapes running or waiting for a slot right now, for the status page (progress of in-flight targets).</summary>
    public IReadOnlyList<ScrapeProgress> Running() => _flights.Select(f => Progress(f.Key, f.Value)).ToList();

    /// <summary>The scrape of <paramref name="targetKey"/> running or waiting for a slot right now, or <c>null</c>.</summary>
    public ScrapeProgress? RunningOf(string targetKey) => _flights.TryGetValue(targetKey, out var flight) ? Progress(targetKey, flight) : null;

    private static ScrapeProgress Progress(string targetKey, Flight flight) => new(
        targetKey,
        flight.Builder.StartedAt,
        flight.Builder.Elapsed,
        flight.Builder.CompletedCollectors,
        flight.Builder.PlannedCollectors.Count,
        flight.Builder.HasSlot);

    /// <summary>The circuit state of <paramref name="targetKey"/>; closed when never scraped.</summary>
    public BreakerState CircuitStateOf(string targetKey) =>
        _breakers.TryGetValue(targetKey, out var b) ? b.State : BreakerState.Closed;

    /// <summary>Scrapes <paramref name="target"/> for the background schedule (see the overload).</summary>
    public Task<TargetSnapshot> ScrapeAsync(ScrapeTarget target, TimeSpan timeout, CancellationToken cancellationToken) =>
        ScrapeAsync(target, timeout, ScrapeOrigin.Background, cancellationToken);

    /// <summary>
    /// Scrapes <paramref name="target"/>, or joins the scrape of it already running, and returns within
    /// <paramref name="timeout"/> (clamped to <see cref="MinTimeout"/>..<see cref="MaxTimeout"/>): with everything
    /// read so far when the deadline passes first.
    /// </summary>
    public async Task<TargetSnapshot> ScrapeAsync(ScrapeTarget target, TimeSpan timeout, ScrapeOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        timeout = Clamp(timeout);
        NoteRequested(target.Key);
        var flight = _flights.GetOrAdd(target.Key, static (_, state) => state.Coordinator.NewFlight(state.Target, state.Timeout, state.Origin), (Coordinator: this, Target: target, Timeout: timeout, Origin: origin));
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
        _transitions.Forget(targetKey);
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
        _backgroundSlots.Dispose();
        _onDemandSlots.Dispose();
        _suspectSlots.Dispose();
    }

    internal static string DeadlineReason(TimeSpan timeout) =>
        $"deadline of {timeout.TotalSeconds:0.###}s exceeded (raise scrape.timeout or the Prometheus scrape_timeout)";

    /// <summary>Clamps a deadline into <see cref="MinTimeout"/>..<see cref="MaxTimeout"/> (NaN-safe: TimeSpan has none).</summary>
    internal static TimeSpan Clamp(TimeSpan timeout) =>
        timeout < MinTimeout ? MinTimeout : timeout > MaxTimeout ? MaxTimeout : timeout;

    private Flight NewFlight(ScrapeTarget target, TimeSpan timeout, ScrapeOrigin origin)
    {
        var builder = new SnapshotBuilder(target.Address, target.Module.Name, target.Labels, target.CollectorNames, _time)
        {
            OptionalMetrics = target.OptionalMetrics,
            Deadline = _time.GetUtcNow() + timeout,
        };
        return new Flight(builder, flight => RunAsync(target, flight, timeout, origin));
    }

    private TargetBreaker BreakerFor(string key) =>
        _breakers.GetOrAdd(key, static (_, s) => new TargetBreaker(s._breakerOptions, s._time), this);
}

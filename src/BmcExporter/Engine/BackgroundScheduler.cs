using BmcExporter.Logging;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Engine;

/// <summary>
/// Background mode: scrapes every target once per interval at a phase given by a stable hash of the target key, so a
/// fleet never scrapes in one burst. A new target's first scrape comes sooner: the first round is spread over
/// <see cref="FirstRoundWindow"/>, the time the fleet needs at <c>max_concurrency</c> (a small fleet gets its first
/// data within seconds, a large one still spreads over the whole interval); later rounds follow the hash phase, at
/// least half an interval after the first scrape. Concurrency, single-flight and deadlines are the
/// <see cref="ScrapeCoordinator"/>'s job.
/// </summary>
public sealed class BackgroundScheduler
{
    private readonly ScrapeCoordinator _coordinator;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _running = [];
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BackgroundScheduler(ScrapeCoordinator coordinator, TimeProvider time, ILogger logger)
    {
        _coordinator = coordinator;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Raised after <see cref="SetTargetsAsync"/> changed the schedule, with every scheduled target key (outputs
    /// that show the background fleet follow it). Handlers must not block.
    /// </summary>
    public event Action<IReadOnlyList<string>>? ScheduleChanged;

    /// <summary>The scheduled target keys.</summary>
    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries.Keys];
            }
        }
    }

    /// <summary>Number of scheduled targets.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>When <paramref name="targetKey"/> is next due, or <c>null</c> when not scheduled.</summary>
    public DateTimeOffset? NextDue(string targetKey)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(targetKey, out var e) ? e.NextDue : null;
        }
    }

    /// <summary>
    /// Replaces the scheduled set. Targets that stay keep their phase; new ones get a spread start; removed
    /// ones are forgotten (their series vanish and their session closes). Returns the removed keys.
    /// </summary>
    public async Task<IReadOnlyList<string>> SetTargetsAsync(IReadOnlyList<ScrapeTarget> targets)
    {
        List<string> removed;
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            var wanted = targets.ToDictionary(t => t.Key, StringComparer.Ordinal);
            removed = _entries.Keys.Where(k => !wanted.ContainsKey(k)).ToList();
            foreach (var key in removed)
            {
                _entries.Remove(key);
            }

            foreach (var target in wanted.Values)
            {
                if (_entries.TryGetValue(target.Key, out var existing) && existing.Target.Interval == target.Interval)
                {
                    _entries[target.Key] = existing with { Target = target };
                }
                else
                {
                    _entries[target.Key] = Entry.New(target, now, FirstRoundWindow(wanted.Count, _coordinator.MaxConcurrency, target.Interval));
                }
            }

            _wake.TrySetResult();
        }

        Log.TargetsScheduled(_logger, targets.Count);
        ScheduleChanged?.Invoke(Keys);
        foreach (var key in removed)
        {
            await _coordinator.ForgetAsync(key).ConfigureAwait(false);
        }

        return removed;
    }

    /// <summary>How often due targets are looked for; scrape start times are this precise.</summary>
    public static TimeSpan Tick { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Runs the schedule until <paramref name="cancellationToken"/> fires, then waits for running scrapes.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // A periodic tick never loses a wake-up: a tick that passes while due scrapes are being started is
        // delivered on the next wait, so no due time can be skipped however the clock moves.
        using var timer = new PeriodicTimer(Tick, _time);
        Task<bool>? tick = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var wake = FireDue(cancellationToken);
                tick ??= timer.WaitForNextTickAsync(cancellationToken).AsTask();
                // Always resume on the thread pool, never inline inside the timer's callback.
                var woke = await Task.WhenAny(tick, wake).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
                if (woke == tick)
                {
                    tick = null;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SchedulerFailed(_logger, ex);
            throw;
        }

        Task[] running;
        lock (_lock)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    /// <summary>How long one scrape is assumed to hold a concurrency slot when sizing the first round.</summary>
    public static TimeSpan FirstRoundSlotTime { get; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The window a new target's first scrape falls in: as many <see cref="FirstRoundSlotTime"/>s as the fleet needs
    /// rounds of <paramref name="maxConcurrency"/> scrapes, at most one <paramref name="interval"/>. 10 targets at
    /// max_concurrency 64 start within 2 s; 10,000 spread over the whole interval, as later rounds do.
    /// </summary>
    public static TimeSpan FirstRoundWindow(int fleetSize, int maxConcurrency, TimeSpan interval)
    {
        var rounds = (Math.Max(fleetSize, 1) + Math.Max(maxConcurrency, 1) - 1) / Math.Max(maxConcurrency, 1);
        var window = FirstRoundSlotTime * rounds;
        return window < interval ? window : interval;
    }

    /// <summary>
    /// Offset of a target's scrapes within its interval, from a stable hash (XxHash64) of its whole key, so keys
    /// that differ only in a port or the last octet still spread uniformly.
    /// </summary>
    internal static TimeSpan Spread(ScrapeTarget target) => Spread(target, target.Interval);

    /// <summary>The same hash fraction of <paramref name="window"/>: where the target falls within the first round.</summary>
    internal static TimeSpan Spread(ScrapeTarget target, TimeSpan window)
    {
        var hash = System.IO.Hashing.XxHash64.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(target.Key));
        return TimeSpan.FromTicks((long)(window.Ticks * (hash / (double)ulong.MaxValue)));
    }

    private Task FireDue(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        // Due entries are rescheduled after the walk: a copy of the whole table per tick was a large-object
        // allocation every second at 10,000 targets. A rescheduled entry keeps its target.
        var due = new List<KeyValuePair<string, Entry>>();
        Task wake;
        lock (_lock)
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.NextDue <= now)
                {
                    due.Add(new(key, entry.After(now)));
                }
            }

            foreach (var (key, next) in due)
            {
                _entries[key] = next;
            }

            if (_wake.Task.IsCompleted)
            {
                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            wake = _wake.Task;
        }

        foreach (var (_, next) in due)
        {
            Track(ScrapeQuietlyAsync(next.Target, cancellationToken));
        }

        return wake;
    }

    private async Task ScrapeQuietlyAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        try
        {
            await _coordinator.ScrapeAsync(target, target.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the scrape's own result is stored by the coordinator.
        }
    }

    private void Track(Task task)
    {
        lock (_lock)
        {
            _running.Add(task);
        }

        _ = task.ContinueWith(
            static (t, state) =>
            {
                var self = (BackgroundScheduler)state!;
                lock (self._lock)
                {
                    self._running.Remove(t);
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>
    /// A scheduled target: <paramref name="Phase"/> is the time of a scrape in the hash phase (later rounds fall on it
    /// plus whole intervals); <paramref name="NextDue"/> the next scrape, sooner than the phase for the first one.
    /// </summary>
    private sealed record Entry(ScrapeTarget Target, DateTimeOffset Phase, DateTimeOffset NextDue)
    {
        public static Entry New(ScrapeTarget target, DateTimeOffset now, TimeSpan firstRound) =>
            new(target, now + Spread(target), now + Spread(target, firstRound));

        /// <summary>The entry after a scrape fired at <paramref name="fired"/>: the first phase time at least half an interval later.</summary>
        public Entry After(DateTimeOffset fired)
        {
            var interval = Target.Interval;
            var earliest = fired + (interval / 2);
            var next = Phase;
            if (next < earliest)
            {
                // Whole intervals in one step: a clock that jumped far ahead costs no loop.
                next += interval * Math.Ceiling((earliest - next) / interval);
            }

            return this with { Phase = next, NextDue = next };
        }
    }
}

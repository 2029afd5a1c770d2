using BmcExporter.Ipmi.Client.Transport;
using BmcExporter.Logging;
using BmcExporter.Snapshots;

namespace BmcExporter.Engine;

public sealed partial class ScrapeCoordinator
{
    /// <summary>
    /// Runs one flight to its end. Whatever throws at whatever stage, the finally blocks release the slot, remove
    /// the single-flight entry and complete the result, so no target can be wedged by one bad request.
    /// </summary>
    private async Task RunAsync(ScrapeTarget target, Flight flight, TimeSpan timeout, ScrapeOrigin origin)
    {
        var builder = flight.Builder;
        TargetSnapshot? snapshot = null;
        try
        {
            snapshot = await ScrapeWithinLimitsAsync(target, builder, timeout, origin).ConfigureAwait(false);

            // The last answer may have resumed this scrape on a UDP receive thread: store (render, outputs, SEL cursor
            // file) elsewhere, whichever way the scrape ended.
            await ThreadPoolHop.Leave();
            snapshot = Store(target, snapshot);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.ScrapeFailed(_logger, target.Address, target.Module.Name, ScrapeOutcome.Failed, $"internal error: {ex.Message}", "this is a bug in bmc-exporter: please report it with this line");
            snapshot ??= builder.Build($"internal error: {ex.Message}", ScrapeOutcome.Failed, $"internal error: {ex.Message}");
        }
        finally
        {
            _flights.TryRemove(new KeyValuePair<string, Flight>(target.Key, flight));
            flight.Result.TrySetResult(snapshot ?? builder.Build("internal error", ScrapeOutcome.Failed, "internal error"));
        }
    }

    private async Task<TargetSnapshot> ScrapeWithinLimitsAsync(ScrapeTarget target, SnapshotBuilder builder, TimeSpan timeout, ScrapeOrigin origin)
    {
        var breaker = BreakerFor(target.Key);
        if (!breaker.TryEnter(out var retryIn))
        {
            var reason = $"circuit open after {breaker.ConsecutiveDead} scrapes without an answer; next attempt in {Math.Ceiling(retryIn.TotalSeconds):0}s";
            return builder.Build(reason, ScrapeOutcome.CircuitOpen, reason);
        }

        var pool = breaker.IsSuspect ? _suspectSlots : origin == ScrapeOrigin.OnDemand ? _onDemandSlots : _backgroundSlots;
        var acquired = false;
        TargetSnapshot? snapshot = null;
        try
        {
            using var deadline = new CancellationTokenSource(timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, _shutdown.Token);
            try
            {
                await pool.WaitAsync(linked.Token).ConfigureAwait(false);
                acquired = true;
                builder.HasSlot = true;
                Interlocked.Increment(ref _inFlight);
            }
            catch (OperationCanceledException)
            {
                snapshot = builder.Build(_shutdown.IsCancellationRequested
                    ? "exporter shutting down"
                    : $"{DeadlineReason(timeout)} while waiting for a free slot ({PoolName(pool)})");
                return snapshot;
            }

            snapshot = await ScrapeOnceAsync(target, builder, timeout, linked.Token).ConfigureAwait(false);
            return snapshot;
        }
        finally
        {
            if (acquired)
            {
                Interlocked.Decrement(ref _inFlight);
                pool.Release();
            }

            // No snapshot means an exception escaped: the scrape counts as dead for the breaker, so it ends a trial.
            breaker.Record(dead: snapshot is null || IsDead(snapshot));
        }
    }

    /// <summary>Nothing answered at all: unreachable, refused, or silent.</summary>
    private static bool IsDead(TargetSnapshot snapshot) =>
        !snapshot.Answered && snapshot.Outcome is ScrapeOutcome.Failed or ScrapeOutcome.Timeout;

    private TargetSnapshot Store(ScrapeTarget target, TargetSnapshot snapshot)
    {
        var stats = _stats.For(target.Key);
        stats.RecordScrape(snapshot.Outcome);
        stats.RecordSelEvents(snapshot.NewSelEvents.Where(e => !e.Repeat), selRead: snapshot.Sel is not null);
        snapshot = snapshot with { Breaker = BreakerFor(target.Key).State };
        var stored = _store.Put(snapshot);

        // At-least-once SEL delivery: the cursor moves only after every subscriber of the store took the new
        // entries (they run inside Put); one that could not has rejected the commit, and the next scrape reads
        // the same entries again (marked Repeat, so counters above do not count them twice).
        stored.SelCommit?.TryCommit();
        // Log on a change only: a dead BMC or a failing collector must not log every interval.
        _transitions.Observe(target, stored);

        return stored;
    }

    private string PoolName(SemaphoreSlim pool) =>
        ReferenceEquals(pool, _suspectSlots) ? $"suspect targets, {SuspectConcurrency} at once"
        : ReferenceEquals(pool, _onDemandSlots) ? $"scrape.on_demand_max_concurrency {OnDemandMaxConcurrency}"
        : $"scrape.max_concurrency {MaxConcurrency}";

    private async Task<TargetSnapshot> ScrapeOnceAsync(ScrapeTarget target, SnapshotBuilder builder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _scraper.ScrapeAsync(target, builder, cancellationToken).ConfigureAwait(false);
            return builder.Build("not run");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return builder.Build(_shutdown.IsCancellationRequested ? "exporter shutting down" : DeadlineReason(timeout));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var reason = ex.Message;
            builder.FailPending(reason);
            return builder.Build(reason);
        }
    }

    /// <summary>One target's running scrape, shared by every caller that asks while it runs.</summary>
    private sealed class Flight(SnapshotBuilder builder, Func<Flight, Task> run)
    {
        private int _started;

        public SnapshotBuilder Builder { get; } = builder;

        public TaskCompletionSource<TargetSnapshot> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Completion { get; private set; } = Task.CompletedTask;

        public void Start()
        {
            if (Interlocked.Exchange(ref _started, 1) == 0)
            {
                Completion = Task.Run(() => run(this));
            }
        }
    }
}

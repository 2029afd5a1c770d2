using BmcExporter.Logging;
using BmcExporter.Snapshots;
using Polly;
using Polly.CircuitBreaker;

namespace BmcExporter.Engine;

public sealed partial class ScrapeCoordinator
{
    private async Task RunAsync(ScrapeTarget target, Flight flight, TimeSpan timeout)
    {
        var builder = flight.Builder;
        TargetSnapshot snapshot;
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, _shutdown.Token);
        var token = linked.Token;
        var acquired = false;
        try
        {
            await _slots.WaitAsync(token).ConfigureAwait(false);
            acquired = true;
            Interlocked.Increment(ref _inFlight);
            snapshot = await BreakerFor(target.Key).Pipeline.ExecuteAsync(
                static async (state, ct) => await state.Self.ScrapeOnceAsync(state.Target, state.Builder, state.Timeout, ct).ConfigureAwait(false),
                (Self: this, Target: target, Builder: builder, Timeout: timeout),
                token).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            var retry = ex.RetryAfter is { } after ? $"; next attempt in {after.TotalSeconds:0}s" : string.Empty;
            snapshot = builder.Build("circuit open", ScrapeOutcome.CircuitOpen, $"circuit open after repeated failures{retry}");
        }
        catch (OperationCanceledException) when (!acquired)
        {
            snapshot = builder.Build($"{DeadlineReason(timeout)} while waiting for a free slot (scrape.max_concurrency {MaxConcurrency})");
        }
        catch (OperationCanceledException)
        {
            snapshot = builder.Build(_shutdown.IsCancellationRequested ? "exporter shutting down" : DeadlineReason(timeout));
        }
        catch (Exception ex)
        {
            snapshot = builder.Build(ex.Message, ScrapeOutcome.Failed, ex.Message);
        }
        finally
        {
            if (acquired)
            {
                Interlocked.Decrement(ref _inFlight);
                _slots.Release();
            }
        }

        var stats = _stats.For(target.Key);
        stats.RecordScrape(snapshot.Outcome);
        stats.RecordSelEvents(snapshot.NewSelEvents.Where(e => !e.Repeat));
        snapshot = snapshot with { Breaker = BreakerFor(target.Key).State };
        // Log on a change of outcome only: a dead BMC must not log every interval.
        var previous = _store.Latest(target.Key);
        snapshot = _store.Put(snapshot);

        // At-least-once SEL delivery: the cursor moves only after every subscriber of the store took the new
        // entries (they run inside Put); one that could not has rejected the commit, and the next scrape reads
        // the same entries again (marked Repeat, so counters above do not count them twice).
        snapshot.SelCommit?.TryCommit();
        if (snapshot.Outcome is not ScrapeOutcome.Success && (previous?.Outcome != snapshot.Outcome || previous?.Error != snapshot.Error) && snapshot.Outcome != ScrapeOutcome.CircuitOpen)
        {
            Log.ScrapeNotSuccessful(_logger, target.Key, snapshot.Outcome, snapshot.Error ?? string.Empty);
        }

        _flights.TryRemove(new KeyValuePair<string, Flight>(target.Key, flight));
        flight.Result.TrySetResult(snapshot);
    }

    private async ValueTask<TargetSnapshot> ScrapeOnceAsync(ScrapeTarget target, SnapshotBuilder builder, TimeSpan timeout, CancellationToken cancellationToken)
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
        catch (Exception ex)
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

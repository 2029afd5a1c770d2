using BmcExporter.Engine;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Tests.Engine;

/// <summary>No failure at any stage of a scrape may leave a single-flight entry, a slot or a wedged target behind.</summary>
public sealed class ScrapeCoordinatorFaultTests
{
    [Fact]
    public async Task ScrapeAsync_ScraperThrows_ReleasesEverythingAndNextScrapeRuns()
    {
        var calls = 0;
        var scraper = new ScriptedScraper((t, b, ct) => Interlocked.Increment(ref calls) == 1
            ? throw new InvalidOperationException("boom")
            : ScriptedScraper.AllSucceed(t, b, ct));
        await using var coordinator = TestTargets.Coordinator(scraper, TimeProvider.System);
        var target = TestTargets.Target("10.7.0.1");

        var failed = await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None);
        await WaitUntilAsync(() => coordinator.Pending == 0 && coordinator.InFlight == 0);
        var next = await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(ScrapeOutcome.Failed, failed.Outcome);
        Assert.Contains("boom", failed.Error, StringComparison.Ordinal);
        Assert.Equal(ScrapeOutcome.Success, next.Outcome);
    }

    [Fact]
    public async Task ScrapeAsync_OutputHandlerThrows_ReleasesEverythingAndNextScrapeRuns()
    {
        var store = new SnapshotStore();
        var throwOnce = true;
        store.SnapshotStored += _ =>
        {
            if (throwOnce)
            {
                throwOnce = false;
                throw new InvalidOperationException("output failed");
            }
        };
        var scraper = new ScriptedScraper(ScriptedScraper.AllSucceed);
        await using var coordinator = TestTargets.Coordinator(scraper, TimeProvider.System, store: store);
        var target = TestTargets.Target("10.7.0.2");

        var first = await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None);
        await WaitUntilAsync(() => coordinator.Pending == 0 && coordinator.InFlight == 0);
        var second = await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(ScrapeOutcome.Success, first.Outcome);
        Assert.Equal(ScrapeOutcome.Success, second.Outcome);
        Assert.Equal(2, scraper.Calls);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(0L)]
    [InlineData(-1L)]
    public async Task ScrapeAsync_AbsurdTimeout_IsClampedAndNothingIsLeftBehind(long ticks)
    {
        var scraper = new ScriptedScraper(ScriptedScraper.AllSucceed);
        await using var coordinator = TestTargets.Coordinator(scraper, TimeProvider.System);
        var target = TestTargets.Target("10.7.0.3");

        var snapshot = await coordinator.ScrapeAsync(target, TimeSpan.FromTicks(ticks), CancellationToken.None);
        await WaitUntilAsync(() => coordinator.Pending == 0 && coordinator.InFlight == 0);

        Assert.NotNull(snapshot);
        Assert.Equal(1, scraper.Calls);
    }

    [Fact]
    public async Task ScrapeAsync_CallerGivesUp_FlightStillEndsAndIsRemoved()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scraper = new ScriptedScraper(async (t, b, ct) =>
        {
            await release.Task.WaitAsync(ct);
            await ScriptedScraper.AllSucceed(t, b, ct);
        });
        await using var coordinator = TestTargets.Coordinator(scraper, TimeProvider.System);
        var target = TestTargets.Target("10.7.0.4");
        using var caller = new CancellationTokenSource();

        var scrape = coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(30), caller.Token);
        await WaitUntilAsync(() => scraper.Calls == 1);
        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scrape);
        release.SetResult();
        await WaitUntilAsync(() => coordinator.Pending == 0 && coordinator.InFlight == 0);

        Assert.Equal(ScrapeOutcome.Success, (await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task ScrapeAsync_DeadTargetsHoldSlots_LiveTargetNeverWaits()
    {
        var time = new FakeTimeProvider();
        var hang = false;
        var scraper = new ScriptedScraper(async (t, b, ct) =>
        {
            if (!t.Address.StartsWith("10.6.", StringComparison.Ordinal))
            {
                b.NoteAnswer();
                await ScriptedScraper.AllSucceed(t, b, ct);
                return;
            }

            if (hang)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, time, ct);
            }

            await ScriptedScraper.AllFail(t, b, ct);
        });
        await using var coordinator = TestTargets.Coordinator(scraper, time, maxConcurrency: 4);
        var dead = Enumerable.Range(1, 8).Select(i => TestTargets.Target($"10.6.0.{i}")).ToList();
        foreach (var target in dead)
        {
            await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(10), CancellationToken.None);
        }

        // Now every dead target is suspect: their hanging scrapes queue in the suspect pool (2 slots).
        hang = true;
        var hanging = dead.Select(t => coordinator.ScrapeAsync(t, TimeSpan.FromSeconds(10), CancellationToken.None)).ToList();
        await WaitUntilAsync(() => coordinator.InFlight == coordinator.SuspectConcurrency && coordinator.Pending == dead.Count);

        var live = await coordinator.ScrapeAsync(TestTargets.Target("10.5.0.1"), TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(ScrapeOutcome.Success, live.Outcome);
        Assert.All(hanging, h => Assert.False(h.IsCompleted));
        time.Advance(TimeSpan.FromSeconds(11));
        await Task.WhenAll(hanging);
    }

    [Fact]
    public async Task ScrapeAsync_OnDemandFlood_DoesNotStarveBackgroundTargets()
    {
        var time = new FakeTimeProvider();
        var scraper = new ScriptedScraper(async (t, b, ct) =>
        {
            if (t.Address.StartsWith("10.4.", StringComparison.Ordinal))
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, time, ct);
            }

            b.NoteAnswer();
            await ScriptedScraper.AllSucceed(t, b, ct);
        });
        await using var coordinator = new ScrapeCoordinator(scraper, new SnapshotStore(), new TargetStatsRegistry(), 4, new BreakerOptions(), time, NullLogger.Instance, onDemandMaxConcurrency: 2);
        var flood = Enumerable.Range(1, 80)
            .Select(i => coordinator.ScrapeAsync(TestTargets.Target($"10.4.{i / 256}.{i % 256}"), TimeSpan.FromSeconds(10), ScrapeOrigin.OnDemand, CancellationToken.None))
            .ToList();
        await WaitUntilAsync(() => coordinator.InFlight == 2);

        var background = await coordinator.ScrapeAsync(TestTargets.Target("10.3.0.1"), TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(ScrapeOutcome.Success, background.Outcome);
        time.Advance(TimeSpan.FromSeconds(11));
        await Task.WhenAll(flood);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 5_000 && !condition(); i++)
        {
            await Task.Delay(1);
        }

        Assert.True(condition());
    }
}

using BmcExporter.Engine;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Tests.Engine;

public sealed class ScrapeCoordinatorTests
{
    [Fact]
    public async Task ScrapeAsync_ConcurrentCallersSameTarget_ShareOneScrape()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scraper = new ScriptedScraper(async (t, b, ct) =>
        {
            await release.Task.WaitAsync(ct);
            await ScriptedScraper.AllSucceed(t, b, ct);
        });
        await using var coordinator = TestTargets.Coordinator(scraper, TimeProvider.System);
        var target = TestTargets.Target("10.0.0.1");

        var first = coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(30), CancellationToken.None);
        var second = coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(30), CancellationToken.None);
        var third = coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(30), CancellationToken.None);
        release.SetResult();
        var results = await Task.WhenAll(first, second, third);

        Assert.Equal(1, scraper.Calls);
        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.Equal(ScrapeOutcome.Success, results[0].Outcome);
    }

    [Fact]
    public async Task ScrapeAsync_ScraperFinishesOnADedicatedThread_SnapshotIsStoredOnThePool()
    {
        // Like a session whose last answer resumed the scrape on a UDP receive thread: the completion runs
        // synchronously on a thread of its own.
        var finish = new TaskCompletionSource();
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scraper = new ScriptedScraper(async (t, b, ct) =>
        {
            waiting.SetResult();
            await finish.Task.ConfigureAwait(false);
            await ScriptedScraper.AllSucceed(t, b, ct);
        });
        var store = new SnapshotStore();
        var storedOn = new TaskCompletionSource<(string? Thread, bool OnPool)>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.SnapshotStored += _ => storedOn.TrySetResult((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
        await using var coordinator = TestTargets.Coordinator(scraper, TimeProvider.System, store: store);

        var scrape = coordinator.ScrapeAsync(TestTargets.Target("10.0.0.1"), TimeSpan.FromSeconds(30), CancellationToken.None);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var finisher = new Thread(() => finish.SetResult()) { Name = "test-receive-thread" };
        finisher.Start();
        finisher.Join();
        var snapshot = await scrape;
        var (thread, onPool) = await storedOn.Task;

        Assert.Equal(ScrapeOutcome.Success, snapshot.Outcome);
        Assert.True(onPool, $"stored on {thread ?? "an unnamed thread"}");
    }

    [Fact]
    public async Task ScrapeAsync_AfterFlightEnds_StartsANewScrape()
    {
        var scraper = new ScriptedScraper(ScriptedScraper.AllSucceed);
        await using var coordinator = TestTargets.Coordinator(scraper, TimeProvider.System);
        var target = TestTargets.Target("10.0.0.1");

        await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None);
        await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(2, scraper.Calls);
    }

    [Fact]
    public async Task ScrapeAsync_ManyTargets_NeverExceedsMaxConcurrency()
    {
        var gate = new SemaphoreSlim(0);
        var scraper = new ScriptedScraper(async (t, b, ct) =>
        {
            await gate.WaitAsync(ct);
            await ScriptedScraper.AllSucceed(t, b, ct);
        });
        await using var coordinator = TestTargets.Coordinator(scraper, TimeProvider.System, maxConcurrency: 3);
        var scrapes = Enumerable.Range(1, 10)
            .Select(i => coordinator.ScrapeAsync(TestTargets.Target($"10.0.0.{i}"), TimeSpan.FromSeconds(30), CancellationToken.None))
            .ToList();

        // Let the first wave start, then release one at a time.
        await WaitUntilAsync(() => scraper.Calls == 3);
        Assert.Equal(3, coordinator.InFlight);
        for (var i = 0; i < 10; i++)
        {
            gate.Release();
        }

        var results = await Task.WhenAll(scrapes);

        Assert.Equal(10, scraper.Calls);
        Assert.Equal(3, scraper.MaxRunning);
        Assert.All(results, r => Assert.Equal(ScrapeOutcome.Success, r.Outcome));
    }

    [Fact]
    public async Task ScrapeAsync_DeadlinePasses_ReturnsPartialResultWithFailedCollectors()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var sensorsDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scraper = new ScriptedScraper(async (t, b, ct) =>
        {
            b.SetSensors([SampleSnapshots.Sensor(1, "CPU Temp", "C", 45)]);
            b.Complete("ipmi", true, null, TimeSpan.FromMilliseconds(5));
            sensorsDone.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        });
        await using var coordinator = TestTargets.Coordinator(scraper, time);
        var target = TestTargets.Target("10.0.0.1");

        var scrape = coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(2), CancellationToken.None);
        await sensorsDone.Task;
        time.Advance(TimeSpan.FromSeconds(2));
        var snapshot = await scrape;

        Assert.Equal(ScrapeOutcome.Partial, snapshot.Outcome);
        Assert.True(snapshot.Succeeded("ipmi"));
        var bmc = Assert.Single(snapshot.Collectors, c => c.Collector == "bmc");
        Assert.False(bmc.Success);
        Assert.Contains("deadline", bmc.Error, StringComparison.Ordinal);
        Assert.Single(snapshot.Sensors);
    }

    [Fact]
    public async Task ScrapeAsync_NothingReadBeforeDeadline_ReportsTimeout()
    {
        var time = new FakeTimeProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scraper = new ScriptedScraper(async (t, b, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        });
        await using var coordinator = TestTargets.Coordinator(scraper, time);

        var scrape = coordinator.ScrapeAsync(TestTargets.Target("10.0.0.9"), TimeSpan.FromSeconds(5), CancellationToken.None);
        await started.Task;
        time.Advance(TimeSpan.FromSeconds(5));
        var snapshot = await scrape;

        Assert.Equal(ScrapeOutcome.Timeout, snapshot.Outcome);
        Assert.All(snapshot.Collectors, c => Assert.False(c.Success));
    }

    [Fact]
    public async Task ScrapeAsync_ScraperThrows_FailsEveryCollectorWithTheReason()
    {
        var scraper = new ScriptedScraper((t, b, ct) => throw new InvalidOperationException("wrong password for user reader"));
        await using var coordinator = TestTargets.Coordinator(scraper, TimeProvider.System);

        var snapshot = await coordinator.ScrapeAsync(TestTargets.Target("10.0.0.2"), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(ScrapeOutcome.Failed, snapshot.Outcome);
        Assert.All(snapshot.Collectors, c => Assert.Equal("wrong password for user reader", c.Error));
    }

    [Fact]
    public async Task ScrapeAsync_StoresSnapshotAndCountsOutcome()
    {
        var store = new SnapshotStore();
        var stats = new TargetStatsRegistry();
        var scraper = new ScriptedScraper(ScriptedScraper.AllSucceed);
        await using var coordinator = TestTargets.Coordinator(scraper, TimeProvider.System, store: store, stats: stats);
        var target = TestTargets.Target("10.0.0.3");

        await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.NotNull(store.Latest(target.Key));
        Assert.NotNull(store.LastSuccess(target.Key));
        Assert.Equal(1, stats.For(target.Key).Scrapes(ScrapeOutcome.Success));
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "condition not reached within 5 s");
    }
}

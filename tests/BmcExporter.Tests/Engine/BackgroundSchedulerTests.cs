using System.Collections.Concurrent;
using BmcExporter.Engine;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Tests.Engine;

public sealed class BackgroundSchedulerTests
{
    [Fact]
    public async Task RunAsync_SmallFleet_FirstRoundWithinSecondsThenOneScrapePerIntervalAtTheHashPhase()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var scrapedAt = new ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>>(StringComparer.Ordinal);
        var scraper = new ScriptedScraper((target, builder, ct) =>
        {
            scrapedAt.GetOrAdd(target.Key, static _ => new()).Enqueue(time.GetUtcNow());
            return ScriptedScraper.AllSucceed(target, builder, ct);
        });
        var store = new SnapshotStore();
        await using var coordinator = TestTargets.Coordinator(scraper, time, store: store);
        var scheduler = new BackgroundScheduler(coordinator, time, NullLogger.Instance);
        var targets = Enumerable.Range(1, 5).Select(i => TestTargets.Target($"10.1.0.{i}")).ToList();
        await scheduler.SetTargetsAsync(targets);
        using var cts = new CancellationTokenSource();
        var loop = scheduler.RunAsync(cts.Token);

        // Three intervals, one second at a time. Before each step the test reads when every target is due, so it
        // knows how many scrapes the step must start, and moves the clock on only once they have run and been
        // stored: moving it while a started scrape is still on its way expires that scrape's deadline in fake time.
        var interval = targets[0].Interval;
        for (var second = 1; second <= 3 * interval.TotalSeconds; second++)
        {
            var dueBefore = targets.Select(t => scheduler.NextDue(t.Key)!.Value).ToList();
            var callsBefore = scraper.Calls;
            time.Advance(TimeSpan.FromSeconds(1));
            var now = time.GetUtcNow();
            var due = callsBefore + dueBefore.Count(d => d <= now);
            await WaitUntilAsync(() => scraper.Calls >= due && coordinator.Pending == 0);
            Assert.Equal(due, scraper.Calls);
        }

        await cts.CancelAsync();
        await loop;

        // 5 targets at max_concurrency 4: a first round of 2 slots of 2 s.
        var window = BackgroundScheduler.FirstRoundWindow(5, 4, interval);
        Assert.Equal(TimeSpan.FromSeconds(4), window);
        Assert.Equal(5, store.Count);
        Assert.All(store.All(), s => Assert.Equal(ScrapeOutcome.Success, s.Outcome));
        foreach (var target in targets)
        {
            var times = scrapedAt[target.Key].ToList();
            Assert.InRange(times[0] - start, TimeSpan.Zero, window + BackgroundScheduler.Tick);
            var phase = BackgroundScheduler.Spread(target);
            Assert.InRange(times[1] - times[0], interval / 2, interval * 1.5);
            for (var i = 1; i < times.Count; i++)
            {
                // Later rounds: on the hash phase (to the tick), one interval apart.
                var sincePhase = (times[i] - start - phase).Ticks % interval.Ticks;
                Assert.InRange(TimeSpan.FromTicks(sincePhase), TimeSpan.Zero, BackgroundScheduler.Tick);
                if (i > 1)
                {
                    Assert.Equal(interval, times[i] - times[i - 1]);
                }
            }
        }
    }

    [Theory]
    [InlineData(1, 64, 2)]
    [InlineData(64, 64, 2)]
    [InlineData(640, 64, 20)]
    [InlineData(10_000, 64, 60)]
    [InlineData(3, 1, 6)]
    public void FirstRoundWindow_FleetAndConcurrency_TwoSecondsPerRoundAtMostTheInterval(int fleet, int maxConcurrency, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), BackgroundScheduler.FirstRoundWindow(fleet, maxConcurrency, TimeSpan.FromSeconds(60)));

    [Fact]
    public async Task SetTargetsAsync_LargeFleet_FirstScrapesAreSpreadOverTheInterval()
    {
        var time = new FakeTimeProvider();
        await using var coordinator = TestTargets.Coordinator(new ScriptedScraper(ScriptedScraper.AllSucceed), time, maxConcurrency: 1);
        var scheduler = new BackgroundScheduler(coordinator, time, NullLogger.Instance);
        var targets = Enumerable.Range(1, 50).Select(i => TestTargets.Target($"10.2.0.{i}")).ToList();

        await scheduler.SetTargetsAsync(targets);

        // 50 targets one at a time need 100 s of slots: the first round is the whole 60 s interval.
        var offsets = targets.Select(t => (scheduler.NextDue(t.Key)!.Value - time.GetUtcNow()).TotalSeconds).ToList();
        Assert.All(offsets, o => Assert.InRange(o, 0, 60));
        Assert.True(offsets.Distinct().Count() >= 45, "offsets should be spread, not bunched");
        Assert.True(offsets.Count(o => o < 30) is > 10 and < 40, "roughly half in each half of the interval");
    }

    [Fact]
    public async Task SetTargetsAsync_SmallFleet_FirstScrapesWithinTheFirstRoundWindow()
    {
        var time = new FakeTimeProvider();
        await using var coordinator = TestTargets.Coordinator(new ScriptedScraper(ScriptedScraper.AllSucceed), time, maxConcurrency: 64);
        var scheduler = new BackgroundScheduler(coordinator, time, NullLogger.Instance);
        var targets = Enumerable.Range(1, 50).Select(i => TestTargets.Target($"10.2.1.{i}")).ToList();

        await scheduler.SetTargetsAsync(targets);

        var offsets = targets.Select(t => (scheduler.NextDue(t.Key)!.Value - time.GetUtcNow()).TotalSeconds).ToList();
        Assert.All(offsets, o => Assert.InRange(o, 0, 2));
        Assert.True(offsets.Distinct().Count() >= 45, "offsets should be spread within the window, not bunched");
    }

    [Fact]
    public void Spread_KeysDifferingOnlyInPort_AreUniformOverTheInterval()
    {
        var targets = Enumerable.Range(20000, 1000).Select(p => TestTargets.Target("127.0.0.1", p)).ToList();

        var buckets = new int[10];
        foreach (var target in targets)
        {
            var offset = BackgroundScheduler.Spread(target);
            Assert.InRange(offset, TimeSpan.Zero, target.Interval);
            buckets[Math.Min(9, (int)(offset / target.Interval * 10))]++;
        }

        // 100 per tenth expected; a chi-squared test at 9 degrees of freedom stays under 27.9 with p = 0.001.
        var chiSquared = buckets.Sum(b => (b - 100.0) * (b - 100.0) / 100.0);
        Assert.True(chiSquared < 27.9, $"offsets cluster: {string.Join(",", buckets)} (chi-squared {chiSquared:0.0})");
    }

    [Fact]
    public async Task SetTargetsAsync_RemovedTarget_IsForgottenAndKeptTargetsKeepTheirPhase()
    {
        var time = new FakeTimeProvider();
        var scraper = new ScriptedScraper(ScriptedScraper.AllSucceed);
        await using var coordinator = TestTargets.Coordinator(scraper, time);
        var scheduler = new BackgroundScheduler(coordinator, time, NullLogger.Instance);
        var a = TestTargets.Target("10.3.0.1");
        var b = TestTargets.Target("10.3.0.2");
        await scheduler.SetTargetsAsync([a, b]);
        var dueA = scheduler.NextDue(a.Key);

        time.Advance(TimeSpan.FromSeconds(1));
        var removed = await scheduler.SetTargetsAsync([a]);

        Assert.Equal([b.Key], removed);
        Assert.Equal(dueA, scheduler.NextDue(a.Key));
        Assert.Null(scheduler.NextDue(b.Key));
        Assert.Contains(b.Key, scraper.Forgotten);
    }

    /// <summary>Polls <paramref name="condition"/> for at most 10 s of real time (the scrapes run on the thread pool).</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 10_000 && !condition(); i++)
        {
            await Task.Delay(1);
        }
    }
}

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
    public async Task RunAsync_EachInterval_ScrapesEveryTargetOnce()
    {
        var time = new FakeTimeProvider();
        var perTarget = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var scraper = new ScriptedScraper((target, builder, ct) =>
        {
            perTarget.AddOrUpdate(target.Key, 1, static (_, n) => n + 1);
            return ScriptedScraper.AllSucceed(target, builder, ct);
        });
        var store = new SnapshotStore();
        await using var coordinator = TestTargets.Coordinator(scraper, time, store: store);
        var scheduler = new BackgroundScheduler(coordinator, time, NullLogger.Instance);
        var targets = Enumerable.Range(1, 5).Select(i => TestTargets.Target($"10.1.0.{i}")).ToList();
        await scheduler.SetTargetsAsync(targets);
        var firstDue = targets.Select(t => scheduler.NextDue(t.Key)!.Value).ToList();
        using var cts = new CancellationTokenSource();
        var loop = scheduler.RunAsync(cts.Token);

        // Two intervals, one second at a time. The fake clock moves on only once every scrape due so far has run
        // and been stored: moving it while a started scrape is still on its way to the scraper expires that
        // scrape's 10 s deadline in fake time, which is what made this test fail 2 runs in 10 (the scheduler had
        // fired the scrape on time; the test's clock outran the thread pool).
        var interval = targets[0].Interval;
        for (var second = 1; second <= 2 * interval.TotalSeconds; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            var now = time.GetUtcNow();
            var due = firstDue.Sum(d => d <= now ? 1 + (int)((now - d) / interval) : 0);
            await WaitUntilAsync(() => scraper.Calls >= due && coordinator.Pending == 0);
            Assert.Equal(due, scraper.Calls);
            if (second == interval.TotalSeconds)
            {
                Assert.Equal(5, store.Count);
            }
        }

        await cts.CancelAsync();
        await loop;
        Assert.All(targets, t => Assert.Equal(2, perTarget[t.Key]));
        Assert.All(store.All(), s => Assert.Equal(ScrapeOutcome.Success, s.Outcome));
    }

    [Fact]
    public async Task SetTargetsAsync_FirstScrapes_AreSpreadOverTheInterval()
    {
        var time = new FakeTimeProvider();
        await using var coordinator = TestTargets.Coordinator(new ScriptedScraper(ScriptedScraper.AllSucceed), time);
        var scheduler = new BackgroundScheduler(coordinator, time, NullLogger.Instance);
        var targets = Enumerable.Range(1, 50).Select(i => TestTargets.Target($"10.2.0.{i}")).ToList();

        await scheduler.SetTargetsAsync(targets);

        var offsets = targets.Select(t => (scheduler.NextDue(t.Key)!.Value - time.GetUtcNow()).TotalSeconds).ToList();
        Assert.All(offsets, o => Assert.InRange(o, 0, 60));
        Assert.True(offsets.Distinct().Count() >= 45, "offsets should be spread, not bunched");
        Assert.True(offsets.Count(o => o < 30) is > 10 and < 40, "roughly half in each half of the interval");
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

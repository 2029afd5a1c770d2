using BmcExporter.Engine;
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
        var scraper = new ScriptedScraper(ScriptedScraper.AllSucceed);
        var store = new SnapshotStore();
        await using var coordinator = TestTargets.Coordinator(scraper, time, store: store);
        var scheduler = new BackgroundScheduler(coordinator, time, NullLogger.Instance);
        var targets = Enumerable.Range(1, 5).Select(i => TestTargets.Target($"10.1.0.{i}")).ToList();
        await scheduler.SetTargetsAsync(targets);
        using var cts = new CancellationTokenSource();
        var loop = scheduler.RunAsync(cts.Token);

        await AdvanceAsync(time, TimeSpan.FromSeconds(60), scraper, expectedCalls: 5);
        Assert.Equal(5, store.Count);
        await AdvanceAsync(time, TimeSpan.FromSeconds(60), scraper, expectedCalls: 10);

        await cts.CancelAsync();
        await loop;
        Assert.Equal(10, scraper.Calls);
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

    private static async Task AdvanceAsync(FakeTimeProvider time, TimeSpan by, ScriptedScraper scraper, int expectedCalls)
    {
        // Step in small increments so the scheduler loop observes each due time.
        var steps = (int)(by.TotalSeconds / 1);
        for (var i = 0; i < steps; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        for (var i = 0; i < 500 && scraper.Calls < expectedCalls; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(expectedCalls, scraper.Calls);
    }
}

using BmcExporter.Engine;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Tests.Engine;

public sealed class CircuitBreakerTests
{
    private static readonly BreakerOptions Options = new()
    {
        MinimumFailures = 3,
        BaseBreak = TimeSpan.FromSeconds(30),
        MaxBreak = TimeSpan.FromMinutes(4),
    };

    [Fact]
    public async Task ScrapeAsync_ThreeFailures_OpensCircuitAndStopsContactingTarget()
    {
        var time = new FakeTimeProvider();
        var scraper = new ScriptedScraper(ScriptedScraper.AllFail);
        await using var coordinator = TestTargets.Coordinator(scraper, time, breaker: Options);
        var target = TestTargets.Target("10.9.9.9");

        for (var i = 0; i < 3; i++)
        {
            var failed = await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None);
            Assert.Equal(ScrapeOutcome.Failed, failed.Outcome);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var blocked = await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(ScrapeOutcome.CircuitOpen, blocked.Outcome);
        Assert.Contains("circuit open", blocked.Error, StringComparison.Ordinal);
        Assert.Equal(3, scraper.Calls);
        Assert.Equal(BreakerState.Open, coordinator.CircuitStateOf(target.Key));
    }

    [Fact]
    public async Task ScrapeAsync_FailedTrials_BackOffExponentiallyThenRecover()
    {
        var time = new FakeTimeProvider();
        var healthy = false;
        var scraper = new ScriptedScraper((t, b, ct) => healthy ? ScriptedScraper.AllSucceed(t, b, ct) : ScriptedScraper.AllFail(t, b, ct));
        await using var coordinator = TestTargets.Coordinator(scraper, time, breaker: Options);
        var target = TestTargets.Target("10.9.9.8");
        async Task<ScrapeOutcome> Scrape() => (await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None)).Outcome;

        for (var i = 0; i < 3; i++)
        {
            await Scrape();
        }

        // Open for 30 s: the trial after that fails and re-opens for 60 s.
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(ScrapeOutcome.CircuitOpen, await Scrape());
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(ScrapeOutcome.Failed, await Scrape());
        Assert.Equal(4, scraper.Calls);
        time.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(ScrapeOutcome.CircuitOpen, await Scrape());
        Assert.Equal(4, scraper.Calls);

        // After the doubled break the BMC is back: the trial succeeds and the circuit closes.
        healthy = true;
        time.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal(ScrapeOutcome.Success, await Scrape());
        Assert.Equal(BreakerState.Closed, coordinator.CircuitStateOf(target.Key));
        Assert.Equal(ScrapeOutcome.Success, await Scrape());
        Assert.Equal(6, scraper.Calls);
    }

    [Fact]
    public async Task ScrapeAsync_PartialResults_DoNotOpenCircuit()
    {
        var time = new FakeTimeProvider();
        var scraper = new ScriptedScraper((t, b, ct) =>
        {
            b.Complete("ipmi", true, null, TimeSpan.Zero);
            b.Complete("bmc", false, "unsupported", TimeSpan.Zero);
            return Task.CompletedTask;
        });
        await using var coordinator = TestTargets.Coordinator(scraper, time, breaker: Options);
        var target = TestTargets.Target("10.9.9.7");

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(ScrapeOutcome.Partial, (await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None)).Outcome);
        }

        Assert.Equal(6, scraper.Calls);
    }

    [Fact]
    public async Task ScrapeAsync_HealthyBmcStopsAnswering_OpensAfterThreeDeadScrapesInARow()
    {
        var time = new FakeTimeProvider();
        var answering = true;
        var scraper = new ScriptedScraper((t, b, ct) =>
        {
            if (answering)
            {
                b.NoteAnswer();
                return ScriptedScraper.AllSucceed(t, b, ct);
            }

            return ScriptedScraper.AllFail(t, b, ct);
        });
        await using var coordinator = TestTargets.Coordinator(scraper, time, breaker: Options);
        var target = TestTargets.Target("10.9.9.6");
        for (var i = 0; i < 50; i++)
        {
            await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(5));
        }

        answering = false;
        var outcomes = new List<ScrapeOutcome>();
        for (var i = 0; i < 4; i++)
        {
            outcomes.Add((await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None)).Outcome);
            time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal([ScrapeOutcome.Failed, ScrapeOutcome.Failed, ScrapeOutcome.Failed, ScrapeOutcome.CircuitOpen], outcomes);
    }

    [Fact]
    public async Task ScrapeAsync_SlowButAnsweringBmc_NeverOpensCircuit()
    {
        var time = new FakeTimeProvider();
        var scraper = new ScriptedScraper(async (t, b, ct) =>
        {
            // Answers, then the deadline cuts the (slow) SDR walk short.
            b.NoteAnswer();
            await Task.Delay(Timeout.InfiniteTimeSpan, time, ct);
        });
        await using var coordinator = TestTargets.Coordinator(scraper, time, breaker: Options);
        var target = TestTargets.Target("10.9.9.5");

        for (var i = 0; i < 6; i++)
        {
            var scrape = coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None);
            await WaitUntilAsync(() => scraper.Calls == i + 1);
            time.Advance(TimeSpan.FromSeconds(6));
            Assert.Equal(ScrapeOutcome.Timeout, (await scrape).Outcome);
            await WaitUntilAsync(() => coordinator.Pending == 0);
        }

        Assert.Equal(BreakerState.Closed, coordinator.CircuitStateOf(target.Key));
        Assert.Equal(6, scraper.Calls);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 5_000 && !condition(); i++)
        {
            await Task.Delay(1);
        }

        Assert.True(condition());
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(1, 60)]
    [InlineData(2, 120)]
    [InlineData(3, 240)]
    [InlineData(9, 240)]
    public void BreakFor_FailedTrials_DoublesUpToMax(int trials, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Options.BreakFor(trials));
    }
}

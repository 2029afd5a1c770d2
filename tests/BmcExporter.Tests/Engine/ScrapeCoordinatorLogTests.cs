using BmcExporter.Engine;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Fakes;
using BmcExporter.Tests.Otlp;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Tests.Engine;

/// <summary>
/// Log levels through the coordinator (the path the service takes): a target that stops answering is one warning
/// however many scrapes fail (the circuit opening included), its return is one info, and nothing of either is logged
/// at info or warning per scrape. Time is a fake clock; the breaker is passed by advancing it.
/// </summary>
public sealed class ScrapeCoordinatorLogTests
{
    [Fact]
    public async Task ScrapeAsync_TargetDownForEightScrapesThenBack_OneWarningThenOneInfo()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var down = true;
        var scraper = new ScriptedScraper((t, b, ct) =>
        {
            if (down)
            {
                return ScriptedScraper.AllFail(t, b, ct);
            }

            b.NoteAnswer();
            return ScriptedScraper.AllSucceed(t, b, ct);
        });
        var logger = new ListLogger();
        var target = TestTargets.Target("10.8.0.1");
        await using var coordinator = new ScrapeCoordinator(scraper, new SnapshotStore(), new TargetStatsRegistry(), 4, new BreakerOptions(), time, logger);

        var outcomes = new List<ScrapeOutcome>();
        for (var i = 0; i < 8; i++)
        {
            outcomes.Add((await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(10), CancellationToken.None)).Outcome);
            time.Advance(TimeSpan.FromSeconds(60));
        }

        down = false;
        ScrapeOutcome back = ScrapeOutcome.Failed;
        for (var i = 0; i < 30 && back != ScrapeOutcome.Success; i++)
        {
            // An open circuit skips scrapes until its break is over (at most BreakerOptions.MaxBreak, 10 minutes).
            back = (await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(10), CancellationToken.None)).Outcome;
            time.Advance(TimeSpan.FromSeconds(60));
        }

        await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Contains(ScrapeOutcome.CircuitOpen, outcomes);
        Assert.Equal(ScrapeOutcome.Success, back);
        var loud = logger.Lines.Where(l => l.StartsWith("Warning:", StringComparison.Ordinal) || l.StartsWith("Information:", StringComparison.Ordinal)).ToList();
        Assert.Collection(
            loud,
            l => Assert.StartsWith("Warning: Scrape of 10.8.0.1:623 (module default) got no data (Failed): ", l, StringComparison.Ordinal),
            l => Assert.StartsWith("Information: Scrape of 10.8.0.1:623 (module default) returns data again (Success) after ", l, StringComparison.Ordinal));
    }
}

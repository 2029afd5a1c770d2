using BmcExporter.Engine;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Fakes;
using BmcExporter.Tests.Otlp;

namespace BmcExporter.Tests.Engine;

public sealed class ScrapeTransitionsTests
{
    private static readonly ScrapeTarget Target = TestTargets.Target("10.9.0.1");

    [Fact]
    public void Observe_CollectorFailsThreeScrapesThenRecovers_OneWarningThenOneInfo()
    {
        var logger = new ListLogger();
        var transitions = new ScrapeTransitions(logger);

        for (var i = 0; i < 3; i++)
        {
            transitions.Observe(Target, Snapshot(ScrapeOutcome.Partial, Ok("ipmi"), Failed("sel", "timeout after 2s (raise the module's timeout)")));
        }

        transitions.Observe(Target, Snapshot(ScrapeOutcome.Success, Ok("ipmi"), Ok("sel")));
        transitions.Observe(Target, Snapshot(ScrapeOutcome.Success, Ok("ipmi"), Ok("sel")));

        Assert.Collection(
            logger.Lines,
            line =>
            {
                Assert.StartsWith("Warning: Collector sel on 10.9.0.1:623 fails: timeout after 2s (raise the module's timeout)", line, StringComparison.Ordinal);
                Assert.Contains("modules.default.collectors", line, StringComparison.Ordinal);
            },
            line => Assert.Equal("Information: Collector sel on 10.9.0.1:623 works again", line));
    }

    [Fact]
    public void Observe_TargetDownForManyScrapesWithCircuitOpen_OneWarningAndOneRecovery()
    {
        var logger = new ListLogger();
        var transitions = new ScrapeTransitions(logger);
        var start = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        transitions.Observe(Target, Snapshot(ScrapeOutcome.Failed, Failed("ipmi", "no answer")) with { StartedAt = start, Error = "ipmi: no answer" });
        transitions.Observe(Target, Snapshot(ScrapeOutcome.Timeout, Failed("ipmi", "deadline")) with { StartedAt = start.AddMinutes(1), Error = "ipmi: deadline" });
        transitions.Observe(Target, Snapshot(ScrapeOutcome.CircuitOpen, Failed("ipmi", "circuit open")) with { StartedAt = start.AddMinutes(2) });
        transitions.Observe(Target, Snapshot(ScrapeOutcome.Success, Ok("ipmi")) with { StartedAt = start.AddMinutes(5) });

        Assert.Collection(
            logger.Lines,
            line => Assert.Equal("Warning: Scrape of 10.9.0.1:623 (module default) got no data (Failed): ipmi: no answer; the target's page on the status page lists each collector's error", line),
            line => Assert.Equal("Information: Scrape of 10.9.0.1:623 (module default) returns data again (Success) after 300s without", line));
    }

    [Fact]
    public void Observe_UnsupportedCollector_OneInfoNamingTheModuleKeyAndNoWarning()
    {
        var logger = new ListLogger();
        var transitions = new ScrapeTransitions(logger);
        var unsupported = new CollectorOutcome("dcmi", false, "DCMI power reading not supported: completion code 0xC1 (invalid or unsupported command)", TimeSpan.Zero) { Unsupported = true };

        transitions.Observe(Target, Snapshot(ScrapeOutcome.Success, Ok("ipmi"), unsupported));
        transitions.Observe(Target, Snapshot(ScrapeOutcome.Success, Ok("ipmi"), unsupported));

        var line = Assert.Single(logger.Lines);
        Assert.Equal(
            "Information: Collector dcmi is not supported on 10.9.0.1:623: DCMI power reading not supported: completion code 0xC1 (invalid or unsupported command). "
            + "It is asked again hourly or on a new session; remove 'dcmi' from modules.default.collectors to stop asking",
            line);
    }

    private static CollectorOutcome Ok(string name) => new(name, true, null, TimeSpan.Zero);

    private static CollectorOutcome Failed(string name, string error) => new(name, false, error, TimeSpan.Zero);

    private static TargetSnapshot Snapshot(ScrapeOutcome outcome, params CollectorOutcome[] collectors) => new()
    {
        Target = Target.Address,
        Key = Target.Key,
        Module = "default",
        Outcome = outcome,
        Collectors = collectors,
    };
}

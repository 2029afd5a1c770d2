using System.Text.RegularExpressions;
using BmcExporter.Config;
using BmcExporter.Tests.Packaging;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// The series budget of issue 7 on a real scrape: a typical 1U BMC (the simulator's typical-1u profile, 41 sensors)
/// with every default collector and no optional family gives at most 160 series on the fleet <c>/metrics</c>, the
/// count that <c>bmc_exporter_target_series</c> reports and docs/metrics.md states.
/// </summary>
public sealed partial class SeriesBudgetTests
{
    private const int Budget = 160;

    [Fact]
    public async Task Metrics_TypicalOneUWithDefaults_StaysWithinTheBudgetAndAsDocumented()
    {
        await using var sim = await SimulatorFixture.StartAsync(1);
        var config = sim.Config(ScrapeMode.Background);
        await using var served = await ServedExporter.StartScrapedAsync(config);
        var client = served.Client;

        var text = await client.GetStringAsync("/metrics");
        var key = config.Targets.Single().Key;
        var marker = $"{{target=\"{key}\"";
        var series = text.Split('\n').Count(line => !line.StartsWith('#') && line.Contains(marker, StringComparison.Ordinal));

        Assert.Contains($"bmc_exporter_target_series{{target=\"{key}\",site=\"lab\"}} {series}\n", text, StringComparison.Ordinal);
        Assert.InRange(series, 80, Budget);
        Assert.DoesNotContain("ipmi_sensor_threshold{", text, StringComparison.Ordinal);
        var documented = DocumentedCount().Match(File.ReadAllText(Path.Combine(PackagingPaths.RepoRoot, "docs", "metrics.md")));
        Assert.True(documented.Success, "docs/metrics.md no longer states the typical 1U series count");
        Assert.Equal(series, int.Parse(documented.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"By default a typical 1U BMC \(41 sensors, `typical-1u` simulator profile\) gives \*\*(\d+) series\*\*")]
    private static partial Regex DocumentedCount();
}

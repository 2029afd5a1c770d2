namespace BmcExporter.Tests.Packaging;

/// <summary>alerts/bmc-exporter.rules.yml: valid for promtool, proven by promtool unit tests, on real metric names.</summary>
[Trait("Category", "Packaging")]
public sealed class AlertRulesTests
{
    private static readonly string[] RequiredAlerts =
    [
        "BmcUnreachable", "BmcScrapeFailing", "BmcSensorCritical", "BmcSensorNonRecoverable",
        "BmcTemperatureAboveUpperCritical", "BmcFanFailure", "BmcPowerSupplyFailure", "BmcRedundancyLost",
        "BmcDriveFault", "BmcChassisIntrusion", "BmcSelCriticalEvent", "BmcSelAlmostFull",
        "BmcCircuitBreakerOpen", "BmcExporterScrapeNearInterval",
    ];

    private static readonly string[] Severities = ["critical", "warning", "info"];

    public static TheoryData<string> RuleTestFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(PackagingPaths.RuleTestsDirectory, "*.yml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void CheckRules_RulesFile_Succeeds()
    {
        var result = ExternalTool.RunSuccessfully(ExternalTool.Promtool, "check", "rules", PackagingPaths.RulesFile);

        var rules = RuleFile.Load(PackagingPaths.RulesFile).Rules.Count();
        Assert.Contains($"SUCCESS: {rules} rules found", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleTestFiles))]
    public void TestRules_UnitTestFile_Passes(string file)
    {
        var result = ExternalTool.RunSuccessfully(ExternalTool.Promtool, "test", "rules", Path.Combine(PackagingPaths.RuleTestsDirectory, file));

        Assert.Contains("SUCCESS", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitTests_EveryAlert_IsShownFiringAndEveryFileLoadsTheShippedRules()
    {
        var tests = Directory.GetFiles(PackagingPaths.RuleTestsDirectory, "*.yml").Select(RuleTestFile.Load).ToList();
        var firing = tests.SelectMany(t => t.AlertsExpectedToFire).ToHashSet(StringComparer.Ordinal);

        var untested = RuleFile.Load(PackagingPaths.RulesFile).Alerts.Select(a => a.Alert!).Where(a => !firing.Contains(a)).ToList();

        Assert.True(untested.Count == 0, $"alerts no promtool test shows firing: {string.Join(", ", untested)}");
        Assert.All(tests, t => Assert.Equal(["../bmc-exporter.rules.yml"], t.RuleFiles));
        Assert.NotEmpty(tests.SelectMany(t => t.AlertsExpectedSilent));
    }

    [Fact]
    public void Alerts_RequiredOperatorScenarios_AreAllPresent()
    {
        var alerts = RuleFile.Load(PackagingPaths.RulesFile).Alerts.Select(a => a.Alert!).ToHashSet(StringComparer.Ordinal);

        Assert.All(RequiredAlerts, name => Assert.Contains(name, alerts));
    }

    [Fact]
    public void Alerts_Each_HasSeveritySummaryDescriptionAndUniqueName()
    {
        var alerts = RuleFile.Load(PackagingPaths.RulesFile).Alerts.ToList();

        Assert.NotEmpty(alerts);
        Assert.Equal(alerts.Count, alerts.Select(a => a.Alert).Distinct(StringComparer.Ordinal).Count());
        Assert.All(alerts, a =>
        {
            Assert.True(a.Labels.TryGetValue("severity", out var severity), $"{a.Alert} has no severity label");
            Assert.Contains(severity, Severities);
            Assert.False(string.IsNullOrWhiteSpace(a.Annotations.GetValueOrDefault("summary")), $"{a.Alert} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(a.Annotations.GetValueOrDefault("description")), $"{a.Alert} has no description");
        });
    }

    [Fact]
    public void Rules_EveryExpression_SelectsOnlyExportedMetricsOrRecordedSeries()
    {
        var file = RuleFile.Load(PackagingPaths.RulesFile);
        var known = PromQl.ExportedNames.Concat(file.RecordedNames).ToHashSet(StringComparer.Ordinal);

        var unknown = file.Rules
            .SelectMany(r => PromQl.MetricNamesIn(r.Expr).Where(n => !known.Contains(n)).Select(n => $"{r.Alert ?? r.Record}: {n}"))
            .ToList();

        Assert.True(unknown.Count == 0, $"names not in MetricNames.cs nor recorded: {string.Join(", ", unknown)}");
        Assert.Contains("ipmi_up", file.Rules.SelectMany(r => PromQl.MetricNamesIn(r.Expr)));
    }

    [Fact]
    public void ChartRulesCopy_MatchesAlertsFile()
    {
        Assert.True(File.Exists(PackagingPaths.ChartRulesCopy), $"{PackagingPaths.ChartRulesCopy} is missing");
        Assert.True(
            File.ReadAllText(PackagingPaths.RulesFile) == File.ReadAllText(PackagingPaths.ChartRulesCopy),
            "helm/bmc-exporter/files/bmc-exporter.rules.yml differs from alerts/bmc-exporter.rules.yml; copy the alerts file over it");
    }
}

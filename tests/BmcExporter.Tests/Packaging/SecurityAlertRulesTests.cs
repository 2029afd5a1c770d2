namespace BmcExporter.Tests.Packaging;

/// <summary>alerts/security.rules.yml: valid for promtool, each alert proven firing and silent by promtool unit tests, on real metric names.</summary>
[Trait("Category", "Packaging")]
public sealed class SecurityAlertRulesTests
{
    private static string RulesFile => Path.Combine(Path.GetDirectoryName(PackagingPaths.RulesFile)!, "security.rules.yml");

    private static string TestFile => Path.Combine(PackagingPaths.RuleTestsDirectory, "security.test.yml");

    [Fact]
    public void CheckRules_SecurityRules_Succeeds()
    {
        var result = ExternalTool.RunSuccessfully(ExternalTool.Promtool, "check", "rules", RulesFile);

        Assert.Contains($"SUCCESS: {RuleFile.Load(RulesFile).Rules.Count()} rules found", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void TestRules_SecurityTests_PassAndCoverEveryAlertFiringAndSilent()
    {
        var result = ExternalTool.RunSuccessfully(ExternalTool.Promtool, "test", "rules", TestFile);
        var tests = RuleTestFile.Load(TestFile);
        var alerts = RuleFile.Load(RulesFile).Alerts.Select(a => a.Alert!).ToList();

        Assert.Contains("SUCCESS", result.StandardOutput, StringComparison.Ordinal);
        Assert.All(alerts, a => Assert.Contains(a, tests.AlertsExpectedToFire));
        Assert.Contains("BmcRepeatedFailedLogins", tests.AlertsExpectedSilent);
        Assert.Contains("BmcFirmwareDrift", tests.AlertsExpectedSilent);
    }

    [Fact]
    public void SecurityRules_EveryExpression_SelectsOnlyExportedMetrics()
    {
        var unknown = RuleFile.Load(RulesFile).Rules
            .SelectMany(r => PromQl.MetricNamesIn(r.Expr).Where(n => !PromQl.ExportedNames.Contains(n)))
            .ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void SecurityRules_EachAlert_HasARunbookSection()
    {
        var docs = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(PackagingPaths.RulesFile))!, "docs", "security.md"));

        Assert.All(RuleFile.Load(RulesFile).Alerts, a => Assert.Contains($"### Runbook: {a.Alert}", docs, StringComparison.Ordinal));
    }
}

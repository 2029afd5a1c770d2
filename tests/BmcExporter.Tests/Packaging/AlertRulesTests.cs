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
        "BmcNoSuccessfulScrape", "BmcExporterDown", "BmcExporterAbsent", "BmcExporterScrapeNearInterval",
        "BmcSensorAbovePeers", "BmcFanFasterThanPeers", "BmcSensorDriftFromBaseline",
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

    public static TheoryData<string> ShippedRuleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in PackagingPaths.RuleFiles)
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedRuleFiles))]
    public void CheckRules_RulesFile_Succeeds(string file)
    {
        var path = Path.Combine(PackagingPaths.AlertsDirectory, file);
        var result = ExternalTool.RunSuccessfully(ExternalTool.Promtool, "check", "rules", path);

        var rules = RuleFile.Load(path).Rules.Count();
        Assert.Contains($"SUCCESS: {rules} rules found", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleFiles_ShippedSet_HoldsTheMainAndTheAnomalyRules()
    {
        Assert.Contains(PackagingPaths.RulesFile, PackagingPaths.RuleFiles);
        Assert.Contains(PackagingPaths.AnomalyRulesFile, PackagingPaths.RuleFiles);
        Assert.Equal("5m", Assert.Single(RuleFile.Load(PackagingPaths.AnomalyRulesFile).Groups).Interval);
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
    public void UnitTests_EveryAlert_IsShownFiringAndSilentAndEveryFileLoadsOnlyShippedRules()
    {
        var tests = Directory.GetFiles(PackagingPaths.RuleTestsDirectory, "*.yml").Select(RuleTestFile.Load).ToList();
        var firing = tests.SelectMany(t => t.AlertsExpectedToFire).ToHashSet(StringComparer.Ordinal);
        var silent = tests.SelectMany(t => t.AlertsExpectedSilent).ToHashSet(StringComparer.Ordinal);

        var alerts = RuleFile.LoadShipped().Alerts.Select(a => a.Alert!).ToList();

        Assert.True(alerts.All(firing.Contains), $"alerts no promtool test shows firing: {string.Join(", ", alerts.Where(a => !firing.Contains(a)))}");
        Assert.True(alerts.All(silent.Contains), $"alerts no promtool test shows silent: {string.Join(", ", alerts.Where(a => !silent.Contains(a)))}");
        Assert.All(tests, t =>
        {
            Assert.NotEmpty(t.RuleFiles);
            Assert.All(t.RuleFiles, f => Assert.Contains(Path.GetFullPath(Path.Combine(PackagingPaths.RuleTestsDirectory, f)), PackagingPaths.RuleFiles));
        });
    }

    [Fact]
    public void Alerts_EveryRunbookUrl_PointsAtAnExistingSectionOfDocsRunbooks()
    {
        const string Base = "https://github.com/bmc-exporter/bmc-exporter/blob/main/docs/runbooks/";
        foreach (var alert in RuleFile.LoadShipped().Alerts)
        {
            Assert.True(alert.Annotations.TryGetValue("runbook_url", out var url), $"{alert.Alert} has no runbook_url");
            Assert.StartsWith(Base, url, StringComparison.Ordinal);
            var (file, anchor) = (url![Base.Length..].Split('#')[0], url.Split('#')[1]);
            var path = Path.Combine(PackagingPaths.RepoRoot, "docs", "runbooks", file);
            Assert.True(File.Exists(path), $"{alert.Alert}: {path} is missing");
            // The anchors GitHub renders for the file's headings (any level, outside code blocks).
            Assert.True(MarkdownAnchors.Of(File.ReadLines(path)).Contains(anchor), $"{alert.Alert}: no heading of {file} has the anchor #{anchor}");
            Assert.Equal(alert.Alert!.ToLowerInvariant(), anchor);
        }
    }

    [Fact]
    public void Runbooks_EachAlertsSection_SaysWhatItMeansHowToConfirmAndHowToFix()
    {
        const string Base = "https://github.com/bmc-exporter/bmc-exporter/blob/main/docs/runbooks/";
        var incomplete = new List<string>();
        foreach (var alert in RuleFile.LoadShipped().Alerts)
        {
            var file = alert.Annotations["runbook_url"]![Base.Length..].Split('#')[0];
            var section = File.ReadLines(Path.Combine(PackagingPaths.RepoRoot, "docs", "runbooks", file))
                .SkipWhile(l => l != "## " + alert.Alert).Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
                .ToList();
            // "**Confirm / Fix:** as X, ..." answers both for an alert that is a milder form of X.
            var confirmAt = section.FindIndex(l => l.StartsWith("**Confirm", StringComparison.Ordinal));
            var confirm = confirmAt < 0 ? null : string.Join(' ', section.Skip(confirmAt).TakeWhile((l, i) => i == 0 || !l.StartsWith("**", StringComparison.Ordinal)));
            var hasFix = section.Any(l => l.StartsWith("**Fix:**", StringComparison.Ordinal) || l.StartsWith("**Confirm / Fix:**", StringComparison.Ordinal));
            if (!section.Any(l => l.StartsWith("**Means:**", StringComparison.Ordinal))
                || confirm is null || !(confirm.Contains('`', StringComparison.Ordinal) || confirm.Contains(":** as Bmc", StringComparison.Ordinal))
                || !hasFix)
            {
                incomplete.Add($"{alert.Alert} ({file})");
            }
        }

        Assert.True(incomplete.Count == 0, "runbook sections without **Means:**, a **Confirm:** command and **Fix:**: " + string.Join(", ", incomplete));
    }

    [Theory]
    [InlineData("## BmcFanFailure", "bmcfanfailure")]
    [InlineData("### What `ipmi_up` means: 0/1?", "what-ipmi_up-means-01")]
    [InlineData("# Runbooks -- Hardware", "runbooks----hardware")]
    public void MarkdownAnchors_Heading_FollowsGitHubRules(string heading, string anchor) =>
        Assert.Contains(anchor, MarkdownAnchors.Of([heading]));

    [Fact]
    public void MarkdownAnchors_RepeatedHeadingAndCodeBlock_NumberedAndIgnored() =>
        Assert.Equal(["fix", "fix-1"], MarkdownAnchors.Of(["## Fix", "```", "## Not a heading", "```", "## Fix"]).Order(StringComparer.Ordinal));

    [Fact]
    public void AlertmanagerExample_IsValidForAmtoolAndRoutesBySeverity()
    {
        var file = Path.Combine(PackagingPaths.AlertsDirectory, "alertmanager.example.yml");

        var check = ExternalTool.RunSuccessfully(ExternalTool.Amtool, "check-config", file);
        Assert.Contains("3 inhibit rules", check.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("hardware-pager", Route(file, "severity=critical", "alertname=BmcFanFailure"));
        Assert.Equal("hardware-tickets", Route(file, "severity=warning", "alertname=BmcSensorWarning"));
        Assert.Equal("hardware-pager", Route(file, "severity=critical", "alertname=BmcExporterDown"));
    }

    private static string Route(string file, params string[] labels) =>
        ExternalTool.RunSuccessfully(ExternalTool.Amtool, ["config", "routes", "test", "--config.file=" + file, .. labels]).StandardOutput.Trim();

    [Fact]
    public void Alerts_RequiredOperatorScenarios_AreAllPresent()
    {
        var alerts = RuleFile.LoadShipped().Alerts.Select(a => a.Alert!).ToHashSet(StringComparer.Ordinal);

        Assert.All(RequiredAlerts, name => Assert.Contains(name, alerts));
    }

    [Fact]
    public void Alerts_Each_HasSeveritySummaryDescriptionAndUniqueName()
    {
        var alerts = RuleFile.LoadShipped().Alerts.ToList();

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
        var file = RuleFile.LoadShipped();
        // `up` is Prometheus' own series per scrape target (the exporter-down alerts).
        var known = PromQl.ExportedNames.Concat(file.RecordedNames).Append("up").ToHashSet(StringComparer.Ordinal);

        var unknown = file.Rules
            .SelectMany(r => PromQl.MetricNamesIn(r.Expr).Where(n => !known.Contains(n)).Select(n => $"{r.Alert ?? r.Record}: {n}"))
            .ToList();

        Assert.True(unknown.Count == 0, $"names not in MetricNames.cs nor recorded: {string.Join(", ", unknown)}");
        Assert.Contains("ipmi_up", file.Rules.SelectMany(r => PromQl.MetricNamesIn(r.Expr)));
    }

    [Fact]
    public void ChartRulesCopies_MatchTheAlertsFiles()
    {
        foreach (var file in PackagingPaths.RuleFiles)
        {
            var copy = PackagingPaths.ChartCopyOf(file);
            Assert.True(File.Exists(copy), $"{copy} is missing");
            Assert.True(
                File.ReadAllText(file) == File.ReadAllText(copy),
                $"{copy} differs from {file}; copy the alerts file over it");
        }

        var copies = Directory.GetFiles(PackagingPaths.ChartRulesDirectory, "*.rules.yml").Select(Path.GetFileName);
        Assert.Equal(PackagingPaths.RuleFiles.Select(Path.GetFileName), copies.Order(StringComparer.Ordinal));
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace BmcExporter.Tests.Packaging;

/// <summary>
/// dashboards/*.json against the rules of Grafana's dashboard-linter (template-datasource/job/instance,
/// template-on-time-change-reload, template-uneditable, panel-datasource, panel-title-description, panel-units,
/// target-job/instance, target-rate-interval) plus this project's own: value mappings on state panels, fleet
/// panels bounded at 10,000 BMCs, links from the fleet to a BMC, SEL annotations, thresholds drawn on sensor
/// graphs, and validity against @grafana/schema.
/// </summary>
[Trait("Category", "Packaging")]
public sealed partial class DashboardLintTests
{
    /// <summary>Grafana unit ids the dashboards may use (grafana-data valueFormats/categories), plus custom suffixes.</summary>
    private static readonly HashSet<string> KnownUnits = new(StringComparer.Ordinal)
    {
        "none", "short", "percent", "percentunit", "celsius", "rotrpm", "volt", "amp", "watt", "bytes", "s", "ms",
        "ops", "reqps", "dateTimeAsIso", "dateTimeFromNow", "dtdurations",
    };

    /// <summary>Families whose value is a state (a code to be named), not a quantity.</summary>
    [GeneratedRegex(@"_state\b|\bipmi_up\b|_successful\b|\bipmi_sel_overflow\b|_asserted\b|\bbmc:ipmi_sensor_state:max\b")]
    private static partial Regex StateFamily();

    /// <summary>Aggregations that turn states into counts (a count of critical sensors is a quantity).</summary>
    [GeneratedRegex(@"^\s*\(?\s*(?:count|sum)\b")]
    private static partial Regex CountingQuery();

    public static TheoryData<string> DashboardFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Dashboards.Files)
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static JsonDocument Load(string file) => Dashboards.Load(Path.Combine(PackagingPaths.DashboardsDirectory, file));

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Variables_DatasourceJobAndInstance_FollowTheLinterRules(string file)
    {
        using var doc = Load(file);
        var root = doc.RootElement;
        var variables = Dashboards.Variables(root).ToList();

        var datasource = Assert.Single(variables, v => v.GetProperty("type").GetString() == "datasource");
        Assert.Equal(("datasource", "Data Source", "prometheus"), (datasource.GetProperty("name").GetString(), datasource.GetProperty("label").GetString(), datasource.GetProperty("query").GetString()));
        foreach (var name in new[] { "job", "instance" })
        {
            var variable = Assert.Single(variables, v => v.GetProperty("name").GetString() == name);
            Assert.Equal("query", variable.GetProperty("type").GetString());
            Assert.Equal(name, variable.GetProperty("label").GetString());
            Assert.Equal("${datasource}", variable.GetProperty("datasource").GetProperty("uid").GetString());
            Assert.True(variable.GetProperty("multi").GetBoolean(), $"{name} is not multi-select");
            Assert.True(variable.GetProperty("includeAll").GetBoolean(), $"{name} has no All");
            Assert.Equal(".+", variable.GetProperty("allValue").GetString());
            Assert.StartsWith("label_values(", Dashboards.VariableQuery(variable), StringComparison.Ordinal);
        }

        Assert.All(variables.Where(v => v.GetProperty("type").GetString() == "query"), v => Assert.Equal(2, v.GetProperty("refresh").GetInt32()));
        Assert.False(root.GetProperty("editable").GetBoolean(), "dashboards are provisioned as code: editable must be false");
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Panels_Every_HasDescriptionKnownUnitAndTheDatasourceVariable(string file)
    {
        using var doc = Load(file);

        var problems = new List<string>();
        foreach (var panel in Dashboards.DataPanels(doc.RootElement))
        {
            var title = panel.GetProperty("title").GetString();
            if (string.IsNullOrWhiteSpace(title))
            {
                problems.Add($"panel {panel.GetProperty("id")} has no title");
            }

            if (!panel.TryGetProperty("description", out var description) || string.IsNullOrWhiteSpace(description.GetString()))
            {
                problems.Add($"'{title}' has no description");
            }

            var defaults = panel.GetProperty("fieldConfig").GetProperty("defaults");
            var unit = defaults.TryGetProperty("unit", out var u) ? u.GetString() ?? string.Empty : string.Empty;
            if (!KnownUnits.Contains(unit) && !unit.StartsWith("suffix:", StringComparison.Ordinal))
            {
                problems.Add($"'{title}' has unit '{unit}'");
            }

            if (panel.GetProperty("datasource").GetProperty("uid").GetString() != "${datasource}"
                || panel.GetProperty("targets").EnumerateArray().Any(t => t.GetProperty("datasource").GetProperty("uid").GetString() != "${datasource}"))
            {
                problems.Add($"'{title}' does not use ${{datasource}}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Queries_Every_HasJobAndInstanceMatchersOnEverySelector()
    {
        var problems = Dashboards.Queries()
            .Where(q => !q.Panel.StartsWith("variable ", StringComparison.Ordinal))
            .SelectMany(q => DashboardLint.Selectors(q.Expr)
                .Where(s => !s.Contains("job=~\"$job\"", StringComparison.Ordinal) || !s.Contains("instance=~\"$instance\"", StringComparison.Ordinal))
                .Select(s => $"{q.Dashboard} / {q.Panel}: {s}"))
            .ToList();

        Assert.True(problems.Count == 0, "selectors without job=~\"$job\" and instance=~\"$instance\":\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Queries_RatesUseRateIntervalAndIncreasesADeliberateWindow()
    {
        var problems = new List<string>();
        foreach (var q in Dashboards.Queries())
        {
            foreach (Match m in Regex.Matches(q.Expr, @"\b(rate|irate|increase)\((?:[^()\[]|\([^()]*\))*\[([^\]]+)\]"))
            {
                var (function, window) = (m.Groups[1].Value, m.Groups[2].Value);
                // dashboard-linter: rate over $__rate_interval. increase() may also cover the panel's range or a
                // window its title names ("24h", "per hour"): that window is what the panel shows.
                var ok = window == "$__rate_interval" || (function == "increase" && (window == "$__range" || Regex.IsMatch(window, @"^\d+[mhd]$")));
                if (!ok)
                {
                    problems.Add($"{q.Dashboard} / {q.Panel}: {function}(...[{window}])");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void StatePanels_Every_NamesItsStatesWithValueMappings(string file)
    {
        using var doc = Load(file);

        var statePanels = Dashboards.DataPanels(doc.RootElement)
            .Where(p => p.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!)
                .Any(e => StateFamily().IsMatch(e) && !CountingQuery().IsMatch(e)))
            .ToList();
        var unnamed = statePanels.Where(p => !HasMappings(p)).Select(p => p.GetProperty("title").GetString()).ToList();

        Assert.NotEmpty(statePanels);
        Assert.True(unnamed.Count == 0, $"state panels without value mappings: {string.Join(", ", unnamed)}");
    }

    [Fact]
    public void FleetQueries_Every_StaysBoundedAtAnyFleetSize()
    {
        // The fleet overview, and every query of the SEL dashboard (its BMC variable defaults to All).
        var problems = Dashboards.Queries()
            .Where(q => !q.Panel.StartsWith("variable ", StringComparison.Ordinal))
            .Where(q => q.Dashboard == "bmc-fleet-overview.json" || q.Expr.Contains("target=~\"$target\"", StringComparison.Ordinal))
            .Select(q => (q, reason: DashboardLint.Unbounded(q.Expr)))
            .Where(x => x.reason is not null)
            .Select(x => $"{x.q.Dashboard} / {x.q.Panel}: {x.reason}")
            .ToList();

        Assert.True(problems.Count == 0, "fleet queries that draw one series per BMC:\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("sum(ipmi_dcmi_power_consumption_watts{job=~\"$job\"})", true)]
    [InlineData("count(max by (job, instance, target) (ipmi_up) == 0) or vector(0)", true)]
    [InlineData("topk(10, max by (target) (ipmi_temperature_celsius))", true)]
    [InlineData("sort_desc(topk(50, x > 0))", true)]
    [InlineData("sum by (outcome) (rate(x[$__rate_interval]))", true)]
    [InlineData("sum(rate(a[1m])) / (sum(rate(a[1m])) + sum(rate(b[1m])))", true)]
    [InlineData("count by (instance) (x > 0) or on (instance) (0 * sum by (instance) (y))", true)]
    [InlineData("x{a=\"b\"} and on (job, instance, target) bottomk(50, y)", true)]
    [InlineData("ipmi_dcmi_power_consumption_watts{job=~\"$job\"}", false)]
    [InlineData("x and on (target) y", false)]
    [InlineData("max by (target) (ipmi_temperature_celsius)", false)]
    [InlineData("sum(x) by (target, name)", false)]
    [InlineData("topk(500, x)", false)]
    [InlineData("sort_desc(x > 0)", false)]
    [InlineData("max without (collector) (ipmi_up)", false)]
    public void Unbounded_Expression_IsJudgedByItsOutermostAggregation(string expr, bool bounded)
    {
        Assert.Equal(bounded, DashboardLint.Unbounded(expr) is null);
    }

    [Fact]
    public void FleetDashboard_BmcPanels_LinkToTheDetailDashboardCarryingTheVariables()
    {
        using var doc = Load("bmc-fleet-overview.json");
        using var detail = Load("bmc-target-detail.json");
        var detailUid = detail.RootElement.GetProperty("uid").GetString();

        var perBmc = Dashboards.DataPanels(doc.RootElement)
            .Where(p => p.GetProperty("targets").EnumerateArray().Any(t => Regex.IsMatch(t.GetProperty("expr").GetString()!, @"(topk|bottomk)\(")))
            .ToList();
        Assert.True(perBmc.Count >= 5, $"expected the top/bottom-k panels of the fleet view, found {perBmc.Count}");
        foreach (var panel in perBmc)
        {
            var links = panel.GetProperty("fieldConfig").GetProperty("defaults").GetProperty("links").EnumerateArray().Select(l => l.GetProperty("url").GetString()!).ToList();
            var url = Assert.Single(links);
            Assert.StartsWith($"/d/{detailUid}/", url, StringComparison.Ordinal);
            foreach (var variable in new[] { "var-datasource=${datasource}", "var-job=${", "var-instance=${", "var-target=${", "${__url_time_range}" })
            {
                Assert.Contains(variable, url, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("bmc-target-detail.json")]
    [InlineData("bmc-sel-events.json")]
    public void Dashboard_SelEntries_AreAnnotations(string file)
    {
        using var doc = Load(file);

        var annotation = Assert.Single(Dashboards.Annotations(doc.RootElement));
        Assert.True(annotation.GetProperty("enable").GetBoolean());
        Assert.Contains("ipmi_sel_events_total", annotation.GetProperty("target").GetProperty("expr").GetString(), StringComparison.Ordinal);
        Assert.Contains("{{severity}}", annotation.GetProperty("titleFormat").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Temperatures", "ipmi_temperature_celsius")]
    [InlineData("Fans", "ipmi_fan_speed_rpm")]
    [InlineData("Voltages", "ipmi_voltage_volts")]
    public void DetailDashboard_SensorGraph_DrawsTheThresholdSeriesDashedAndSaysTheFamilyIsOptional(string title, string family)
    {
        using var doc = Load("bmc-target-detail.json");
        var panel = Assert.Single(Dashboards.DataPanels(doc.RootElement), p => p.GetProperty("title").GetString() == title);

        var exprs = panel.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!).ToList();
        Assert.Contains(exprs, e => e.StartsWith("ipmi_sensor_threshold{", StringComparison.Ordinal) && e.Contains(family, StringComparison.Ordinal));
        var dashed = panel.GetProperty("fieldConfig").GetProperty("overrides").EnumerateArray()
            .Single(o => o.GetProperty("properties").EnumerateArray().Any(p => p.GetProperty("id").GetString() == "custom.lineStyle"));
        Assert.Matches(dashed.GetProperty("matcher").GetProperty("options").GetString()!, "CPU Temp upper_critical");
        Assert.Contains("metrics: [thresholds]", panel.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboards_All_AreValidAgainstGrafanaSchema()
    {
        var result = SchemaCheck.Run("grafana", Dashboards.Files);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains($"OK: {Dashboards.Files.Count} dashboards valid", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"graphTooltip\": 1,", "\"graphTooltip\": 1, \"graphToolTip\": 1,", "'\"graphToolTip\"' does not exist")]
    [InlineData("\"type\": \"value\"", "\"type\": \"valu\"", "'\"valu\"' is not assignable")]
    public void GrafanaCheck_BrokenDashboard_IsRejected(string original, string broken, string expected)
    {
        var source = File.ReadAllText(Path.Combine(PackagingPaths.DashboardsDirectory, "bmc-fleet-overview.json"));
        Assert.Contains(original, source, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"bmc-dashboard-broken-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, source.Replace(original, broken, StringComparison.Ordinal));
        try
        {
            var result = SchemaCheck.Run("grafana", file);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains(expected, result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static bool HasMappings(JsonElement panel)
    {
        var fieldConfig = panel.GetProperty("fieldConfig");
        if (fieldConfig.GetProperty("defaults").TryGetProperty("mappings", out var mappings) && mappings.GetArrayLength() > 0)
        {
            return true;
        }

        return fieldConfig.GetProperty("overrides").EnumerateArray()
            .SelectMany(o => o.GetProperty("properties").EnumerateArray())
            .Any(p => p.GetProperty("id").GetString() == "mappings" && p.GetProperty("value").GetArrayLength() > 0);
    }
}

using BmcExporter.Config;
using BmcExporter.Sessions;
using BmcExporter.Tests.EndToEnd;

namespace BmcExporter.Tests.Packaging;

/// <summary>
/// A real Prometheus (Debian 2.42) scrapes the exporter in front of a simulated fleet and evaluates the shipped
/// rule files; every dashboard query (panels, annotations, variables) and every rule expression is then run
/// against it: none may fail, and every panel shows data unless it only shows faults or long history.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class DashboardQueriesIntegrationTests
{
    /// <summary>Panels allowed to be empty on a healthy simulated fleet that Prometheus watched for seconds, and why.</summary>
    private static readonly Dictionary<string, string> MayBeEmpty = new(StringComparer.Ordinal)
    {
        ["BMCs needing attention"] = "lists only BMCs with a warning or critical sensor",
        ["Failing collectors"] = "lists only failed collectors",
        ["Largest anomaly scores (top 20)"] = "anomaly scores need 12 hours of history and 5-minute evaluations",
        ["Anomaly scores"] = "anomaly scores need 12 hours of history and 5-minute evaluations",
        ["Sensors not OK"] = "lists only sensors in a warning or critical state",
        ["BMCs with the most critical entries"] = "lists only BMCs that logged a critical entry while watched",
        ["Entries by BMC, type and severity"] = "lists only entries logged while watched",
        ["New entries per hour by severity"] = "counts only entries of BMCs already watched an hour earlier",
        ["New entries per hour by sensor type"] = "counts only entries of BMCs already watched an hour earlier",
        ["annotation SEL entries"] = "marks only entries logged in the last 2 minutes",
        ["BMCs with findings"] = "lists only BMCs with a security, self-test or clock finding; the simulated fleet has none (SecurityDashboardFindingsIntegrationTests plants them)",
        ["Security collector failing"] = "lists only BMCs whose security posture read failed (SecurityDashboardFindingsIntegrationTests plants one)",
    };

    [Fact]
    public async Task DashboardAndRuleQueries_AgainstRealPrometheus_NoErrorsAndPanelsShowData()
    {
        await using var sim = await SimulatorFixture.StartAsync(3);
        await using var sessions = new IpmiSessionFactory(TimeProvider.System);
        var baseConfig = sim.Config(ScrapeMode.Background);
        // The optional thresholds family, so the dashed threshold lines and headroom panels have data.
        var config = baseConfig with
        {
            Modules = new Dictionary<string, ModuleConfig>(StringComparer.Ordinal)
            {
                ["default"] = baseConfig.Modules["default"] with { Metrics = OptionalMetrics.Thresholds },
            },
        };
        await using var runtime = SimulatorFixture.Runtime(config, sessions);
        var (app, client) = await SimulatorFixture.ServeAsync(runtime);
        await using var _ = app;
        using var __ = client;
        await runtime.StartAsync();
        await SimulatorFixture.ScrapeEveryTargetAsync(runtime, config);

        var run = await QueryDashboardsAsync(client.BaseAddress!.Authority, $"{config.Targets[0].Host}:{config.Targets[0].Port}", "count(bmc:ipmi_sel_free:ratio) > bool 0");
        var (errors, panels, panelsWithData) = (run.Errors, run.Panels, run.PanelsWithData);

        Assert.True(errors.Count == 0, $"{errors.Count} query errors:\n" + string.Join("\n", errors));
        var empty = panels.Where(p => !panelsWithData.Contains(p) && !MayBeEmpty.ContainsKey(p.Split(" / ")[1])).Order(StringComparer.Ordinal).ToList();
        Assert.True(empty.Count == 0, "panels without data on the simulated fleet:\n" + string.Join("\n", empty));
        // Every exception names a real panel, so the list cannot hide a renamed one.
        Assert.All(MayBeEmpty.Keys, title => Assert.Contains(panels, p => p.EndsWith(" / " + title, StringComparison.Ordinal)));
    }

    /// <summary>
    /// A real Prometheus scraping the exporter at <paramref name="exporter"/> with the shipped rule files; once it has
    /// enough samples (and every <paramref name="waitFor"/> is 1), every dashboard query (with $target =
    /// <paramref name="bmc"/>) and every rule expression is run. Returns the errors and which panels had data.
    /// </summary>
    internal static async Task<DashboardRun> QueryDashboardsAsync(string exporter, string bmc, params string[] waitFor)
    {
        await using var prometheus = await PrometheusServer.StartAsync(
            $$"""
              - job_name: bmc
                static_configs:
                  - targets: ["{{exporter}}"]
            """,
            PackagingPaths.RuleFiles);

        // Enough samples for rate()/increase() windows, and the recording rules the dashboards read evaluated.
        Assert.Equal(1, await prometheus.WaitForAsync("min(count_over_time(up{job=\"bmc\"}[1m])) >= bool 5", 1));
        Assert.Equal(1, await prometheus.WaitForAsync("count(bmc:ipmi_sensor_state:max) > bool 0", 1));
        foreach (var condition in waitFor)
        {
            Assert.Equal(1, await prometheus.WaitForAsync(condition, 1));
        }

        var run = new DashboardRun([], new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        foreach (var query in Dashboards.Queries())
        {
            var promql = Substitute(query.Expr, bmc);
            var (status, error, series) = await prometheus.QueryStatusAsync(promql);
            var panel = $"{query.Dashboard} / {query.Panel}";
            run.Panels.Add(panel);
            if (status != "success")
            {
                run.Errors.Add($"{panel}: {error}\n  {promql}");
            }
            else if (series > 0)
            {
                run.PanelsWithData.Add(panel);
            }
        }

        foreach (var rule in RuleFile.LoadShipped().Rules)
        {
            var (status, error, _) = await prometheus.QueryStatusAsync(rule.Expr);
            if (status != "success")
            {
                run.Errors.Add($"rule {rule.Alert ?? rule.Record}: {error}");
            }
        }

        return run;
    }

    /// <summary>Grafana variables as a user on "All" and one BMC would have them.</summary>
    internal static string Substitute(string expr, string bmc) => expr
        .Replace("$__rate_interval", "10s", StringComparison.Ordinal)
        .Replace("$__range", "1m", StringComparison.Ordinal)
        .Replace("$__interval", "5s", StringComparison.Ordinal)
        .Replace("\"$job\"", "\".+\"", StringComparison.Ordinal)
        .Replace("\"$instance\"", "\".+\"", StringComparison.Ordinal)
        .Replace("\"$target\"", $"\"{bmc}\"", StringComparison.Ordinal);
}

/// <summary>What one pass over the dashboards found: query errors, every panel ("dashboard / title") and those with data.</summary>
internal sealed record DashboardRun(List<string> Errors, HashSet<string> Panels, HashSet<string> PanelsWithData);

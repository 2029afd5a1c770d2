using System.Text;
using System.Text.Json;

namespace BmcExporter.Tests.Packaging;

/// <summary>dashboards/*.json: valid Grafana JSON whose every query is valid PromQL on real metric names.</summary>
[Trait("Category", "Packaging")]
public sealed class DashboardTests
{
    public static TheoryData<string> DashboardFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Dashboards.Files)
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Dashboards_Shipped_AreFleetDetailSelAndSecurityWithUniqueUids()
    {
        var uids = Dashboards.Files.Select(f =>
        {
            using var doc = Dashboards.Load(f);
            return doc.RootElement.GetProperty("uid").GetString();
        }).ToList();

        Assert.Equal(4, uids.Count);
        Assert.Contains("bmc-exporter-security", uids);
        Assert.Equal(uids.Count, uids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(uids, uid => Assert.Matches("^[a-zA-Z0-9_-]{1,40}$", uid));
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_Structure_IsImportableGrafanaJson(string file)
    {
        using var doc = Dashboards.Load(Path.Combine(PackagingPaths.DashboardsDirectory, file));
        var root = doc.RootElement;

        Assert.True(root.GetProperty("schemaVersion").GetInt32() >= 30, "schemaVersion too old");
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        var datasource = Assert.Single(Dashboards.Variables(root), v => v.GetProperty("type").GetString() == "datasource");
        Assert.Equal("prometheus", datasource.GetProperty("query").GetString());
        var datasourceRef = "${" + datasource.GetProperty("name").GetString() + "}";

        var panels = Dashboards.Panels(root).ToList();
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        foreach (var panel in panels.Where(p => p.GetProperty("type").GetString() != "row"))
        {
            var title = panel.GetProperty("title").GetString();
            Assert.Equal(datasourceRef, panel.GetProperty("datasource").GetProperty("uid").GetString());
            var grid = panel.GetProperty("gridPos");
            Assert.True(grid.GetProperty("x").GetInt32() + grid.GetProperty("w").GetInt32() <= 24, $"panel '{title}' is wider than the grid");
            var targets = panel.GetProperty("targets").EnumerateArray().ToList();
            Assert.True(targets.Count > 0, $"panel '{title}' has no query");
            Assert.Equal(targets.Count, targets.Select(t => t.GetProperty("refId").GetString()).Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void DetailDashboard_EveryQuery_IsFilteredByTheTargetVariable()
    {
        using var doc = Dashboards.Load(Path.Combine(PackagingPaths.DashboardsDirectory, "bmc-target-detail.json"));
        var root = doc.RootElement;

        var target = Assert.Single(Dashboards.Variables(root), v => v.GetProperty("name").GetString() == "target");
        Assert.Equal("query", target.GetProperty("type").GetString());
        var exprs = Dashboards.Panels(root)
            .Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!)
            .ToList();
        Assert.NotEmpty(exprs);
        Assert.All(exprs, e => Assert.Contains("target=\"$target\"", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Queries_EveryMetricName_IsExportedOrRecorded()
    {
        var known = PromQl.ExportedNames.Concat(RuleFile.LoadShipped().RecordedNames).ToHashSet(StringComparer.Ordinal);
        var queries = Dashboards.Queries().ToList();

        var unknown = queries
            .SelectMany(q => PromQl.MetricNamesIn(q.Expr).Where(n => !known.Contains(n)).Select(n => $"{q.Dashboard} / {q.Panel}: {n}"))
            .ToList();

        Assert.True(unknown.Count == 0, $"names not in MetricNames.cs nor recorded by alerts/*.rules.yml: {string.Join("; ", unknown)}");
        Assert.All(queries, q => Assert.NotEmpty(PromQl.MetricNamesIn(q.Expr)));
    }

    [Fact]
    public void Queries_Every_IsValidPromQl()
    {
        // promtool has no "check expression"; each query becomes a recording rule and the file is checked.
        var queries = Dashboards.Queries().ToList();
        var yaml = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        for (var i = 0; i < queries.Count; i++)
        {
            yaml.Append("      - record: dashboard:query_").Append(i).Append('\n')
                .Append("        expr: ").Append(JsonSerializer.Serialize(PromQl.SubstituteGrafanaVariables(queries[i].Expr))).Append('\n');
        }

        var file = Path.Combine(Path.GetTempPath(), $"bmc-dashboards-{Guid.NewGuid():N}.rules.yml");
        File.WriteAllText(file, yaml.ToString());
        try
        {
            var result = ExternalTool.Run(ExternalTool.Promtool, ["check", "rules", file]);

            Assert.True(result.ExitCode == 0, $"a dashboard query is not valid PromQL (rule N = query N of {string.Join(" | ", queries.Select((q, i) => $"{i}: {q.Dashboard}/{q.Panel}"))}): {result.Describe()}");
            Assert.Contains($"SUCCESS: {queries.Count} rules found", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

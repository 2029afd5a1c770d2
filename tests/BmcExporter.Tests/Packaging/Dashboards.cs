using System.Text.Json;

namespace BmcExporter.Tests.Packaging;

/// <summary>A panel query of a shipped Grafana dashboard.</summary>
internal sealed record PanelQuery(string Dashboard, string Panel, string Expr);

/// <summary>Reads the shipped Grafana dashboards.</summary>
internal static class Dashboards
{
    public static IReadOnlyList<string> Files => Directory.GetFiles(PackagingPaths.DashboardsDirectory, "*.json").Order(StringComparer.Ordinal).ToList();

    public static JsonDocument Load(string path) => JsonDocument.Parse(File.ReadAllText(path));

    /// <summary>Every panel, rows' nested panels included.</summary>
    public static IEnumerable<JsonElement> Panels(JsonElement dashboard)
    {
        var pending = new Stack<JsonElement>(dashboard.GetProperty("panels").EnumerateArray().Reverse());
        while (pending.Count > 0)
        {
            var panel = pending.Pop();
            yield return panel;
            if (panel.TryGetProperty("panels", out var nested))
            {
                foreach (var child in nested.EnumerateArray().Reverse())
                {
                    pending.Push(child);
                }
            }
        }
    }

    public static IEnumerable<JsonElement> Variables(JsonElement dashboard) =>
        dashboard.GetProperty("templating").GetProperty("list").EnumerateArray();

    public static IEnumerable<PanelQuery> Queries()
    {
        foreach (var file in Files)
        {
            using var doc = Load(file);
            var name = Path.GetFileName(file);
            foreach (var panel in Panels(doc.RootElement))
            {
                if (!panel.TryGetProperty("targets", out var targets))
                {
                    continue;
                }

                foreach (var target in targets.EnumerateArray())
                {
                    yield return new PanelQuery(name, panel.GetProperty("title").GetString()!, target.GetProperty("expr").GetString()!);
                }
            }

            foreach (var variable in Variables(doc.RootElement).Where(v => v.GetProperty("type").GetString() == "query"))
            {
                var query = variable.GetProperty("definition").GetString()!;
                var inner = query[(query.IndexOf('(', StringComparison.Ordinal) + 1)..query.LastIndexOf(')')];
                var selector = inner.Contains(',', StringComparison.Ordinal) ? inner[..inner.LastIndexOf(',')] : inner;
                yield return new PanelQuery(name, "variable " + variable.GetProperty("name").GetString(), selector);
            }
        }
    }
}

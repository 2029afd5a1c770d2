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

    /// <summary>The <c>label_values(...)</c> query of a query variable (an object with <c>query</c>, or a string).</summary>
    public static string VariableQuery(JsonElement variable)
    {
        var query = variable.GetProperty("query");
        return query.ValueKind == JsonValueKind.String ? query.GetString()! : query.GetProperty("query").GetString()!;
    }

    /// <summary>Prometheus annotation queries (not Grafana's built-in one).</summary>
    public static IEnumerable<JsonElement> Annotations(JsonElement dashboard) =>
        dashboard.GetProperty("annotations").GetProperty("list").EnumerateArray()
            .Where(a => a.TryGetProperty("target", out var t) && t.TryGetProperty("expr", out _));

    /// <summary>The panels that draw data (every panel but rows).</summary>
    public static IEnumerable<JsonElement> DataPanels(JsonElement dashboard) =>
        Panels(dashboard).Where(p => p.GetProperty("type").GetString() != "row");

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
                var query = VariableQuery(variable);
                var inner = query[(query.IndexOf('(', StringComparison.Ordinal) + 1)..query.LastIndexOf(')')];
                var selector = inner.Contains(',', StringComparison.Ordinal) ? inner[..inner.LastIndexOf(',')] : inner;
                yield return new PanelQuery(name, "variable " + variable.GetProperty("name").GetString(), selector);
            }

            foreach (var annotation in Annotations(doc.RootElement))
            {
                yield return new PanelQuery(name, "annotation " + annotation.GetProperty("name").GetString(), annotation.GetProperty("target").GetProperty("expr").GetString()!);
            }
        }
    }
}

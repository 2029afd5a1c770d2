using System.Text.RegularExpressions;
using BmcExporter.Output.Prometheus;

namespace BmcExporter.Tests.Packaging;

/// <summary>Reads the metric names a PromQL expression selects, and the names the exporter really emits.</summary>
internal static partial class PromQl
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool", "and", "or", "unless",
        "atan2", "inf", "nan", "Inf", "NaN",
    };

    /// <summary>Every family name the exporter defines (per target and process-wide), from the code itself.</summary>
    public static IReadOnlySet<string> ExportedNames { get; } = MetricNames.All.Select(f => f.Name)
        .Concat(SelfMetrics.FamilyNames)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Metric names selected by <paramref name="expr"/>: identifiers left after removing strings, label
    /// matchers, ranges and grouping label lists, that are not keywords and not function calls.
    /// </summary>
    public static IReadOnlySet<string> MetricNamesIn(string expr)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        // {__name__=~"prefix_(a|b)_suffix"} names prefix_a_suffix and prefix_b_suffix.
        foreach (Match m in NameAlternation().Matches(expr))
        {
            foreach (var alternative in m.Groups[2].Value.Split('|'))
            {
                names.Add(m.Groups[1].Value + alternative + m.Groups[3].Value);
            }
        }

        var text = StringLiteral().Replace(expr, "\"\"");
        text = LabelMatchers().Replace(text, " ");
        text = RangeOrSubquery().Replace(text, " ");
        text = GroupingClause().Replace(text, " ");
        foreach (Match m in Identifier().Matches(text))
        {
            var rest = text.AsSpan(m.Index + m.Length).TrimStart();
            if (!Keywords.Contains(m.Value) && !rest.StartsWith("("))
            {
                names.Add(m.Value);
            }
        }

        return names;
    }

    /// <summary>Grafana variables replaced by values PromQL accepts, so promtool can parse a panel query.</summary>
    public static string SubstituteGrafanaVariables(string expr)
    {
        var text = GrafanaIntervals().Replace(expr, "5m");
        return GrafanaVariable().Replace(text, "x");
    }

    [GeneratedRegex(@"__name__=~""([a-zA-Z_:]*)\(([a-zA-Z0-9_|]+)\)([a-zA-Z0-9_:]*)""")]
    private static partial Regex NameAlternation();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\[\]]*\]")]
    private static partial Regex RangeOrSubquery();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)")]
    private static partial Regex GroupingClause();

    [GeneratedRegex(@"(?<![\w.:$])[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\$__(?:rate_interval|range|interval)\b|\$\{__(?:rate_interval|range|interval)\}")]
    private static partial Regex GrafanaIntervals();

    [GeneratedRegex(@"\$\{\w+(?::\w+)?\}|\$\w+")]
    private static partial Regex GrafanaVariable();
}

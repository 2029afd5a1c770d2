using System.Text.RegularExpressions;

namespace BmcExporter.Tests.Packaging;

/// <summary>
/// The PromQL side of the dashboard lint: matchers every selector must carry, and whether a fleet query stays
/// bounded when the fleet grows (one series per BMC is not).
/// </summary>
internal static partial class DashboardLint
{
    /// <summary>Largest k a fleet panel may ask of topk/bottomk.</summary>
    public const int MaxTopK = 50;

    private static readonly HashSet<string> Aggregations = new(StringComparer.Ordinal)
    {
        "sum", "count", "min", "max", "avg", "quantile", "stddev", "stdvar", "count_values", "group",
    };

    /// <summary>Labels that name one BMC or one of its sensors: grouping by them yields a series per BMC.</summary>
    private static readonly HashSet<string> PerBmcLabels = new(StringComparer.Ordinal) { "target", "id", "name" };

    /// <summary>
    /// Every series selector of <paramref name="expr"/> as written: <c>name{...}</c>, <c>{__name__=~...}</c>, and a
    /// metric name without braces (which carries no matcher at all).
    /// </summary>
    public static IReadOnlyList<string> Selectors(string expr)
    {
        var selectors = BracedSelector().Matches(expr).Select(m => m.Value).ToList();
        foreach (var name in PromQl.MetricNamesIn(expr))
        {
            foreach (Match m in Regex.Matches(expr, $@"(?<![\w:""]){Regex.Escape(name)}(?![\w:])(?!\s*\{{)"))
            {
                selectors.Add(m.Value);
            }
        }

        return selectors;
    }

    /// <summary>Why <paramref name="expr"/> can grow with the fleet, or <c>null</c> when it stays bounded.</summary>
    public static string? Unbounded(string expr)
    {
        var operands = TopLevelOperands(Strip(expr)).ToList();
        if (operands.Count == 1)
        {
            return UnboundedOperand(Strip(operands[0].Operand));
        }

        // `a and b` keeps only series of a that b also has: bounded when either side is.
        var reasons = operands.Select(o => (o.Operator, Reason: Unbounded(o.Operand))).ToList();
        var intersected = reasons.Skip(1).Where(r => r.Operator == "and").ToList();
        if (intersected.Count > 0 && (intersected.Any(r => r.Reason is null) || reasons[0].Reason is null))
        {
            return null;
        }

        return reasons.Select(r => r.Reason).FirstOrDefault(r => r is not null);
    }

    private static string? UnboundedOperand(string text)
    {
        if (text.Length == 0 || NumberOrVector().IsMatch(text))
        {
            return null;
        }

        var head = Head().Match(text);
        if (!head.Success)
        {
            return $"'{Shorten(text)}' is not aggregated";
        }

        var function = head.Groups["fn"].Value;
        var inner = Inner(text, head.Index + head.Length - 1, out var after);
        if (function is "sort" or "sort_desc" or "abs")
        {
            return after.Trim().Length == 0 ? Unbounded(inner) : $"'{Shorten(text)}' is not aggregated";
        }

        if (function is "topk" or "bottomk")
        {
            var k = KArgument().Match(inner);
            return k.Success && int.Parse(k.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) <= MaxTopK
                ? null
                : $"{function} in '{Shorten(text)}' has no literal k <= {MaxTopK}";
        }

        if (!Aggregations.Contains(function))
        {
            return $"'{Shorten(text)}' is not aggregated (outermost {function})";
        }

        var grouping = head.Groups["by"].Success ? head.Groups["by"].Value : TrailingBy().Match(after) is { Success: true } t ? t.Groups[1].Value : string.Empty;
        var perBmc = grouping.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(PerBmcLabels.Contains).ToList();
        if (head.Groups["without"].Success)
        {
            return $"'{Shorten(text)}' aggregates 'without', which keeps per-BMC labels";
        }

        return perBmc.Count > 0 ? $"'{Shorten(text)}' groups by {string.Join(", ", perBmc)} without topk/bottomk" : null;
    }

    /// <summary>
    /// Operands of the top-level binary operators (or, and, unless, arithmetic, comparisons) of an expression, each
    /// with the operator before it (empty for the first).
    /// </summary>
    private static IEnumerable<(string Operator, string Operand)> TopLevelOperands(string text)
    {
        var depth = 0;
        var start = 0;
        var before = string.Empty;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '(' or '{' or '[')
            {
                depth++;
            }
            else if (c is ')' or '}' or ']')
            {
                depth--;
            }
            else if (c == '"')
            {
                i = text.IndexOf('"', i + 1);
            }
            else if (depth == 0)
            {
                var op = BinaryOperator().Match(text, i);
                if (op.Success && op.Index == i)
                {
                    yield return (before, text[start..i]);
                    before = op.Value.Trim();
                    var next = i + op.Length;
                    // Skip the modifiers of the operator: on (...), ignoring (...), group_left (...), bool.
                    var modifiers = Modifiers().Match(text, next);
                    if (modifiers.Success && modifiers.Index == next)
                    {
                        next += modifiers.Length;
                    }

                    start = next;
                    i = next - 1;
                }
            }
        }

        yield return (before, text[start..]);
    }

    /// <summary>The text between the parenthesis at <paramref name="open"/> and its match; <paramref name="after"/> is what follows.</summary>
    private static string Inner(string text, int open, out string after)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                i = text.IndexOf('"', i + 1);
                continue;
            }

            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                after = text[(i + 1)..];
                return text[(open + 1)..i];
            }
        }

        after = string.Empty;
        return text[(open + 1)..];
    }

    /// <summary>Whitespace trimmed and redundant outer parentheses removed.</summary>
    private static string Strip(string text)
    {
        var t = text.Trim();
        while (t.StartsWith('(') && Inner(t, 0, out var after) is var inner && after.Trim().Length == 0)
        {
            t = inner.Trim();
        }

        return t;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"(?:[a-zA-Z_:][a-zA-Z0-9_:]*)?\{[^{}]*\}")]
    private static partial Regex BracedSelector();

    [GeneratedRegex(@"^(?<fn>[a-z_]+)\s*(?:(?<without>without)\s*\([^()]*\)\s*|by\s*\((?<by>[^()]*)\)\s*)?\(")]
    private static partial Regex Head();

    [GeneratedRegex(@"^\s*by\s*\(([^()]*)\)")]
    private static partial Regex TrailingBy();

    [GeneratedRegex(@"^\s*(\d+)\s*,")]
    private static partial Regex KArgument();

    [GeneratedRegex(@"^(?:vector\(\s*[0-9.]+\s*\)|[0-9.]+)$")]
    private static partial Regex NumberOrVector();

    [GeneratedRegex(@"\s+(?:or|and|unless)\s+|\s*(?:==|!=|>=|<=|>|<|\+|-|\*|/)\s*")]
    private static partial Regex BinaryOperator();

    [GeneratedRegex(@"(?:\s*bool)?(?:\s*(?:on|ignoring)\s*\([^()]*\))?(?:\s*(?:group_left|group_right)\s*(?:\([^()]*\))?)?\s*")]
    private static partial Regex Modifiers();
}

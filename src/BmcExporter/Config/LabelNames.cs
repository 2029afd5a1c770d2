namespace BmcExporter.Config;

/// <summary>Rules for user-supplied Prometheus label names (module and target <c>labels:</c>).</summary>
public static class LabelNames
{
    /// <summary>Labels the exporter sets itself; a user label may not shadow them.</summary>
    public static IReadOnlyCollection<string> Reserved { get; } =
        ["target", "module", "collector", "id", "name", "type", "state", "unit", "entity", "le", "quantile"];

    /// <summary><c>true</c> when <paramref name="name"/> is a usable label name; otherwise <paramref name="reason"/> says why.</summary>
    public static bool IsValid(string name, out string reason)
    {
        reason = string.Empty;
        if (name.Length == 0)
        {
            reason = "label name is empty";
            return false;
        }

        // Prometheus data model: [a-zA-Z_][a-zA-Z0-9_]*, and names starting with __ are reserved.
        var ok = (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (!ok)
        {
            reason = $"'{name}' is not a valid label name (letters, digits and '_', not starting with a digit)";
            return false;
        }

        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            reason = $"'{name}' starts with '__', which Prometheus reserves";
            return false;
        }

        if (Reserved.Contains(name))
        {
            reason = $"'{name}' is set by the exporter itself (reserved: {string.Join(", ", Reserved)})";
            return false;
        }

        return true;
    }
}

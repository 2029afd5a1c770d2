using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BmcExporter.Config;

/// <summary>Typed reads of YAML nodes; each failure becomes a located error and yields <c>null</c>.</summary>
internal sealed partial class ConfigParser
{
    internal static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    internal static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>Yields the entries of a mapping, reporting non-string and unknown keys (with a suggestion) as errors.</summary>
    private IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode map, string path, IReadOnlyCollection<string> allowed)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, path, "keys must be plain strings");
                continue;
            }

            if (!allowed.Contains(key))
            {
                var hint = Suggest(key, allowed);
                var known = string.Join(", ", allowed);
                Error(keyNode, Join(path, key), hint is null ? $"unknown key (known keys: {known})" : $"unknown key; did you mean '{hint}'?");
                continue;
            }

            yield return (key, value);
        }
    }

    private YamlMappingNode? ReadMap(YamlNode node, string path)
    {
        if (IsNull(node))
        {
            return new YamlMappingNode();
        }

        if (node is YamlMappingNode map)
        {
            return map;
        }

        Error(node, path, "must be a mapping (key: value pairs)");
        return null;
    }

    private YamlSequenceNode? ReadSequence(YamlNode node, string path)
    {
        if (IsNull(node))
        {
            return new YamlSequenceNode();
        }

        if (node is YamlSequenceNode seq)
        {
            return seq;
        }

        Error(node, path, "must be a list");
        return null;
    }

    private string? ReadString(YamlNode node, string path, bool allowEmpty = false)
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(node, path, "must be a single value, not a list or mapping");
            return null;
        }

        var value = IsNull(node) ? string.Empty : scalar.Value ?? string.Empty;
        if (value.Length == 0 && !allowEmpty)
        {
            Error(node, path, "must not be empty");
            return null;
        }

        return value;
    }

    private bool? ReadBool(YamlNode node, string path)
    {
        var s = ReadString(node, path);
        switch (s)
        {
            case null:
                return null;
            case "true" or "True" or "TRUE" or "yes" or "on":
                return true;
            case "false" or "False" or "FALSE" or "no" or "off":
                return false;
            default:
                Error(node, path, $"'{s}' is not true or false");
                return null;
        }
    }

    private int? ReadInt(YamlNode node, string path, int min, int max)
    {
        var s = ReadString(node, path);
        if (s is null)
        {
            return null;
        }

        if (!long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            Error(node, path, $"'{s}' is not an integer");
            return null;
        }

        if (v < min || v > max)
        {
            Error(node, path, $"{v} is out of range {min}..{max}");
            return null;
        }

        return (int)v;
    }

    /// <summary>Reads a Go-style duration; a plain integer counts <paramref name="plainUnit"/>s.</summary>
    private TimeSpan? ReadDuration(YamlNode node, string path, TimeSpan min, TimeSpan max, TimeSpan plainUnit)
    {
        var s = ReadString(node, path);
        if (s is null)
        {
            return null;
        }

        if (!Durations.TryParse(s, plainUnit, out var value))
        {
            Error(node, path, $"'{s}' is not a duration (e.g. 500ms, 30s, 2m, 1h; a plain number means {(plainUnit == TimeSpan.FromMilliseconds(1) ? "milliseconds" : "seconds")})");
            return null;
        }

        if (value < min || value > max)
        {
            Error(node, path, $"{Durations.Format(value)} is out of range {Durations.Format(min)}..{Durations.Format(max)}");
            return null;
        }

        return value;
    }

    private List<string>? ReadStringList(YamlNode node, string path)
    {
        if (node is YamlScalarNode && !IsNull(node))
        {
            Error(node, path, "must be a list (e.g. [a, b] or one '- item' per line)");
            return null;
        }

        var seq = ReadSequence(node, path);
        if (seq is null)
        {
            return null;
        }

        var list = new List<string>();
        var i = 0;
        foreach (var item in seq.Children)
        {
            var s = ReadString(item, $"{path}[{i++}]");
            if (s is not null)
            {
                list.Add(s);
            }
        }

        return list;
    }

    private Dictionary<string, string>? ReadLabels(YamlNode node, string path)
    {
        var map = ReadMap(node, path);
        if (map is null)
        {
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var keyPath = Join(path, name);
            if (!LabelNames.IsValid(name, out var why))
            {
                Error(keyNode, keyPath, why);
                continue;
            }

            var v = ReadString(value, keyPath, allowEmpty: true);
            if (v is not null)
            {
                labels[name] = v;
            }
        }

        return labels;
    }

    private string? ReadPath(YamlNode node, string path)
    {
        var s = ReadString(node, path);
        return s is null ? null : ResolvePath(s);
    }

    /// <summary>Relative paths are relative to the config file's directory.</summary>
    private string ResolvePath(string p) => Path.IsPathRooted(p) ? p : Path.GetFullPath(Path.Combine(_baseDirectory, p));

    private static string? Suggest(string key, IReadOnlyCollection<string> allowed)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in allowed)
        {
            var d = Levenshtein(key, candidate);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return bestDistance <= Math.Max(2, key.Length / 4) ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace BmcExporter.Config;

/// <summary>Module filters and lists: <c>sensors</c>, <c>workarounds</c>, <c>sel_events</c>.</summary>
internal sealed partial class ConfigParser
{
    private SensorFilter ReadSensorFilter(YamlNode node, string path)
    {
        var filter = SensorFilter.All;
        var map = ReadMap(node, path);
        if (map is null)
        {
            return filter;
        }

        foreach (var (key, value) in Entries(map, path, SensorKeys))
        {
            var p = Join(path, key);
            switch (key)
            {
                case "include":
                    filter = filter with { Include = ReadRegexes(value, p) };
                    break;
                case "exclude":
                    filter = filter with { Exclude = ReadRegexes(value, p) };
                    break;
                case "exclude_types":
                    filter = filter with { ExcludeTypes = ReadSensorTypes(value, p) };
                    break;
                case "exclude_record_ids":
                    filter = filter with { ExcludeRecordIds = new HashSet<int>(ReadIntList(value, p, 0, 65_535)) };
                    break;
            }
        }

        return filter;
    }

    private List<Regex> ReadRegexes(YamlNode node, string path)
    {
        var result = new List<Regex>();
        var patterns = ReadStringList(node, path);
        if (patterns is null)
        {
            return result;
        }

        var seq = (YamlSequenceNode)(IsNull(node) ? new YamlSequenceNode() : node);
        for (var i = 0; i < patterns.Count && i < seq.Children.Count; i++)
        {
            if (TryCompileRegex(patterns[i], seq.Children[i], $"{path}[{i}]") is { } regex)
            {
                result.Add(regex);
            }
        }

        return result;
    }

    private Regex? TryCompileRegex(string pattern, YamlNode node, string path)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException ex)
        {
            Error(node, path, $"'{pattern}' is not a valid regular expression: {ex.Message}");
            return null;
        }
    }

    private HashSet<byte> ReadSensorTypes(YamlNode node, string path)
    {
        var codes = new HashSet<byte>();
        var names = ReadStringList(node, path);
        if (names is null)
        {
            return codes;
        }

        var seq = (YamlSequenceNode)(IsNull(node) ? new YamlSequenceNode() : node);
        for (var i = 0; i < names.Count && i < seq.Children.Count; i++)
        {
            if (SensorTypeNames.TryParse(names[i], out var code))
            {
                codes.Add(code);
            }
            else
            {
                Error(seq.Children[i], $"{path}[{i}]", $"'{names[i]}' is not a sensor type name or number (e.g. Temperature, Fan, Power Supply, 0x07)");
            }
        }

        return codes;
    }

    private void ReadWorkarounds(YamlNode node, string path, HashSet<string> into)
    {
        var names = ReadStringList(node, path);
        if (names is null)
        {
            return;
        }

        var seq = (YamlSequenceNode)(IsNull(node) ? new YamlSequenceNode() : node);
        for (var i = 0; i < names.Count && i < seq.Children.Count; i++)
        {
            AddWorkaround(names[i].ToLowerInvariant(), seq.Children[i], $"{path}[{i}]", into);
        }
    }

    private void AddWorkaround(string name, YamlNode node, string path, HashSet<string> into)
    {
        if (WorkaroundNames.Lan15Only.Contains(name))
        {
            Warn(node, path, $"workaround '{name}' applies to IPMI 1.5 sessions only; bmc-exporter uses IPMI 2.0, so it is ignored");
        }
        else if (WorkaroundNames.NotApplicable.Contains(name))
        {
            Warn(node, path, $"workaround '{name}' concerns FreeIPMI features bmc-exporter does not use; ignored");
        }
        else if (WorkaroundNames.Supported.Contains(name))
        {
            into.Add(name);
        }
        else
        {
            Error(node, path, $"'{name}' is not a known workaround (known: {string.Join(", ", WorkaroundNames.Supported)})");
        }
    }

    private List<SelEventMatcher> ReadSelEvents(YamlNode node, string path)
    {
        var result = new List<SelEventMatcher>();
        var seq = ReadSequence(node, path);
        if (seq is null)
        {
            return result;
        }

        var i = 0;
        foreach (var item in seq.Children)
        {
            var p = $"{path}[{i++}]";
            var map = ReadMap(item, p);
            if (map is null)
            {
                continue;
            }

            string? name = null;
            Regex? regex = null;
            var keys = 0;
            foreach (var (key, value) in Entries(map, p, ["name", "regex"]))
            {
                keys++;
                if (key == "name")
                {
                    name = ReadString(value, Join(p, key));
                }
                else if (ReadString(value, Join(p, key)) is { } pattern)
                {
                    regex = TryCompileRegex(pattern, value, Join(p, key));
                }
            }

            if (keys < 2)
            {
                Error(map, p, "each SEL event needs both name and regex");
            }

            if (name is null || regex is null)
            {
                continue;
            }

            result.Add(new SelEventMatcher(name, regex));
        }

        return result;
    }
}

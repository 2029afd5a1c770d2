using System.Globalization;
using System.Text.Json.Nodes;

namespace BmcExporter.Simulator.Redfish;

/// <summary>
/// <c>$expand</c> (DSP0266 §7.3.1): "." expands subordinate navigation properties (not under Links, target below
/// the resource), "*" every navigation property, "~" only those under Links; "($levels=n)" repeats, up to 3.
/// </summary>
internal readonly record struct ExpandQuery(char Which, int Levels)
{
    public const int MaxLevels = 3;

    /// <summary>Parses a $expand value; null when absent, throws <see cref="FormatException"/> when malformed.</summary>
    public static ExpandQuery? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var which = value[0];
        if (which is not ('.' or '*' or '~'))
        {
            throw new FormatException($"$expand '{value}' must start with '.', '*' or '~'.");
        }

        var levels = 1;
        var rest = value[1..];
        if (rest.Length > 0)
        {
            const string prefix = "($levels=";
            if (!rest.StartsWith(prefix, StringComparison.Ordinal) || !rest.EndsWith(')')
                || !int.TryParse(rest[prefix.Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out levels) || levels < 1 || levels > MaxLevels)
            {
                throw new FormatException($"$expand '{value}': levels must be written ($levels=N) with N 1-{MaxLevels}.");
            }
        }

        return new ExpandQuery(which, levels);
    }

    /// <summary>Replaces navigation links in <paramref name="resource"/> by the resources they name, <see cref="Levels"/> deep.</summary>
    public void Apply(JsonObject resource, string path, Func<string, JsonObject?> get) => Expand(resource, path, Levels, get, inLinks: false);

    private void Expand(JsonNode node, string owner, int levels, Func<string, JsonObject?> get, bool inLinks)
    {
        if (levels <= 0)
        {
            return;
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList())
                {
                    var child = o[name];
                    if (child is null || name.StartsWith('@') || name.Contains("@odata", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var links = inLinks || name == "Links";
                    if (Target(child) is { } target && Wanted(owner, target, links))
                    {
                        if (get(target) is { } resource)
                        {
                            Expand(resource, target, levels - 1, get, inLinks: false);
                            o[name] = resource;
                        }
                    }
                    else
                    {
                        Expand(child, owner, levels, get, links);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } item && Target(item) is { } target && Wanted(owner, target, inLinks))
                    {
                        if (get(target) is { } resource)
                        {
                            Expand(resource, target, levels - 1, get, inLinks: false);
                            a[i] = resource;
                        }
                    }
                    else if (a[i] is { } other)
                    {
                        Expand(other, owner, levels, get, inLinks);
                    }
                }

                break;
        }
    }

    private bool Wanted(string owner, string target, bool inLinks) => Which switch
    {
        '*' => true,
        '~' => inLinks,
        _ => !inLinks && target.StartsWith(owner.TrimEnd('/') + "/", StringComparison.Ordinal),
    };

    /// <summary>The target of a link object (exactly one property, <c>@odata.id</c>, no fragment), else null.</summary>
    private static string? Target(JsonNode node) =>
        node is JsonObject { Count: 1 } o && o["@odata.id"] is JsonValue v && v.TryGetValue<string>(out var id) && !id.Contains('#', StringComparison.Ordinal) ? id : null;
}

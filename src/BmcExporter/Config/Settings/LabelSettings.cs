using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary><c>labels:</c> of a module or target: valid, unreserved Prometheus label names with text values.</summary>
internal static class LabelSettings
{
    public static Dictionary<string, string> Build(BuildContext c, LocatedMap<Located<string>>? labels)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in labels ?? [])
        {
            if (LabelNames.IsValid(name.Value, out var why))
            {
                result[name.Value] = value?.Value ?? string.Empty;
            }
            else
            {
                c.Error(name, why);
            }
        }

        return result;
    }
}

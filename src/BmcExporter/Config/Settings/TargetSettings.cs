using BmcExporter.Config.Yaml;
using YamlDotNet.Serialization;

namespace BmcExporter.Config.Settings;

/// <summary>One <c>targets:</c> item as written: a mapping, or the string <c>"host[:port] [module]"</c>.</summary>
internal sealed class TargetSettings : SettingsNode, IScalarForm
{
    public Located<string>? Host { get; set; }
    public Located<string>? Module { get; set; }
    public LocatedMap<Located<string>>? Labels { get; set; }

    /// <summary>The one-string form.</summary>
    [YamlIgnore]
    public Located<string>? Inline { get; set; }

    /// <summary>
    /// Builds a target list. In the config (<paramref name="origin"/> <c>null</c>) a target listed twice is an
    /// error; in a target file it is a warning and the first entry is used.
    /// </summary>
    public static List<TargetConfig> BuildList(BuildContext c, IEnumerable<TargetSettings?>? items, ILocated list, IReadOnlyDictionary<string, ModuleConfig> modules, string? origin)
    {
        var targets = new List<TargetConfig>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in c.Items(items, list))
        {
            var target = item.Build(c, modules);
            if (target is not null && seen.Add(target.Key))
            {
                targets.Add(origin is null ? target : target with { Origin = origin });
            }
            else if (target is not null && origin is null)
            {
                c.Error(item, $"target {target.Key} is listed twice");
            }
            else if (target is not null)
            {
                c.Warn(item, $"target {target.Key} is listed twice; the first entry is used");
            }
        }

        return targets;
    }

    private TargetConfig? Build(BuildContext c, IReadOnlyDictionary<string, ModuleConfig> modules)
    {
        var (host, module) = (Host, Module);
        if (Inline is { } inline)
        {
            var parts = inline.Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 0 or > 2)
            {
                c.Error(inline, $"'{inline.Value}' should be 'host[:port]' or 'host[:port] module'");
                return null;
            }

            host = inline with { Value = parts[0], Path = ConfigPath.Child(Path, "host") };
            module = parts.Length == 2 ? inline with { Value = parts[1], Path = ConfigPath.Child(Path, "module") } : null;
        }

        var ok = HostPort.TryParse(host?.Value ?? string.Empty, TargetConfig.DefaultPort, out var name, out var port, out var why)
            || c.Reject(host ?? At("host"), host is null ? "is required" : why, false);
        var moduleName = module?.Value ?? ExporterConfig.DefaultModuleName;
        ok &= modules.ContainsKey(moduleName)
            || c.Reject(module ?? At("module"), $"module '{moduleName}' is not defined (modules: {string.Join(", ", modules.Keys.Order(StringComparer.Ordinal))})", false);
        var labels = c.Labels(Labels);
        return ok ? new TargetConfig { Host = name, Port = port, Module = moduleName, Labels = labels } : null;
    }
}

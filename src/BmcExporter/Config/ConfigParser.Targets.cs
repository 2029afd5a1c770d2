using YamlDotNet.RepresentationModel;

namespace BmcExporter.Config;

/// <summary><c>targets:</c> entries (also the YAML form of target files).</summary>
internal sealed partial class ConfigParser
{
    private static readonly string[] TargetKeys = ["host", "module", "labels"];

    /// <summary>
    /// Reads a list of targets: each item a mapping (<c>host</c>, <c>module</c>, <c>labels</c>) or a string
    /// <c>"host[:port] [module]"</c>. Module references must exist in <paramref name="modules"/>.
    /// </summary>
    internal List<TargetConfig> ReadTargets(YamlNode node, string path, IReadOnlyDictionary<string, ModuleConfig> modules, string origin = "config")
    {
        var targets = new List<TargetConfig>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seq = ReadSequence(node, path);
        if (seq is null)
        {
            return targets;
        }

        var i = 0;
        foreach (var item in seq.Children)
        {
            var p = $"{path}[{i++}]";
            var target = item is YamlScalarNode ? ReadTargetLine(item, p, modules) : ReadTargetMap(item, p, modules);
            if (target is null)
            {
                continue;
            }

            if (!seen.Add(target.Key))
            {
                if (origin == "config")
                {
                    Error(item, p, $"target {target.Key} is listed twice");
                }
                else
                {
                    Warn(item, p, $"target {target.Key} is listed twice; the first entry is used");
                }

                continue;
            }

            targets.Add(target with { Origin = origin });
        }

        return targets;
    }

    private TargetConfig? ReadTargetLine(YamlNode node, string path, IReadOnlyDictionary<string, ModuleConfig> modules)
    {
        var s = ReadString(node, path);
        if (s is null)
        {
            return null;
        }

        var parts = s.Split(' ', '\t').Where(x => x.Length > 0).ToArray();
        if (parts.Length > 2)
        {
            Error(node, path, $"'{s}' should be 'host[:port]' or 'host[:port] module'");
            return null;
        }

        return MakeTarget(parts[0], parts.Length == 2 ? parts[1] : null, null, node, node, path, modules);
    }

    private TargetConfig? ReadTargetMap(YamlNode node, string path, IReadOnlyDictionary<string, ModuleConfig> modules)
    {
        var map = ReadMap(node, path);
        if (map is null)
        {
            return null;
        }

        string? host = null;
        string? module = null;
        YamlNode hostNode = map;
        YamlNode moduleNode = map;
        Dictionary<string, string>? labels = null;
        foreach (var (key, value) in Entries(map, path, TargetKeys))
        {
            var p = Join(path, key);
            switch (key)
            {
                case "host":
                    hostNode = value;
                    host = ReadString(value, p);
                    break;
                case "module":
                    moduleNode = value;
                    module = ReadString(value, p);
                    break;
                case "labels":
                    labels = ReadLabels(value, p);
                    break;
            }
        }

        if (host is null)
        {
            if (ReferenceEquals(hostNode, map))
            {
                Error(map, Join(path, "host"), "is required");
            }

            return null;
        }

        return MakeTarget(host, module, labels, hostNode, moduleNode, path, modules);
    }

    private TargetConfig? MakeTarget(
        string hostPort, string? module, Dictionary<string, string>? labels, YamlNode hostNode, YamlNode moduleNode,
        string path, IReadOnlyDictionary<string, ModuleConfig> modules)
    {
        var ok = true;
        if (!HostPort.TryParse(hostPort, TargetConfig.DefaultPort, out var host, out var port, out var why))
        {
            Error(hostNode, Join(path, "host"), why);
            ok = false;
        }

        module ??= ExporterConfig.DefaultModuleName;
        if (!modules.ContainsKey(module))
        {
            Error(moduleNode, Join(path, "module"), $"module '{module}' is not defined (modules: {string.Join(", ", modules.Keys.Order(StringComparer.Ordinal))})");
            ok = false;
        }

        if (!ok)
        {
            return null;
        }

        return new TargetConfig
        {
            Host = host,
            Port = port,
            Module = module,
            Labels = labels ?? new Dictionary<string, string>(StringComparer.Ordinal),
        };
    }
}

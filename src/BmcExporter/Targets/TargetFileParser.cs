using BmcExporter.Config;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BmcExporter.Targets;

/// <summary>
/// Reads one target file. Two formats:
/// <list type="bullet">
/// <item>lines: one target per line, <c>host[:port] [module]</c>; <c>#</c> starts a comment; blank lines ignored;</item>
/// <item>YAML (<c>.yaml</c>/<c>.yml</c>, or text starting with <c>targets:</c> or <c>- </c>): a <c>targets:</c>
/// list as in exporter.yaml, or a bare list of the same items.</item>
/// </list>
/// </summary>
public static class TargetFileParser
{
    /// <summary>Parses <paramref name="text"/> read from <paramref name="path"/>; module references are checked against <paramref name="modules"/>.</summary>
    public static TargetFileParseResult Parse(string path, string text, IReadOnlyDictionary<string, ModuleConfig> modules) =>
        LooksLikeYaml(path, text) ? ParseYaml(path, text, modules) : ParseLines(path, text, modules);

    private static bool LooksLikeYaml(string path, string text)
    {
        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty || line[0] == '#')
            {
                continue;
            }

            return line.StartsWith("targets:") || line.StartsWith("- ") || line.SequenceEqual("---");
        }

        return false;
    }

    private static TargetFileParseResult ParseLines(string path, string text, IReadOnlyDictionary<string, ModuleConfig> modules)
    {
        var targets = new List<TargetConfig>();
        var errors = new List<ConfigDiagnostic>();
        var warnings = new List<ConfigDiagnostic>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 2)
            {
                errors.Add(new ConfigDiagnostic(path, lineNumber, 1, string.Empty, $"'{line}' should be 'host[:port]' or 'host[:port] module'"));
                continue;
            }

            if (!HostPort.TryParse(parts[0], TargetConfig.DefaultPort, out var host, out var port, out var why))
            {
                errors.Add(new ConfigDiagnostic(path, lineNumber, 1, string.Empty, why));
                continue;
            }

            var module = parts.Length == 2 ? parts[1] : ExporterConfig.DefaultModuleName;
            if (!modules.ContainsKey(module))
            {
                errors.Add(new ConfigDiagnostic(path, lineNumber, raw.IndexOf(module, StringComparison.Ordinal) + 1, string.Empty,
                    $"module '{module}' is not defined (modules: {string.Join(", ", modules.Keys.Order(StringComparer.Ordinal))})"));
                continue;
            }

            var target = new TargetConfig { Host = host, Port = port, Module = module, Origin = path };
            if (!seen.Add(target.Key))
            {
                warnings.Add(new ConfigDiagnostic(path, lineNumber, 1, string.Empty, $"target {target.Key} is listed twice; the first entry is used"));
                continue;
            }

            targets.Add(target);
        }

        return new TargetFileParseResult(errors.Count == 0 ? targets : [], errors, warnings);
    }

    private static TargetFileParseResult ParseYaml(string path, string text, IReadOnlyDictionary<string, ModuleConfig> modules)
    {
        var parser = new ConfigParser(path, ConfigLoadOptions.Default);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var error = new ConfigDiagnostic(path, (int)ex.Start.Line, (int)ex.Start.Column, string.Empty, $"invalid YAML: {ex.Message}");
            return new TargetFileParseResult([], [error], []);
        }

        var targets = new List<TargetConfig>();
        if (stream.Documents.Count > 0 && !ConfigParser.IsNull(stream.Documents[0].RootNode))
        {
            var root = stream.Documents[0].RootNode;
            if (root is YamlMappingNode map)
            {
                foreach (var (keyNode, value) in map.Children)
                {
                    if (keyNode is YamlScalarNode { Value: "targets" })
                    {
                        targets.AddRange(parser.ReadTargets(value, "targets", modules, path));
                    }
                    else
                    {
                        parser.Error(keyNode, (keyNode as YamlScalarNode)?.Value ?? string.Empty, "unknown key (a target file holds only targets:)");
                    }
                }
            }
            else
            {
                targets.AddRange(parser.ReadTargets(root, "targets", modules, path));
            }
        }

        var result = parser.Result(null);
        return new TargetFileParseResult(result.Errors.Count == 0 ? targets : [], result.Errors, result.Warnings);
    }
}

/// <summary>The targets of one file, or its errors (then no targets), and warnings.</summary>
/// <param name="Targets">Targets in file order; empty when there are errors.</param>
/// <param name="Errors">Problems that make the file unusable; the previous set stays in force.</param>
/// <param name="Warnings">Accepted oddities (duplicates).</param>
public sealed record TargetFileParseResult(IReadOnlyList<TargetConfig> Targets, IReadOnlyList<ConfigDiagnostic> Errors, IReadOnlyList<ConfigDiagnostic> Warnings)
{
    /// <summary><c>true</c> when the file can be used.</summary>
    public bool Success => Errors.Count == 0;
}

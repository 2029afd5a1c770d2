using BmcExporter.Config;
using BmcExporter.Config.Settings;
using BmcExporter.Config.Yaml;
using YamlDotNet.Core;

namespace BmcExporter.Targets;

/// <summary>
/// Reads one target file. Two formats:
/// <list type="bullet">
/// <item>lines: one target per line, <c>host[:port] [module]</c>; <c>#</c> starts a comment; blank lines ignored;</item>
/// <item>YAML (<c>.yaml</c>/<c>.yml</c>, or text starting with <c>targets:</c>, <c>- </c> or <c>---</c>): a
/// <c>targets:</c> list as in exporter.yaml, or a bare list of the same items.</item>
/// </list>
/// A glob in <c>target_files</c> can match any file, so a file that is not a target file at all gets one error
/// that says so and quotes nothing from it; messages about lines of a line-format file quote nothing either.
/// </summary>
public static class TargetFileParser
{
    /// <summary>The largest target file read.</summary>
    public const int MaxFileBytes = 64 << 20;

    private const string NotTargetFile = "is not a valid target file: expected one 'host[:port] [module]' per line, or YAML with a list of targets or a 'targets:' list";

    /// <summary>Parses <paramref name="text"/> read from <paramref name="path"/>; module references are checked against <paramref name="modules"/>.</summary>
    public static TargetFileParseResult Parse(string path, string text, IReadOnlyDictionary<string, ModuleConfig> modules)
    {
        var diagnostics = new ConfigDiagnostics(path);
        IReadOnlyList<TargetConfig> targets;
        try
        {
            targets = LooksLikeYaml(path, text) ? ParseYaml(path, text, modules, diagnostics) : ParseLines(path, text, modules, diagnostics);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            diagnostics.FileError($"could not be read as a target file ({ex.GetType().Name}); please report this as a bug");
            targets = [];
        }

        return new TargetFileParseResult(diagnostics.HasErrors ? [] : targets, diagnostics.Errors, diagnostics.Warnings);
    }

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

    private static List<TargetConfig> ParseLines(string path, string text, IReadOnlyDictionary<string, ModuleConfig> modules, ConfigDiagnostics d)
    {
        var targets = new List<TargetConfig>();
        var problems = new ConfigDiagnostics(path);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var content = raw.Split('#')[0];
            var parts = content.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            var at = new Mark(0, lineNumber, 1);
            if (parts.Length == 0)
            {
                continue;
            }

            if (parts.Length > 2)
            {
                problems.Error(at, string.Empty, $"expected 'host[:port]' or 'host[:port] module', but the line has {parts.Length} words");
                continue;
            }

            if (!HostPort.TryParse(parts[0], TargetConfig.DefaultPort, out var host, out var port, out var why))
            {
                problems.Error(at, string.Empty, why.StartsWith("port", StringComparison.Ordinal) ? "the port is not a number in 1..65535" : "the host is not a valid name or IP address");
                continue;
            }

            var module = parts.Length == 2 ? parts[1] : ExporterConfig.DefaultModuleName;
            if (!modules.ContainsKey(module))
            {
                problems.Error(new Mark(0, lineNumber, content.IndexOf(module, StringComparison.Ordinal) + 1), string.Empty,
                    $"the module named in the second word is not defined (modules: {string.Join(", ", modules.Keys.Order(StringComparer.Ordinal))})");
                continue;
            }

            var target = new TargetConfig { Host = host, Port = port, Module = module, Origin = path };
            if (seen.Add(target.Key))
            {
                targets.Add(target);
            }
            else
            {
                d.Warn(at, string.Empty, $"target {target.Key} is listed twice; the first entry is used");
            }
        }

        // Not one line is a target: whatever this file is, it is not a target file (and none of it is quoted).
        if (targets.Count == 0 && problems.Errors.Count > 0)
        {
            d.Error(new Mark(0, problems.Errors[0].Line, 1), string.Empty, NotTargetFile);
            return targets;
        }

        foreach (var e in problems.Errors)
        {
            d.Error(new Mark(0, e.Line, e.Column), string.Empty, e.Message);
        }

        return targets;
    }

    private static List<TargetConfig> ParseYaml(string path, string text, IReadOnlyDictionary<string, ModuleConfig> modules, ConfigDiagnostics d)
    {
        var shape = YamlPreScan.Run(text, d);
        if (shape is null || shape.Root == YamlRootKind.Empty)
        {
            return [];
        }

        var other = shape.RootKeys.FirstOrDefault(k => k.Value != "targets");
        if (shape.Root == YamlRootKind.Scalar || other is not null)
        {
            d.Error(other?.Start ?? new Mark(0, 1, 1), string.Empty, NotTargetFile);
            return [];
        }

        var c = new BuildContext(d, path, ConfigLoadOptions.Default);
        if (shape.Root == YamlRootKind.Sequence)
        {
            var items = YamlSettingsReader.Read<List<TargetSettings?>>(text, d, shape);
            return TargetSettings.BuildList(c, items, new Located<string>(string.Empty, "targets", new Mark(0, 1, 1)), modules, path);
        }

        var file = YamlSettingsReader.Read<TargetFileSettings>(text, d, shape);
        return file is null ? [] : TargetSettings.BuildList(c, file.Targets, file.At("targets"), modules, path);
    }

    /// <summary>A YAML target file with a <c>targets:</c> key.</summary>
    private sealed class TargetFileSettings : SettingsNode
    {
        public List<TargetSettings?>? Targets { get; set; }
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

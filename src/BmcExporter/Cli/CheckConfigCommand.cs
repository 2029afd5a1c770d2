using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Targets;

namespace BmcExporter.Cli;

/// <summary>
/// <c>bmc-exporter check-config FILE</c>: validates a config file and its target files without starting.
/// Prints <c>ok</c> and any warnings (exit 0), or one error per line (exit 1). Secrets are never printed.
/// </summary>
internal static class CheckConfigCommand
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(Run(args, Console.Out, Console.Error, ConfigLoadOptions.Default));

    /// <summary>The command with its output streams and environment injected (tests).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, ConfigLoadOptions loadOptions)
    {
        string? file = args.Count switch
        {
            1 when !args[0].StartsWith('-') => args[0],
            1 when args[0].StartsWith("--config.file=", StringComparison.Ordinal) => args[0]["--config.file=".Length..],
            2 when args[0] == "--config.file" => args[1],
            _ => null,
        };
        if (string.IsNullOrEmpty(file))
        {
            stderr.WriteLine("usage: bmc-exporter check-config FILE");
            return 2;
        }

        // The loader and the target set report bad input as located errors and never throw for it, so a hostile
        // file gives exit code 1 with its lines, never a crash.
        var result = ConfigLoader.Load(file, loadOptions);
        var errors = result.Errors.ToList();
        var warnings = result.Warnings.ToList();
        if (result.Config is { } config)
        {
            using var targets = new TargetSet(config, TimeProvider.System, new TargetSetOptions { WatchFileSystem = false });
            errors.AddRange(targets.Errors);
            warnings.AddRange(targets.Warnings);
            warnings.AddRange(UnimplementedCollectors(config, DefaultCollectors.Create().Select(c => c.Kind).ToHashSet()));
        }

        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                stderr.WriteLine(e.ToString());
            }

            foreach (var w in warnings)
            {
                stderr.WriteLine($"warning: {w}");
            }

            return 1;
        }

        stdout.WriteLine("ok");
        foreach (var w in warnings)
        {
            stdout.WriteLine($"warning: {w}");
        }

        return 0;
    }

    /// <summary>Collectors a module enables that bmc-exporter has no implementation of: their <c>ipmi_up</c> is always 0.</summary>
    internal static IEnumerable<ConfigDiagnostic> UnimplementedCollectors(ExporterConfig config, IReadOnlySet<CollectorKind> implemented)
    {
        foreach (var module in config.Modules.Values)
        {
            foreach (var kind in module.Collectors.Where(k => !implemented.Contains(k)))
            {
                var name = CollectorNames.Name(kind);
                yield return new ConfigDiagnostic(config.SourcePath ?? string.Empty, 0, 0, $"modules.{module.Name}.collectors", $"bmc-exporter does not implement the {name} collector, so ipmi_up{{collector=\"{name}\"}} is always 0; remove '{name}' from the collectors");
            }
        }
    }
}

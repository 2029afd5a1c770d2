using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Targets;

namespace BmcExporter.Cli;

/// <summary>
/// <c>bmc-exporter check-config FILE</c>: validates a config file and its target files without starting.
/// Prints <c>ok</c> and any warnings (exit 0; 1 with <c>--strict</c>), or one error per line (exit 1); a usage mistake
/// exits 2. <c>--probe</c> adds, per target, the settings that do nothing on that BMC (warnings) and the checks that
/// could not run there (notes, which <c>--strict</c> does not count). Secrets are never printed.
/// </summary>
internal static class CheckConfigCommand
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error, ConfigLoadOptions.Default, CancellationToken.None);

    /// <summary>
    /// With <c>--probe</c>, also connects to every target (<see cref="ConfigProbe"/>) and warns about settings that do
    /// nothing on it; with <c>--strict</c>, any warning makes the exit code 1.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, ConfigLoadOptions loadOptions, CancellationToken cancellationToken)
    {
        if (CliHelp.Wants(args))
        {
            await stdout.WriteAsync(CliHelp.CheckConfig).ConfigureAwait(false);
            return 0;
        }

        var probe = args.Contains("--probe");
        var strict = args.Contains("--strict");
        var rest = args.Where(a => a is not "--probe" and not "--strict").ToList();
        if (!probe)
        {
            var code = Run(rest, stdout, stderr, loadOptions, out var warned);
            return code == 0 && strict && warned ? 1 : code;
        }

        using var checkOut = new StringWriter();
        var checkedCode = Run(rest, checkOut, stderr, loadOptions, out var warnedBefore);
        if (checkedCode != 0)
        {
            return checkedCode;
        }

        var config = ConfigLoader.Load(FileOf(rest)!, loadOptions).Config!;
        using var targets = new TargetSet(config, TimeProvider.System, new TargetSetOptions { WatchFileSystem = false });
        var probed = await ConfigProbe.RunAsync(config, targets.All, cancellationToken).ConfigureAwait(false);
        await stdout.WriteAsync(checkOut.ToString()).ConfigureAwait(false);
        foreach (var w in probed.Warnings)
        {
            await stdout.WriteLineAsync($"warning: {w}").ConfigureAwait(false);
        }

        // A check that could not run is no finding about the config: printed, never counted by --strict.
        foreach (var n in probed.Notes)
        {
            await stdout.WriteLineAsync($"note: {n}").ConfigureAwait(false);
        }

        return strict && (warnedBefore || probed.Warnings.Count > 0) ? 1 : 0;
    }

    /// <summary>The command with its output streams and environment injected (tests).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, ConfigLoadOptions loadOptions) =>
        Run(args, stdout, stderr, loadOptions, out _);

    private static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, ConfigLoadOptions loadOptions, out bool warned)
    {
        warned = false;
        var file = FileOf(args);
        if (string.IsNullOrEmpty(file))
        {
            stderr.WriteLine("usage: bmc-exporter check-config [--probe] [--strict] FILE");
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
            warnings.AddRange(InertModuleSettings(config));
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
        warned = warnings.Count > 0;
        foreach (var w in warnings)
        {
            stdout.WriteLine($"warning: {w}");
        }

        return 0;
    }

    private static string? FileOf(IReadOnlyList<string> args) => args.Count switch
    {
        1 when !args[0].StartsWith('-') => args[0],
        1 when args[0].StartsWith("--config.file=", StringComparison.Ordinal) => args[0]["--config.file=".Length..],
        2 when args[0] == "--config.file" => args[1],
        _ => null,
    };

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

    /// <summary>
    /// Module settings that do nothing whatever the BMC: workaround flags whose behaviour the client always has
    /// (<see cref="WorkaroundSupport.BuiltIn"/>; the loader stays quiet about them so ipmi_exporter configs start without
    /// noise), a K_g of all zero bytes, and <c>allow_cipher_suite_0</c> when <c>cipher_suites</c> does not list suite 0.
    /// </summary>
    internal static IEnumerable<ConfigDiagnostic> InertModuleSettings(ExporterConfig config)
    {
        var file = config.SourcePath ?? string.Empty;
        foreach (var module in config.Modules.Values.Where(m => m.Protocol != ModuleProtocol.Redfish))
        {
            foreach (var flag in module.Workarounds.Order(StringComparer.Ordinal).Select(n => WorkaroundFlags.All.GetValueOrDefault(n)).OfType<WorkaroundFlag>().Where(f => f.Support == WorkaroundSupport.BuiltIn))
            {
                yield return new ConfigDiagnostic(file, 0, 0, $"modules.{module.Name}.workarounds", $"workaround '{flag.Name}' has no effect: bmc-exporter always does this ({flag.Effect}); remove it from the workarounds");
            }

            // IPMI v2.0 §13.31: a K_g of zeros is "no K_g", the password keys the session.
            if (module.Kg is { IsAllZero: true })
            {
                yield return new ConfigDiagnostic(file, 0, 0, $"modules.{module.Name}.kg", "a K_g of all zero bytes has no effect: the BMC and bmc-exporter then key the session with the password (IPMI v2.0 §13.31); remove kg_file, kg_env or kg_hex");
            }

            if (module.AllowCipherSuite0 && !module.CipherSuites.Contains(0))
            {
                yield return new ConfigDiagnostic(file, 0, 0, $"modules.{module.Name}.allow_cipher_suite_0", $"allow_cipher_suite_0 has no effect: cipher_suites [{string.Join(", ", module.CipherSuites)}] does not list suite 0; remove allow_cipher_suite_0");
            }
        }
    }
}

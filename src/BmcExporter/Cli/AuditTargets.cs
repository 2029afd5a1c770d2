using BmcExporter.Config;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Session;
using BmcExporter.Snapshots;
using BmcExporter.Targets;

namespace BmcExporter.Cli;

/// <summary>
/// The BMCs one audit run covers, as scrape targets whose module runs only the <c>security</c> collector:
/// <list type="bullet">
/// <item><c>--target</c> with <c>--user</c> and a password source: one BMC;</item>
/// <item><c>--targets-file</c> with <c>--user</c> and a password source: every line of the file;</item>
/// <item><c>--config</c>: every target of the file (static and <c>target_files</c>), or those of <c>--module</c>;
/// with <c>--target</c> one BMC with that module (<c>default</c> unless <c>--module</c>); with <c>--targets-file</c> the
/// file's targets with the config's modules.</item>
/// </list>
/// With <c>--config</c> the module gives credentials and session settings, so those flags are refused (one source each).
/// </summary>
internal static class AuditTargets
{
    /// <summary>Resolves the targets; throws <see cref="CliUsageException"/> with a one-line message on a usage or config error.</summary>
    public static (IReadOnlyList<ScrapeTarget> Targets, IReadOnlyList<string> Notes) Resolve(AuditOptions o, Func<string, string?> getEnv)
    {
        var c = o.Client;
        if (o.ConfigFile is null && o.TargetsFile is null && c.Target is null)
        {
            throw new CliUsageException("nothing to audit: give --target HOST[:PORT], --targets-file FILE or --config FILE");
        }

        if (c.Target is not null && o.TargetsFile is not null)
        {
            throw new CliUsageException("give either --target or --targets-file, not both");
        }

        var config = o.ConfigFile is null ? FlagsConfig(o, getEnv) : LoadConfig(o, getEnv);
        if (o.Module is not null && config.FindModule(o.Module) is null)
        {
            throw new CliUsageException($"--module '{o.Module}' is not a module of {o.ConfigFile}");
        }

        IReadOnlyList<TargetConfig> listed;
        if (c.Target is not null)
        {
            var (host, port) = ClientCommandOptions.ParseTarget(c.Target);
            listed = [new TargetConfig { Host = host, Port = port, Module = o.Module ?? ExporterConfig.DefaultModuleName }];
        }
        else if (o.TargetsFile is not null)
        {
            listed = ReadTargetsFile(o.TargetsFile, config);
        }
        else
        {
            using var set = new TargetSet(config, TimeProvider.System, new TargetSetOptions { WatchFileSystem = false });
            ThrowFirst(set.Errors);
            listed = set.All;
        }

        var notes = new List<string>();
        var targets = new List<ScrapeTarget>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in listed.Where(t => o.Module is null || t.Module == o.Module))
        {
            var module = config.FindModule(t.Module) ?? throw new CliUsageException($"target {t.Key}: module '{t.Module}' does not exist");
            if (module.Protocol == ModuleProtocol.Redfish)
            {
                notes.Add($"skipped {t.Key}: module '{module.Name}' speaks Redfish only; the audit checks the IPMI port");
                continue;
            }

            var audited = module with
            {
                Collectors = [CollectorKind.Security],
                Security = o.DefaultPasswordCheck ? module.Security with { DefaultPasswordCheck = true } : module.Security,
            };
            var target = ScrapeTarget.From(t.Host, t.Port, audited, config, t.Labels);
            if (seen.Add(target.Key))
            {
                targets.Add(target);
            }
        }

        if (targets.Count == 0)
        {
            throw new CliUsageException(o.Module is null ? "no IPMI targets to audit" : $"no IPMI targets use module '{o.Module}'");
        }

        return (targets, notes);
    }

    /// <summary>Without <c>--config</c>: one module named <c>default</c> from the session flags.</summary>
    private static ExporterConfig FlagsConfig(AuditOptions o, Func<string, string?> getEnv)
    {
        var c = o.Client;
        if (o.Module is not null)
        {
            throw new CliUsageException("--module needs --config FILE (the modules are defined there)");
        }

        if (c.User is null)
        {
            throw new CliUsageException("--user NAME is required (or --config FILE, whose modules give the user)");
        }

        var password = ClientCommandOptions.ReadPassword(c.PasswordFile, c.PasswordEnv, getEnv);
        var module = new ModuleConfig
        {
            Name = ExporterConfig.DefaultModuleName,
            User = c.User,
            Password = IpmiSecret.FromBytes(password),
            Privilege = c.Privilege switch
            {
                "admin" => PrivilegeLevel.Administrator,
                "operator" => PrivilegeLevel.Operator,
                _ => PrivilegeLevel.User,
            },
            CipherSuites = [.. (c.CipherSuites ?? [17, 3]).Select(s => (int)s)],
            AllowCipherSuite0 = c.AllowCipherSuite0 && c.CipherSuites is { } s0 && s0.Contains((byte)0),
            Timeout = c.Timeout ?? TimeSpan.FromSeconds(2),
            Retries = c.Retries ?? 3,
        };
        return ExporterConfig.Default with
        {
            Modules = new Dictionary<string, ModuleConfig>(StringComparer.Ordinal) { [module.Name] = module },
        };
    }

    private static ExporterConfig LoadConfig(AuditOptions o, Func<string, string?> getEnv)
    {
        var c = o.Client;
        var given = new List<string>();
        if (c.User is not null)
        {
            given.Add("--user");
        }

        if (c.PasswordFile is not null || c.PasswordEnv is not null)
        {
            given.Add(c.PasswordFile is not null ? "--password-file" : "--password-env");
        }

        given.AddRange(c.SessionFlagsGiven);
        if (given.Count > 0)
        {
            throw new CliUsageException($"{string.Join(", ", given)}: with --config the module sets the user, password and session settings; drop the flag or edit the module");
        }

        var result = ConfigLoader.Load(o.ConfigFile!, new ConfigLoadOptions { GetEnvironmentVariable = getEnv });
        ThrowFirst(result.Errors);
        return result.Config ?? throw new CliUsageException($"{o.ConfigFile}: could not be loaded");
    }

    private static IReadOnlyList<TargetConfig> ReadTargetsFile(string path, ExporterConfig config)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > TargetFileParser.MaxFileBytes)
            {
                throw new CliUsageException($"--targets-file '{path}' is larger than {TargetFileParser.MaxFileBytes >> 20} MiB");
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--targets-file '{path}' cannot be read: {e.GetType().Name}");
        }

        var result = TargetFileParser.Parse(path, text, config.Modules);
        ThrowFirst(result.Errors);
        return result.Targets;
    }

    /// <summary>The first located error as the one-line message, with how many more there are.</summary>
    private static void ThrowFirst(IReadOnlyList<ConfigDiagnostic> errors)
    {
        if (errors.Count > 0)
        {
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more; see bmc-exporter check-config)" : string.Empty;
            throw new CliUsageException(errors[0] + more);
        }
    }
}

using System.Globalization;

namespace BmcExporter.Cli;

/// <summary>
/// Parsed flags of <c>bmc-exporter audit</c>: the client commands' flags (<see cref="ClientFlags"/>, one parser)
/// plus where the targets come from and how the run is gated and bounded.
/// </summary>
internal sealed record AuditOptions
{
    /// <summary>The default of <c>--parallel</c>: BMCs audited at once.</summary>
    public const int DefaultParallel = 8;

    /// <summary>The largest <c>--parallel</c>.</summary>
    public const int MaxParallel = 256;

    /// <summary>The default of <c>--deadline</c>: time allowed per BMC.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    public required ClientFlags Client { get; init; }

    /// <summary><c>--config FILE</c> (also <c>--config.file</c>): modules, credentials and targets from exporter.yaml.</summary>
    public string? ConfigFile { get; init; }

    /// <summary><c>--targets-file FILE</c>: a target file (<c>host[:port] [module]</c> lines, or YAML).</summary>
    public string? TargetsFile { get; init; }

    /// <summary><c>--module NAME</c>: with <c>--config</c>, only targets of this module (or the module of <c>--target</c>).</summary>
    public string? Module { get; init; }

    /// <summary><c>--fail-on</c>: the lowest severity that makes the exit code 1; <c>null</c> for <c>never</c>. Default critical.</summary>
    public AuditSeverity? FailOn { get; init; } = AuditSeverity.Critical;

    public int Parallel { get; init; } = DefaultParallel;

    public TimeSpan Deadline { get; init; } = DefaultDeadline;

    /// <summary><c>--default-password-check</c>: run the default-password check on every BMC, whatever the module says.</summary>
    public bool DefaultPasswordCheck { get; init; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="CliUsageException"/> with a one-line message on any mistake.</summary>
    public static AuditOptions Parse(IReadOnlyList<string> args)
    {
        string? config = null, targetsFile = null, module = null;
        AuditSeverity? failOn = AuditSeverity.Critical;
        var parallel = DefaultParallel;
        var deadline = DefaultDeadline;
        var defaultPasswords = false;
        var client = ClientFlags.Parse(args, (flag, value) =>
        {
            switch (flag)
            {
                case "--config" or "--config.file":
                    config = value();
                    return true;
                case "--targets-file":
                    targetsFile = value();
                    return true;
                case "--module":
                    module = value();
                    return true;
                case "--fail-on":
                    failOn = AuditSeverities.ParseFailOn(value());
                    return true;
                case "--parallel":
                    var p = value();
                    if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out parallel) || parallel is < 1 or > MaxParallel)
                    {
                        throw new CliUsageException($"--parallel '{p}' must be a whole number from 1 to {MaxParallel}");
                    }

                    return true;
                case "--deadline":
                    deadline = ClientFlags.ParseSeconds(value(), "--deadline", max: 3600);
                    return true;
                case "--default-password-check":
                    defaultPasswords = true;
                    return true;
                default:
                    return false;
            }
        });

        if (client.BridgeSensors || client.Watch is not null)
        {
            throw new CliUsageException($"{(client.Watch is not null ? "--watch" : "--bridge-sensors")} is not an audit flag");
        }

        return new AuditOptions
        {
            Client = client,
            ConfigFile = config,
            TargetsFile = targetsFile,
            Module = module,
            FailOn = failOn,
            Parallel = parallel,
            Deadline = deadline,
            DefaultPasswordCheck = defaultPasswords,
        };
    }
}

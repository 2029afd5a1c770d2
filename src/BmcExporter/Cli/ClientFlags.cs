using System.Globalization;

namespace BmcExporter.Cli;

/// <summary>
/// The flags of the IPMI client commands as given, before any is required: the one parser behind
/// <see cref="ClientCommandOptions.Parse"/> and <c>bmc-exporter audit</c>. A session setting left out is <c>null</c>,
/// so a command can tell "not given" from a default (audit refuses session flags next to <c>--config</c>, whose
/// module sets them). A command's own flags are handed to <c>extra</c>; anything else unknown is a usage error.
/// </summary>
internal sealed record ClientFlags
{
    public string? Target { get; init; }

    public string? User { get; init; }

    public string? PasswordFile { get; init; }

    public string? PasswordEnv { get; init; }

    /// <summary><c>user</c>, <c>operator</c> or <c>admin</c>; <c>null</c> when not given.</summary>
    public string? Privilege { get; init; }

    public IReadOnlyList<byte>? CipherSuites { get; init; }

    public OutputFormat Output { get; init; } = OutputFormat.Table;

    public TimeSpan? Timeout { get; init; }

    public int? Retries { get; init; }

    public bool BridgeSensors { get; init; }

    public bool AllowCipherSuite0 { get; init; }

    public TimeSpan? Watch { get; init; }

    /// <summary>The session flags that were given (their spelling), for commands that take them from elsewhere.</summary>
    public IReadOnlyList<string> SessionFlagsGiven =>
        [.. new (bool Given, string Flag)[]
        {
            (Privilege is not null, "--privilege"), (CipherSuites is not null, "--cipher-suite"), (Timeout is not null, "--timeout"),
            (Retries is not null, "--retries"), (AllowCipherSuite0, "--allow-cipher-suite-0"),
        }.Where(f => f.Given).Select(f => f.Flag)];

    /// <summary>
    /// Reads <paramref name="args"/> (<c>--flag value</c> or <c>--flag=value</c>). <paramref name="extra"/> gets each
    /// flag this parser does not know, with a function that takes its value; it returns <c>false</c> for a flag it does
    /// not know either. Throws <see cref="CliUsageException"/> on any bad input.
    /// </summary>
    public static ClientFlags Parse(IReadOnlyList<string> args, Func<string, Func<string>, bool>? extra = null)
    {
        var f = new ClientFlags();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            var flag = arg;
            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CliUsageException($"{flag} needs a value");
                }

                return args[++i];
            }

            switch (arg)
            {
                case "--target" or "-H":
                    f = f with { Target = Value() };
                    break;
                case "--user" or "-U":
                    f = f with { User = Value() };
                    break;
                case "--password-file":
                    f = f with { PasswordFile = Value() };
                    break;
                case "--password-env":
                    f = f with { PasswordEnv = Value() };
                    break;
                case "--password" or "-P":
                    throw new CliUsageException(
                        $"{arg} is not accepted: a password on the command line is visible to every local user; use --password-file FILE or --password-env VAR");
                case "--privilege" or "-L":
                    var privilege = Value().ToLowerInvariant();
                    f = privilege is "user" or "operator" or "admin"
                        ? f with { Privilege = privilege }
                        : throw new CliUsageException($"--privilege '{privilege}' is not one of user, operator, admin");
                    break;
                case "--cipher-suite" or "-C":
                    f = f with { CipherSuites = ParseSuites(Value()) };
                    break;
                case "--output" or "-o":
                    var o = Value();
                    f = f with
                    {
                        Output = o switch
                        {
                            "table" => OutputFormat.Table,
                            "json" => OutputFormat.Json,
                            _ => throw new CliUsageException($"--output '{o}' is not one of table, json"),
                        },
                    };
                    break;
                case "--timeout":
                    f = f with { Timeout = ParseSeconds(Value(), "--timeout") };
                    break;
                case "--retries":
                    var r = Value();
                    f = int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var retries) && retries <= 10
                        ? f with { Retries = retries }
                        : throw new CliUsageException($"--retries '{r}' must be a whole number from 0 to 10");
                    break;
                case "--bridge-sensors":
                    f = f with { BridgeSensors = true };
                    break;
                case "--allow-cipher-suite-0":
                    f = f with { AllowCipherSuite0 = true };
                    break;
                case "--watch":
                    // The interval is optional: a number right after --watch, else 5 seconds.
                    f = f with
                    {
                        Watch = inlineValue is not null || (i + 1 < args.Count && !args[i + 1].StartsWith('-'))
                            ? ParseSeconds(Value(), "--watch")
                            : TimeSpan.FromSeconds(5),
                    };
                    break;
                default:
                    if (extra is null || !extra(arg, Value))
                    {
                        throw new CliUsageException($"unknown option '{args[i]}'");
                    }

                    break;
            }
        }

        if (f.User is not null && System.Text.Encoding.UTF8.GetByteCount(f.User) > 16)
        {
            throw new CliUsageException("--user is longer than 16 bytes, the IPMI 2.0 limit");
        }

        if (f.CipherSuites is { } suites && suites.Contains((byte)0) && !f.AllowCipherSuite0)
        {
            throw new CliUsageException("--cipher-suite 0 has no authentication, integrity or encryption (anyone on the path can read and forge the session); add --allow-cipher-suite-0 to use it anyway");
        }

        return f;
    }

    /// <summary>Seconds as <c>N</c> or <c>Ns</c>, more than 0 and at most <paramref name="max"/>.</summary>
    internal static TimeSpan ParseSeconds(string text, string flag, double max = 300)
    {
        var t = text.EndsWith('s') ? text[..^1] : text;
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || !(s > 0) || s > max)
        {
            throw new CliUsageException($"{flag} '{text}' must be a number of seconds between 0 and {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return TimeSpan.FromSeconds(s);
    }

    private static IReadOnlyList<byte> ParseSuites(string text)
    {
        var list = new List<byte>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!byte.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id is not (0 or 1 or 2 or 3 or 15 or 16 or 17))
            {
                throw new CliUsageException($"--cipher-suite '{part}' is not a supported cipher suite (0, 1, 2, 3, 15, 16, 17)");
            }

            list.Add(id);
        }

        return list;
    }
}

using System.Globalization;

namespace BmcExporter.Cli;

/// <summary>Output format of the client subcommands.</summary>
internal enum OutputFormat
{
    Table,
    Json,
}

/// <summary>
/// Parsed flags of <c>bmc-exporter sensors|sel|info|chassis|fru</c>. The password is read from a file or an
/// environment variable, never from argv (argv is visible to every local user through /proc).
/// </summary>
internal sealed record ClientCommandOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 623;

    public required string User { get; init; }

    /// <summary>The password bytes; never printed.</summary>
    public required byte[] Password { get; init; }

    public string Privilege { get; init; } = "user";

    public IReadOnlyList<byte> CipherSuites { get; init; } = [17, 3];

    public OutputFormat Output { get; init; } = OutputFormat.Table;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    public int Retries { get; init; } = 3;

    public bool BridgeSensors { get; init; }

    /// <summary><c>--allow-cipher-suite-0</c>: suite 0 (no authentication, integrity or encryption) may be offered.</summary>
    public bool AllowCipherSuite0 { get; init; }

    /// <summary><c>--watch [SECONDS]</c> (sensors only): read again at this interval until cancelled.</summary>
    public TimeSpan? Watch { get; init; }

    /// <summary>Progress lines go to stderr only when it is a terminal (never into a pipe or a file).</summary>
    public bool ProgressOnTerminal { get; init; }

    /// <summary>The clock of <see cref="Watch"/>.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public override string ToString() => $"{User}@{Host}:{Port}";

    /// <summary>Parses flags; throws <see cref="CliUsageException"/> with a specific message on any bad input.</summary>
    public static ClientCommandOptions Parse(string[] args, Func<string, string?> getEnv)
    {
        string? target = null, user = null, passwordFile = null, passwordEnv = null;
        string privilege = "user";
        IReadOnlyList<byte> suites = [17, 3];
        var output = OutputFormat.Table;
        var timeout = TimeSpan.FromSeconds(2);
        var retries = 3;
        var bridge = false;
        var allowSuite0 = false;
        TimeSpan? watch = null;

        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CliUsageException($"{arg} needs a value");
                }

                return args[++i];
            }

            switch (arg)
            {
                case "--target" or "-H":
                    target = Value();
                    break;
                case "--user" or "-U":
                    user = Value();
                    break;
                case "--password-file":
                    passwordFile = Value();
                    break;
                case "--password-env":
                    passwordEnv = Value();
                    break;
                case "--password" or "-P":
                    throw new CliUsageException(
                        $"{arg} is not accepted: a password on the command line is visible to every local user; use --password-file FILE or --password-env VAR");
                case "--privilege" or "-L":
                    privilege = Value().ToLowerInvariant();
                    if (privilege is not ("user" or "operator" or "admin"))
                    {
                        throw new CliUsageException($"--privilege '{privilege}' is not one of user, operator, admin");
                    }

                    break;
                case "--cipher-suite" or "-C":
                    suites = ParseSuites(Value());
                    break;
                case "--output" or "-o":
                    var o = Value();
                    output = o switch
                    {
                        "table" => OutputFormat.Table,
                        "json" => OutputFormat.Json,
                        _ => throw new CliUsageException($"--output '{o}' is not one of table, json"),
                    };
                    break;
                case "--timeout":
                    timeout = ParseSeconds(Value(), "--timeout");
                    break;
                case "--retries":
                    var r = Value();
                    if (!int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out retries) || retries > 10)
                    {
                        throw new CliUsageException($"--retries '{r}' must be a whole number from 0 to 10");
                    }

                    break;
                case "--bridge-sensors":
                    bridge = true;
                    break;
                case "--allow-cipher-suite-0":
                    allowSuite0 = true;
                    break;
                case "--watch":
                    // The interval is optional: a number right after --watch, else 5 seconds.
                    if (inlineValue is not null || (i + 1 < args.Length && !args[i + 1].StartsWith('-')))
                    {
                        watch = ParseSeconds(Value(), "--watch");
                    }
                    else
                    {
                        watch = TimeSpan.FromSeconds(5);
                    }

                    break;
                default:
                    throw new CliUsageException($"unknown option '{args[i]}'");
            }
        }

        if (target is null)
        {
            throw new CliUsageException("--target HOST[:PORT] is required");
        }

        if (user is null)
        {
            throw new CliUsageException("--user NAME is required");
        }

        if (System.Text.Encoding.UTF8.GetByteCount(user) > 16)
        {
            throw new CliUsageException("--user is longer than 16 bytes, the IPMI 2.0 limit");
        }

        if (suites.Contains((byte)0) && !allowSuite0)
        {
            throw new CliUsageException("--cipher-suite 0 has no authentication, integrity or encryption (anyone on the path can read and forge the session); add --allow-cipher-suite-0 to use it anyway");
        }

        var (host, port) = ParseTarget(target);
        var password = ReadPassword(passwordFile, passwordEnv, getEnv);
        return new ClientCommandOptions
        {
            Host = host,
            Port = port,
            User = user,
            Password = password,
            Privilege = privilege,
            CipherSuites = suites,
            Output = output,
            Timeout = timeout,
            Retries = retries,
            BridgeSensors = bridge,
            AllowCipherSuite0 = allowSuite0,
            Watch = watch,
        };
    }

    internal static (string Host, int Port) ParseTarget(string target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new CliUsageException("--target is empty");
        }

        string host = target;
        var port = 623;
        if (target.StartsWith('['))
        {
            // [v6addr]:port
            var close = target.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new CliUsageException($"--target '{target}': missing ']' after an IPv6 address");
            }

            host = target[1..close];
            var rest = target[(close + 1)..];
            if (rest.Length > 0)
            {
                if (!rest.StartsWith(':'))
                {
                    throw new CliUsageException($"--target '{target}': expected ':PORT' after ']'");
                }

                port = ParsePort(rest[1..], target);
            }
        }
        else if (target.Count(c => c == ':') == 1)
        {
            var colon = target.IndexOf(':', StringComparison.Ordinal);
            host = target[..colon];
            port = ParsePort(target[(colon + 1)..], target);
        }

        if (host.Length == 0)
        {
            throw new CliUsageException($"--target '{target}' has no host");
        }

        return (host, port);
    }

    private static int ParsePort(string text, string target)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new CliUsageException($"--target '{target}': port '{text}' is not a number from 1 to 65535");
        }

        return port;
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

    private static TimeSpan ParseSeconds(string text, string flag)
    {
        var t = text.EndsWith('s') ? text[..^1] : text;
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || s <= 0 || s > 300)
        {
            throw new CliUsageException($"{flag} '{text}' must be a number of seconds between 0 and 300");
        }

        return TimeSpan.FromSeconds(s);
    }

    private static byte[] ReadPassword(string? file, string? env, Func<string, string?> getEnv)
    {
        if (file is not null && env is not null)
        {
            throw new CliUsageException("give either --password-file or --password-env, not both");
        }

        string text;
        if (file is not null)
        {
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"--password-file '{file}' cannot be read: {e.GetType().Name}");
            }

            // A trailing newline from `echo pw > file` is not part of the password.
            text = text.TrimEnd('\r', '\n');
        }
        else if (env is not null)
        {
            text = getEnv(env) ?? throw new CliUsageException($"--password-env: environment variable '{env}' is not set");
        }
        else
        {
            throw new CliUsageException("a password source is required: --password-file FILE or --password-env VAR");
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        if (bytes.Length > 20)
        {
            throw new CliUsageException("the password is longer than 20 bytes, the IPMI 2.0 limit");
        }

        return bytes;
    }
}

/// <summary>A command-line mistake; its message is printed as one line on stderr.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException()
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

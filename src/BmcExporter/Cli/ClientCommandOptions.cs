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
        var flags = ClientFlags.Parse(args);
        if (flags.Target is null)
        {
            throw new CliUsageException("--target HOST[:PORT] is required");
        }

        if (flags.User is null)
        {
            throw new CliUsageException("--user NAME is required");
        }

        var (host, port) = ParseTarget(flags.Target);
        var password = ReadPassword(flags.PasswordFile, flags.PasswordEnv, getEnv);
        return new ClientCommandOptions
        {
            Host = host,
            Port = port,
            User = flags.User,
            Password = password,
            Privilege = flags.Privilege ?? "user",
            CipherSuites = flags.CipherSuites ?? [17, 3],
            Output = flags.Output,
            Timeout = flags.Timeout ?? TimeSpan.FromSeconds(2),
            Retries = flags.Retries ?? 3,
            BridgeSensors = flags.BridgeSensors,
            AllowCipherSuite0 = flags.AllowCipherSuite0,
            Watch = flags.Watch,
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

    /// <summary>The password from exactly one of a file or an environment variable (never argv).</summary>
    internal static byte[] ReadPassword(string? file, string? env, Func<string, string?> getEnv)
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

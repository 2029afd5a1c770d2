using System.Globalization;
using BmcExporter.Redfish;

namespace BmcExporter.Cli;

/// <summary>
/// Flags of <c>bmc-exporter sensors|sel|info|chassis|fru --protocol redfish</c>. As for IPMI, the password comes from
/// a file or an environment variable, never from argv. TLS is verified (system roots, or <c>--ca-file</c>) unless
/// <c>--insecure</c> is given, which prints a warning.
/// </summary>
internal sealed class RedfishCommandOptions
{
    public required RedfishClientOptions Client { get; init; }

    public OutputFormat Output { get; init; } = OutputFormat.Table;

    /// <summary>
    /// Takes <c>--protocol ipmi|redfish</c> out of <paramref name="args"/>: <c>true</c> for redfish. Throws
    /// <see cref="CliUsageException"/> for another value.
    /// </summary>
    public static bool TakeProtocol(ref string[] args)
    {
        var rest = new List<string>(args.Length);
        var redfish = false;
        for (var i = 0; i < args.Length; i++)
        {
            string? value = null;
            if (args[i] == "--protocol")
            {
                value = i + 1 < args.Length ? args[++i] : throw new CliUsageException("--protocol needs a value");
            }
            else if (args[i].StartsWith("--protocol=", StringComparison.Ordinal))
            {
                value = args[i]["--protocol=".Length..];
            }
            else
            {
                rest.Add(args[i]);
                continue;
            }

            redfish = value switch
            {
                "redfish" => true,
                "ipmi" => false,
                _ => throw new CliUsageException($"--protocol '{value}' is not one of ipmi, redfish"),
            };
        }

        args = [.. rest];
        return redfish;
    }

    /// <summary>Parses the Redfish flags; throws <see cref="CliUsageException"/> with a specific message on any bad input.</summary>
    public static RedfishCommandOptions Parse(string[] args, Func<string, string?> getEnv)
    {
        string? target = null, user = null, passwordFile = null, passwordEnv = null, caFile = null;
        var insecure = false;
        var auth = RedfishAuthMode.Session;
        var output = OutputFormat.Table;
        var timeout = TimeSpan.FromSeconds(10);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value() => inline ?? (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : throw new CliUsageException($"{arg} needs a value"));
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
                    throw new CliUsageException($"{arg} is not accepted: a password on the command line is visible to every local user; use --password-file FILE or --password-env VAR");
                case "--ca-file":
                    caFile = Value();
                    break;
                case "--insecure":
                    insecure = true;
                    break;
                case "--auth":
                    var a = Value();
                    auth = a switch
                    {
                        "session" => RedfishAuthMode.Session,
                        "basic" => RedfishAuthMode.Basic,
                        _ => throw new CliUsageException($"--auth '{a}' is not one of session, basic"),
                    };
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
                    var t = Value().TrimEnd('s');
                    timeout = double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 300
                        ? TimeSpan.FromSeconds(s) : throw new CliUsageException($"--timeout '{t}' must be a number of seconds between 0 and 300");
                    break;
                default:
                    throw new CliUsageException($"unknown option '{args[i]}' (with --protocol redfish: --target, --user, --password-file, --password-env, --ca-file, --insecure, --auth, --output, --timeout)");
            }
        }

        if (target is null || user is null)
        {
            throw new CliUsageException(target is null ? "--target HOST[:PORT] is required" : "--user NAME is required");
        }

        if (insecure && caFile is not null)
        {
            throw new CliUsageException("give either --ca-file or --insecure, not both");
        }

        var (host, port) = ClientCommandOptions.ParseTarget(target);
        var hasPort = target.Contains("]:", StringComparison.Ordinal) || (!target.StartsWith('[') && target.Count(c => c == ':') == 1);
        return new RedfishCommandOptions
        {
            Output = output,
            Client = new RedfishClientOptions
            {
                BaseUri = new Uri($"https://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{(hasPort ? port : 443)}"),
                UserName = user,
                Password = RedfishSecret.FromString(ReadPassword(passwordFile, passwordEnv, getEnv)),
                AuthMode = auth,
                CaFile = caFile,
                Insecure = insecure,
                RequestTimeout = timeout,
            },
        };
    }

    private static string ReadPassword(string? file, string? env, Func<string, string?> getEnv)
    {
        if ((file is null) == (env is null))
        {
            throw new CliUsageException(file is null ? "a password source is required: --password-file FILE or --password-env VAR" : "give either --password-file or --password-env, not both");
        }

        if (env is not null)
        {
            return getEnv(env) ?? throw new CliUsageException($"--password-env: environment variable '{env}' is not set");
        }

        try
        {
            // A trailing newline from `echo pw > file` is not part of the password.
            return File.ReadAllText(file!).TrimEnd('\r', '\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--password-file '{file}' cannot be read: {e.GetType().Name}");
        }
    }
}

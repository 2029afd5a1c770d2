using System.Globalization;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Config;

/// <summary>
/// Parses the serve path's flags. Like ipmi_exporter (kingpin), a flag's value may follow as
/// <c>--flag=value</c> or as the next argument; single-dash spellings (<c>-config.file</c>) are accepted too.
/// </summary>
public static class ServeOptionsParser
{
    private static readonly string[] ValueFlags =
        ["config.file", "web.listen-address", "web.config.file", "state.dir", "shard", "shards", "log.level", "log.format", "freeipmi.path"];

    private static readonly string[] SwitchFlags = ["demo", "native-ipmi"];

    /// <summary>Parses <paramref name="args"/>; the result holds the options or one error line.</summary>
    public static ServeOptionsParseResult Parse(IReadOnlyList<string> args)
    {
        var options = new ServeOptions();
        var warnings = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg == "-" || arg == "--")
            {
                return Fail($"unexpected argument '{arg}' (flags start with --; see bmc-exporter --help)");
            }

            var body = arg.TrimStart('-');
            string? value = null;
            var eq = body.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = body[(eq + 1)..];
                body = body[..eq];
            }

            if (SwitchFlags.Contains(body))
            {
                if (value is not null && !bool.TryParse(value, out _))
                {
                    return Fail($"--{body} takes no value (got '{value}')");
                }

                if (body == "demo")
                {
                    options = options with { Demo = value is null || bool.Parse(value) };
                }
                else
                {
                    warnings.Add("--native-ipmi has no effect: bmc-exporter always speaks IPMI itself");
                }

                continue;
            }

            if (!ValueFlags.Contains(body))
            {
                var hint = ValueFlags.Concat(SwitchFlags).FirstOrDefault(f => f.Replace(".", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal)
                    == body.Replace(".", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal));
                return Fail(hint is null ? $"unknown flag '{arg}' (see bmc-exporter --help)" : $"unknown flag '{arg}'; did you mean --{hint}?");
            }

            if (value is null)
            {
                if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
                {
                    return Fail($"--{body} needs a value");
                }

                value = args[++i];
            }

            if (!seen.Add(body))
            {
                return Fail($"--{body} is given more than once");
            }

            var (updated, error) = ApplyValue(options, body, value, warnings);
            if (error is not null)
            {
                return Fail(error);
            }

            options = updated;
        }

        return new ServeOptionsParseResult(options, null, warnings);
    }

    private static (ServeOptions Options, string? Error) ApplyValue(ServeOptions o, string flag, string value, List<string> warnings)
    {
        switch (flag)
        {
            case "config.file":
                return value.Length == 0 ? (o, "--config.file needs a file name") : (o with { ConfigFile = value }, null);
            case "web.listen-address":
                return ListenAddresses.IsValid(value, out var why) ? (o with { ListenAddress = value }, null) : (o, $"--web.listen-address: {why}");
            case "web.config.file":
                return value.Length == 0 ? (o, "--web.config.file needs a file name") : (o with { WebConfigFile = value }, null);
            case "state.dir":
                return value.Length == 0 ? (o, "--state.dir needs a directory") : (o with { StateDir = value }, null);
            case "shard":
                if (value == "auto")
                {
                    return (o with { ShardFromPodOrdinal = true }, null);
                }

                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var shard) && shard <= 65_535
                    ? (o with { Shard = shard }, null)
                    : (o, $"--shard: '{value}' is not a number 0..65535 or 'auto'");
            case "shards":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var shards) && shards is >= 1 and <= 65_536
                    ? (o with { Shards = shards }, null)
                    : (o, $"--shards: '{value}' is not a number 1..65536");
            case "log.level":
                LogLevel? level = value switch
                {
                    "debug" => LogLevel.Debug,
                    "info" => LogLevel.Information,
                    "warn" => LogLevel.Warning,
                    "error" => LogLevel.Error,
                    _ => null,
                };
                return level is null ? (o, $"--log.level: '{value}' is not one of debug, info, warn, error") : (o with { LogLevel = level.Value }, null);
            case "log.format":
                return value is "logfmt" or "json" ? (o with { LogFormat = value }, null) : (o, $"--log.format: '{value}' is not one of logfmt, json");
            default:
                // freeipmi.path: accepted so ipmi_exporter command lines keep working.
                warnings.Add("--freeipmi.path has no effect: bmc-exporter does not run FreeIPMI");
                return (o, null);
        }
    }

    private static ServeOptionsParseResult Fail(string error) => new(null, error, []);
}

/// <summary>The parsed flags, or one error line.</summary>
/// <param name="Options">The options; <c>null</c> on error.</param>
/// <param name="Error">What is wrong; <c>null</c> on success.</param>
/// <param name="Warnings">Accepted flags that have no effect here.</param>
public sealed record ServeOptionsParseResult(ServeOptions? Options, string? Error, IReadOnlyList<string> Warnings);

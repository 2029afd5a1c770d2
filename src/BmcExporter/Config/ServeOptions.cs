using Microsoft.Extensions.Logging;

namespace BmcExporter.Config;

/// <summary>
/// Command-line flags of the exporter service (the serve path), named as in ipmi_exporter where it has
/// them. Parse with <see cref="ServeOptionsParser"/>; combine with the file through <see cref="Apply"/>.
/// </summary>
public sealed record ServeOptions
{
    /// <summary><c>--config.file</c>: the YAML config. Default none (built-in defaults, no targets).</summary>
    public string? ConfigFile { get; init; }

    /// <summary><c>--web.listen-address</c>: overrides <c>listen_address</c>.</summary>
    public string? ListenAddress { get; init; }

    /// <summary><c>--web.config.file</c>: TLS, client certificates and basic auth (exporter-toolkit format). Default none.</summary>
    public string? WebConfigFile { get; init; }

    /// <summary><c>--state.dir</c>: overrides <c>state_dir</c>.</summary>
    public string? StateDir { get; init; }

    /// <summary><c>--shard N</c>: overrides <c>sharding.shard</c>.</summary>
    public int? Shard { get; init; }

    /// <summary><c>--shard auto</c>: take the shard from the StatefulSet pod ordinal (HOSTNAME suffix -N).</summary>
    public bool ShardFromPodOrdinal { get; init; }

    /// <summary><c>--shards M</c>: overrides <c>sharding.shards</c>.</summary>
    public int? Shards { get; init; }

    /// <summary><c>--demo</c>: scrape a simulated fleet started in-process.</summary>
    public bool Demo { get; init; }

    /// <summary><c>--log.level</c>: debug, info (default), warn or error.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary><c>--log.format</c>: logfmt (default) or json, as in ipmi_exporter.</summary>
    public string LogFormat { get; init; } = "logfmt";

    /// <summary>
    /// Applies the flags over <paramref name="config"/> and resolves the shard (flags, then file, then the
    /// pod ordinal from <c>HOSTNAME</c>). Returns the effective config, or an error message.
    /// </summary>
    /// <param name="config">The loaded (or default) config.</param>
    /// <param name="getEnvironmentVariable">Environment lookup; default the process environment.</param>
    public ServeOptionsApplyResult Apply(ExporterConfig config, Func<string, string?>? getEnvironmentVariable = null)
    {
        getEnvironmentVariable ??= Environment.GetEnvironmentVariable;
        var result = config;
        if (ListenAddress is not null)
        {
            result = result with { ListenAddress = ListenAddress };
        }

        if (StateDir is not null)
        {
            result = result with { StateDir = StateDir };
        }

        var shards = Shards ?? config.Sharding.Shards;
        var fromOrdinal = ShardFromPodOrdinal
            || (Shard is null && (config.Sharding.ShardFromPodOrdinal || (Shards is > 1 && !config.Sharding.IsSharded)));
        int shard;
        if (fromOrdinal)
        {
            var hostname = getEnvironmentVariable("HOSTNAME");
            if (!PodOrdinal.TryParse(hostname, out shard))
            {
                return new(null, $"sharding over {shards} replicas needs --shard N, sharding.shard, or a HOSTNAME ending in -N (a StatefulSet pod name); HOSTNAME is '{hostname}'");
            }
        }
        else
        {
            shard = Shard ?? config.Sharding.Shard;
        }

        if (shard >= shards)
        {
            return new(null, $"shard {shard} must be less than the number of shards ({shards})");
        }

        return new(result with { Sharding = new ShardingConfig { Shard = shard, Shards = shards } }, null);
    }
}

/// <summary>The effective config after flags were applied, or why they could not be.</summary>
/// <param name="Config">The effective config; <c>null</c> on error.</param>
/// <param name="Error">One line saying what is wrong; <c>null</c> on success.</param>
public sealed record ServeOptionsApplyResult(ExporterConfig? Config, string? Error);

/// <summary>Reads the StatefulSet pod ordinal: the number after the last '-' of a host name (<c>bmc-exporter-3</c> → 3).</summary>
public static class PodOrdinal
{
    /// <summary><c>true</c> when <paramref name="hostname"/> ends in <c>-N</c>.</summary>
    public static bool TryParse(string? hostname, out int ordinal)
    {
        ordinal = 0;
        if (string.IsNullOrEmpty(hostname))
        {
            return false;
        }

        var dash = hostname.LastIndexOf('-');
        return dash > 0 && dash < hostname.Length - 1
            && int.TryParse(hostname.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ordinal);
    }
}

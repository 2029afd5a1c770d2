using BmcExporter.Config.Equality;

namespace BmcExporter.Config;

/// <summary>
/// The validated, immutable content of <c>exporter.yaml</c> (or of an ipmi_exporter config file).
/// Built only by <see cref="ConfigLoader"/>; a reload produces a new instance, never mutates one. Compares by
/// value, collections included, so two loads of the same file are equal.
/// </summary>
public sealed record ExporterConfig
{
    /// <summary>The listen address used when neither the file nor <c>--web.listen-address</c> sets one.</summary>
    public const string DefaultListenAddress = "127.0.0.1:9290";

    /// <summary>The state directory used when neither the file nor <c>--state.dir</c> sets one.</summary>
    public const string DefaultStateDir = "/var/lib/bmc-exporter";

    /// <summary>The module name a target uses when it names none.</summary>
    public const string DefaultModuleName = "default";

    /// <summary>A configuration with every default and no targets (what runs without <c>--config.file</c>).</summary>
    public static ExporterConfig Default { get; } = new();

    /// <summary>The file this configuration was read from; <c>null</c> for the built-in default.</summary>
    public string? SourcePath { get; init; }

    /// <summary>HTTP listen address, <c>host:port</c>. Default <c>127.0.0.1:9290</c>; <c>--web.listen-address</c> overrides.</summary>
    public string ListenAddress { get; init; } = DefaultListenAddress;

    /// <summary>Directory for SEL cursors and SDR caches. Default <c>/var/lib/bmc-exporter</c>; <c>--state.dir</c> overrides.</summary>
    public string StateDir { get; init; } = DefaultStateDir;

    /// <summary>Scrape scheduling (<c>scrape:</c>).</summary>
    public ScrapeConfig Scrape { get; init; } = new();

    /// <summary>Which share of the targets this replica owns (<c>sharding:</c>). Default shard 0 of 1 (everything).</summary>
    public ShardingConfig Sharding { get; init; } = new();

    /// <summary>
    /// Modules by name (<c>modules:</c>). Always holds a module named <c>default</c>: when the file defines
    /// none, <see cref="ModuleConfig.Unauthenticated"/> defaults are used for it (no user, empty password).
    /// </summary>
    public IReadOnlyDictionary<string, ModuleConfig> Modules { get; init => field = EquatableDictionary<string, ModuleConfig>.Of(value, StringComparer.Ordinal); } =
        EquatableDictionary<string, ModuleConfig>.Of([new(DefaultModuleName, ModuleConfig.Unauthenticated)], StringComparer.Ordinal);

    /// <summary>Statically listed targets (<c>targets:</c>). Default none.</summary>
    public IReadOnlyList<TargetConfig> Targets { get; init => field = EquatableList<TargetConfig>.Of(value); } = EquatableList<TargetConfig>.Empty;

    /// <summary>Target file paths or glob patterns (<c>target_files:</c>), re-read on change. Default none.</summary>
    public IReadOnlyList<string> TargetFiles { get; init => field = EquatableList<string>.Of(value); } = EquatableList<string>.Empty;

    /// <summary>OpenTelemetry output (<c>otlp:</c>). Off by default.</summary>
    public OtlpConfig Otlp { get; init; } = new();

    /// <summary><c>true</c> when the file uses only prometheus ipmi_exporter's keys (its modules then get ipmi_exporter's defaults).</summary>
    public bool IsIpmiExporterFormat { get; init; }

    /// <summary>Looks a module up by name; <c>null</c> when it does not exist.</summary>
    public ModuleConfig? FindModule(string name) => Modules.GetValueOrDefault(name);
}

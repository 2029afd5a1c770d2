using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary>The top level of <c>exporter.yaml</c> (or of an ipmi_exporter file) as written.</summary>
internal sealed class FileSettings : SettingsNode
{
    public Located<string>? ListenAddress { get; set; }
    public Located<string>? StateDir { get; set; }
    public ScrapeSettings? Scrape { get; set; }
    public ShardingSettings? Sharding { get; set; }
    public LocatedMap<ModuleSettings>? Modules { get; set; }
    public List<TargetSettings?>? Targets { get; set; }
    public List<Located<string>?>? TargetFiles { get; set; }
    public OtlpSettings? Otlp { get; set; }

    /// <summary>
    /// An ipmi_exporter file: its only top-level key is <c>modules</c> and no module uses a key only bmc-exporter
    /// knows. Decided from known keys only (a misspelt key is an error either way, and merge keys are resolved
    /// before this sees the keys), so one typo cannot turn milliseconds into seconds.
    /// </summary>
    public bool IsIpmiExporterFormat =>
        KeyMarks.Keys.All(k => k == "modules") && (Modules?.All(m => m.Value?.HasNativeOnlyKeys != true) ?? true);

    public ExporterConfig Build(BuildContext c, string sourcePath)
    {
        var peerFile = IsIpmiExporterFormat;
        var modules = new Dictionary<string, ModuleConfig>(StringComparer.Ordinal);
        foreach (var (name, module) in Modules ?? [])
        {
            var settings = module ?? new ModuleSettings { Path = name.Path, Start = name.Start };
            _ = name.Value.Length == 0 ? c.Reject<ModuleConfig?>(name, "a module name must not be empty (/ipmi?module= with no name means 'default')", null)
                : modules[name.Value] = settings.Build(name.Value, c, peerFile || settings.HasIpmiExporterKeys);
        }

        modules.TryAdd(ExporterConfig.DefaultModuleName, ModuleConfig.Unauthenticated);
        var scrape = Scrape?.Build(c) ?? new ScrapeConfig();
        if (scrape.Timeout > scrape.Interval)
        {
            c.Warn(Scrape!.At("timeout"), $"timeout {Durations.Format(scrape.Timeout)} is longer than interval {Durations.Format(scrape.Interval)}; a slow target will be scraped back to back");
        }

        return new ExporterConfig
        {
            SourcePath = sourcePath,
            ListenAddress = ListenAddress is null ? ExporterConfig.DefaultListenAddress
                : ListenAddresses.IsValid(ListenAddress.Value, out var why) ? ListenAddress.Value : c.Reject(ListenAddress, why, ExporterConfig.DefaultListenAddress),
            StateDir = c.ResolvePath(c.Text(StateDir, ExporterConfig.DefaultStateDir)),
            Scrape = scrape,
            Sharding = Sharding?.Build(c) ?? new ShardingConfig(),
            Modules = modules,
            Targets = TargetSettings.BuildList(c, Targets, At("targets"), modules, origin: null),
            TargetFiles = [.. c.Items(TargetFiles, At("target_files")).Select(f => c.ResolvePath(c.Text(f, ".")))],
            Otlp = Otlp?.Build(c) ?? new OtlpConfig(),
            IsIpmiExporterFormat = peerFile,
        };
    }
}

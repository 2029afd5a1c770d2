using BmcExporter.Config;

namespace BmcExporter.Snapshots;

/// <summary>
/// Everything needed to scrape one BMC: its address, its module (credentials, collectors, filters) and the
/// labels to put on its series. Built from <see cref="TargetConfig"/> and <see cref="ExporterConfig"/>.
/// </summary>
public sealed record ScrapeTarget
{
    /// <summary>The BMC's address <c>host:port</c> (IPv6 bracketed): the <c>target</c> label.</summary>
    public required string Address { get; init; }

    /// <summary>
    /// The scrape key <c>host:port#module</c>: scrapes, sessions, snapshots, stats and state are kept per address
    /// AND module, so a request never receives data read with another module's credentials or settings.
    /// </summary>
    public string Key => KeyOf(Address, Module.Name);

    /// <summary>Host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>UDP port.</summary>
    public int Port { get; init; } = TargetConfig.DefaultPort;

    /// <summary>The module.</summary>
    public required ModuleConfig Module { get; init; }

    /// <summary>Module labels overlaid by target labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Optional metric families the module adds to the default set.</summary>
    public OptionalMetrics OptionalMetrics { get; init; }

    /// <summary>Background scrape interval.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Whole-scrape deadline in background mode.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Builds a scrape target from a configured target; <c>null</c> when its module does not exist.</summary>
    public static ScrapeTarget? From(TargetConfig target, ExporterConfig config)
    {
        var module = config.FindModule(target.Module);
        return module is null ? null : From(target.Host, target.Port, module, config, target.Labels);
    }

    /// <summary>Builds a scrape target for <paramref name="host"/>:<paramref name="port"/> with <paramref name="module"/>.</summary>
    public static ScrapeTarget From(string host, int port, ModuleConfig module, ExporterConfig config, IReadOnlyDictionary<string, string>? labels = null)
    {
        var merged = new Dictionary<string, string>(module.Labels, StringComparer.Ordinal);
        if (labels is not null)
        {
            foreach (var (k, v) in labels)
            {
                merged[k] = v;
            }
        }

        return new ScrapeTarget
        {
            Address = HostPort.Format(host, port),
            Host = host,
            Port = port,
            Module = module,
            Labels = merged,
            OptionalMetrics = module.Metrics,
            Interval = module.EffectiveInterval(config.Scrape),
            Timeout = config.Scrape.Timeout,
        };
    }

    /// <summary>The collector names as <c>ipmi_up{collector}</c> spells them (ipmi_exporter's names).</summary>
    public IReadOnlyList<string> CollectorNames => Module.Collectors.Select(CollectorLabels.Of).ToList();

    /// <summary>The scrape key of <paramref name="address"/> with <paramref name="module"/>.</summary>
    public static string KeyOf(string address, string module) => $"{address}#{module}";

    /// <summary>Redacted: the address and module only.</summary>
    public override string ToString() => $"{Address} (module {Module.Name})";
}

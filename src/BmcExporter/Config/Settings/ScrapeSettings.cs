using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary><c>scrape:</c> as written.</summary>
internal sealed class ScrapeSettings : SettingsNode
{
    private static readonly Dictionary<string, ScrapeMode> Modes = new(StringComparer.Ordinal) { ["background"] = ScrapeMode.Background, ["on_demand"] = ScrapeMode.OnDemand };

    public Located<string>? Mode { get; set; }
    public Located<string>? Interval { get; set; }
    public Located<int>? MaxConcurrency { get; set; }
    public Located<string>? Timeout { get; set; }
    public Located<int>? OnDemandMaxTargets { get; set; }
    public Located<int>? OnDemandMaxConcurrency { get; set; }

    public ScrapeConfig Build(BuildContext c) => new()
    {
        Mode = c.Choice(Mode, ScrapeMode.Background, Modes),
        Interval = c.Duration(Interval, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)),
        MaxConcurrency = c.Int(MaxConcurrency, 64, 1, 100_000),
        Timeout = c.Duration(Timeout, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1)),
        OnDemandMaxTargets = c.Int(OnDemandMaxTargets, 1000, 1, 1_000_000),
        OnDemandMaxConcurrency = c.Int(OnDemandMaxConcurrency, 16, 1, 10_000),
    };
}

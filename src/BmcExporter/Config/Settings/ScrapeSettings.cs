using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary><c>scrape:</c> as written.</summary>
internal sealed class ScrapeSettings : SettingsNode
{
    private static readonly Dictionary<string, ScrapeMode> Modes = new(StringComparer.Ordinal)
    {
        ["background"] = ScrapeMode.Background,
        ["on_demand"] = ScrapeMode.OnDemand,
    };

    public Located<string>? Mode { get; set; }

    public Located<string>? Interval { get; set; }

    public Located<int>? MaxConcurrency { get; set; }

    public Located<string>? Timeout { get; set; }

    public Located<int>? OnDemandMaxTargets { get; set; }

    public Located<int>? OnDemandMaxConcurrency { get; set; }

    public ScrapeConfig Build(BuildContext c)
    {
        var d = new ScrapeConfig();
        return new ScrapeConfig
        {
            Mode = c.Choice(Mode, d.Mode, Modes),
            Interval = c.Duration(Interval, d.Interval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)),
            MaxConcurrency = c.Int(MaxConcurrency, d.MaxConcurrency, 1, 100_000),
            Timeout = c.Duration(Timeout, d.Timeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1)),
            OnDemandMaxTargets = c.Int(OnDemandMaxTargets, d.OnDemandMaxTargets, 1, 1_000_000),
            OnDemandMaxConcurrency = c.Int(OnDemandMaxConcurrency, d.OnDemandMaxConcurrency, 1, 10_000),
        };
    }
}

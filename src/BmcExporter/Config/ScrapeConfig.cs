namespace BmcExporter.Config;

/// <summary>How targets are scraped (<c>scrape:</c>).</summary>
public sealed record ScrapeConfig
{
    /// <summary><c>mode</c>: background (default) or on_demand. <c>/ipmi?target=</c> works in both.</summary>
    public ScrapeMode Mode { get; init; } = ScrapeMode.Background;

    /// <summary><c>interval</c>: per-target scrape interval in background mode. Default 60 s; a module may override.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>max_concurrency</c>: targets scraped at once. Default 64, at least 1.</summary>
    public int MaxConcurrency { get; init; } = 64;

    /// <summary><c>timeout</c>: whole-scrape deadline per target in background mode. Default 30 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>on_demand_max_targets</c>: most targets the on-demand table (targets reached only through <c>/ipmi</c>) holds. Default 1000.</summary>
    public int OnDemandMaxTargets { get; init; } = 1000;

    /// <summary><c>on_demand_max_concurrency</c>: <c>/ipmi</c> scrapes run at once, in a pool apart from background scrapes. Default 16.</summary>
    public int OnDemandMaxConcurrency { get; init; } = 16;
}

/// <summary>Scrape scheduling mode.</summary>
public enum ScrapeMode
{
    /// <summary>Every target is scraped each interval; <c>/metrics</c> serves the fleet.</summary>
    Background,

    /// <summary>Targets are scraped only when <c>/ipmi?target=</c> asks (ipmi_exporter's multi-target pattern).</summary>
    OnDemand,
}

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
}

/// <summary>Scrape scheduling mode.</summary>
public enum ScrapeMode
{
    /// <summary>Every target is scraped each interval; <c>/metrics</c> serves the fleet.</summary>
    Background,

    /// <summary>Targets are scraped only when <c>/ipmi?target=</c> asks (ipmi_exporter's multi-target pattern).</summary>
    OnDemand,
}

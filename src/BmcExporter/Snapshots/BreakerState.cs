namespace BmcExporter.Snapshots;

/// <summary>A target's circuit breaker state when its snapshot was stored (<c>bmc_exporter_circuit_state</c>).</summary>
public enum BreakerState
{
    /// <summary>Scrapes run normally (0).</summary>
    Closed,

    /// <summary>Failed repeatedly: not contacted until the break ends (1).</summary>
    Open,

    /// <summary>A trial scrape decides whether to close again (2).</summary>
    HalfOpen,

    /// <summary>Manually isolated (3).</summary>
    Isolated,
}

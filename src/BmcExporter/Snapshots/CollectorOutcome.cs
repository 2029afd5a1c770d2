namespace BmcExporter.Snapshots;

/// <summary>How one collector fared in one scrape (drives <c>ipmi_up{collector}</c>).</summary>
/// <param name="Collector">ipmi_exporter's collector name (<c>ipmi</c>, <c>bmc</c>, <c>chassis</c>, <c>dcmi</c>, <c>sel</c>...).</param>
/// <param name="Success"><c>true</c> when the collector finished without error.</param>
/// <param name="Error">Short reason for a failure (never a secret); <c>null</c> on success.</param>
/// <param name="Duration">Time the collector took.</param>
public sealed record CollectorOutcome(string Collector, bool Success, string? Error, TimeSpan Duration)
{
    /// <summary>
    /// <c>true</c> when the BMC said it does not offer what the collector reads (invalid command, no FRU data...):
    /// <see cref="Success"/> stays <c>false</c> (<c>ipmi_up</c> is 0, as ipmi_exporter reports it), but the collector
    /// does not count as failing (<c>bmc_exporter_collector_supported</c> is 0, the scrape can still be a success).
    /// </summary>
    public bool Unsupported { get; init; }
}

/// <summary>Overall outcome of a target scrape.</summary>
public enum ScrapeOutcome
{
    /// <summary>Every collector succeeded, or the BMC does not support it.</summary>
    Success,

    /// <summary>Some collectors failed or the deadline cut the scrape short; partial data.</summary>
    Partial,

    /// <summary>Nothing could be read (unreachable, authentication failed...).</summary>
    Failed,

    /// <summary>The target's circuit breaker is open: not contacted this time.</summary>
    CircuitOpen,

    /// <summary>The scrape deadline passed before the first collector finished.</summary>
    Timeout,
}

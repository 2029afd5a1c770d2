namespace BmcExporter.Snapshots;

/// <summary>
/// ipmi_exporter's <c>sel-events</c> figures over every entry currently in the SEL: entries by FreeIPMI event state
/// (<c>Nominal</c>, <c>Warning</c>, <c>Critical</c>, <c>N/A</c>), and per configured <c>sel_events</c> name the
/// number of matching entries and the newest matching timestamp (Unix seconds, 0 when none has one).
/// </summary>
public sealed record SelEventCounts
{
    /// <summary>Entries by state; only states that occur.</summary>
    public required IReadOnlyDictionary<string, int> ByState { get; init; }

    /// <summary>Matching entries by configured name; every configured name, 0 when nothing matches.</summary>
    public required IReadOnlyDictionary<string, int> ByName { get; init; }

    /// <summary>Newest timestamp of the matching entries by configured name.</summary>
    public required IReadOnlyDictionary<string, double> LatestByName { get; init; }
}

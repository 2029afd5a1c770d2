namespace BmcExporter.Snapshots;

/// <summary>SEL state from Get SEL Info (IPMI v2.0 §31.2).</summary>
public sealed record SelSummary
{
    /// <summary>Number of entries in the SEL.</summary>
    public int Entries { get; init; }

    /// <summary>Free space in bytes.</summary>
    public int FreeSpaceBytes { get; init; }

    /// <summary>Most recent addition timestamp, when valid.</summary>
    public DateTimeOffset? LastAddition { get; init; }

    /// <summary>Most recent erase timestamp, when valid.</summary>
    public DateTimeOffset? LastErase { get; init; }

    /// <summary>The overflow flag: events were dropped because the SEL was full.</summary>
    public bool Overflow { get; init; }

    /// <summary>A clear (erase) of the SEL was detected since the previous scrape.</summary>
    public bool ClearDetected { get; init; }
}

/// <summary>Severity of a SEL event, derived from its sensor type, offset and reading type.</summary>
public enum SelSeverity
{
    /// <summary>Informational.</summary>
    Info,

    /// <summary>Warning.</summary>
    Warning,

    /// <summary>Critical.</summary>
    Critical,
}

/// <summary>A SEL entry read for the first time in this scrape (IPMI v2.0 §32).</summary>
public sealed record SelEvent
{
    /// <summary>SEL record ID.</summary>
    public required int RecordId { get; init; }

    /// <summary>Record type: 0x02 system event, 0xC0-0xDF OEM timestamped, 0xE0-0xFF OEM non-timestamped.</summary>
    public byte RecordType { get; init; }

    /// <summary>When the event occurred (BMC clock), <c>null</c> when the record has no timestamp or it is pre-init.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Generator ID.</summary>
    public int GeneratorId { get; init; }

    /// <summary>Sensor type code.</summary>
    public byte SensorType { get; init; }

    /// <summary>Sensor type name.</summary>
    public string SensorTypeName { get; init; } = string.Empty;

    /// <summary>Sensor number.</summary>
    public byte SensorNumber { get; init; }

    /// <summary><c>true</c> for an assertion, <c>false</c> for a deassertion.</summary>
    public bool Asserted { get; init; } = true;

    /// <summary>Event offset (0-15).</summary>
    public int Offset { get; init; }

    /// <summary>Human description of the event, e.g. <c>Upper Non-critical going high</c>.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Severity.</summary>
    public SelSeverity Severity { get; init; }

    /// <summary>The 16 raw record bytes, hex.</summary>
    public string RawHex { get; init; } = string.Empty;

    /// <summary>A stable ID for deduplication by backends: <c>target/recordId/timestamp</c>.</summary>
    public required string StableId { get; init; }
}

namespace BmcExporter.Snapshots;

/// <summary>SEL state from Get SEL Info (IPMI v2.0 §31.2).</summary>
public sealed record SelSummary
{
    /// <summary>Number of entries in the SEL.</summary>
    public int Entries { get; init; }

    /// <summary>Free space in bytes.</summary>
    public int FreeSpaceBytes { get; init; }

    /// <summary><c>false</c> when the log does not tell its capacity (a Redfish LogService without MaxNumberOfRecords): no free-space series then.</summary>
    public bool FreeSpaceKnown { get; init; } = true;

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

    /// <summary>The Session Audit or Platform Security Violation meaning of the entry, or <c>null</c>.</summary>
    public BmcExporter.Ipmi.Sel.SecurityEvent? Security { get; init; }

    /// <summary>The 16 raw record bytes, hex.</summary>
    public string RawHex { get; init; } = string.Empty;

    /// <summary>
    /// The ID backends deduplicate by (<c>log.record.uid</c>): <c>target/epoch/recordId/crc</c>, where the epoch
    /// changes with every SEL clear and the CRC-32 covers the 16 raw bytes, so a record ID reused after a clear or a
    /// BMC restart gets a new ID while the same record read again keeps its own.
    /// </summary>
    public required string StableId { get; init; }

    /// <summary>
    /// <c>true</c> when this entry was already reported by an earlier scrape whose SEL cursor was not committed
    /// (an output could not accept it): it is handed to outputs again, but counters must not count it twice.
    /// </summary>
    public bool Repeat { get; init; }
}

/// <summary>
/// The SEL cursor of one scrape, committed only after every output accepted the scrape's new entries
/// (at-least-once delivery): the engine calls <see cref="TryCommit"/> after the snapshot was stored and its
/// subscribers ran; a subscriber that could not take the entries (e.g. the OTLP queue could not write them)
/// calls <see cref="Reject"/> first, and the next scrape reads the same entries again.
/// </summary>
public sealed class SelCommit
{
    private readonly Action _commit;
    private string? _rejection;
    private int _committed;

    /// <summary>Wraps the action that persists the cursor.</summary>
    public SelCommit(Action commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        _commit = commit;
    }

    /// <summary>Why the commit was refused, or <c>null</c>.</summary>
    public string? Rejection => Volatile.Read(ref _rejection);

    /// <summary>Whether the cursor was committed.</summary>
    public bool Committed => Volatile.Read(ref _committed) == 1;

    /// <summary>Refuses the commit (the first reason is kept).</summary>
    public void Reject(string reason) => Interlocked.CompareExchange(ref _rejection, reason, null);

    /// <summary>Commits once unless rejected; returns whether the cursor is committed.</summary>
    public bool TryCommit()
    {
        if (Rejection is not null)
        {
            return false;
        }

        if (Interlocked.Exchange(ref _committed, 1) == 0)
        {
            _commit();
        }

        return true;
    }
}

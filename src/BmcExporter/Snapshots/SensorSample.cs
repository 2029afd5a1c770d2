namespace BmcExporter.Snapshots;

/// <summary>
/// One sensor as read in one scrape: identity from its SDR, the converted reading and its state.
/// Immutable; shared by every output.
/// </summary>
public sealed record SensorSample
{
    /// <summary>SDR record ID (ipmi_exporter's <c>id</c> label).</summary>
    public required int RecordId { get; init; }

    /// <summary>Sensor number on its owner (IPMI v2.0 §43.1, byte 8).</summary>
    public required byte SensorNumber { get; init; }

    /// <summary>Sensor ID string from the SDR (expanded with its share index for shared compact records).</summary>
    public required string Name { get; init; }

    /// <summary>Sensor type code (IPMI v2.0 §42.2, Table 42-3).</summary>
    public required byte SensorType { get; init; }

    /// <summary>Sensor type name as FreeIPMI spells it (e.g. <c>Temperature</c>, <c>Power Supply</c>).</summary>
    public required string SensorTypeName { get; init; }

    /// <summary>Event/reading type code (IPMI v2.0 §42.1, Table 42-1): 0x01 threshold, 0x02-0x0C generic, 0x6F sensor-specific.</summary>
    public byte EventReadingType { get; init; }

    /// <summary><c>true</c> for a threshold-based sensor (event/reading type 0x01) with an analog reading.</summary>
    public bool IsThreshold { get; init; }

    /// <summary>Unit as FreeIPMI abbreviates it (<c>C</c>, <c>RPM</c>, <c>V</c>, <c>A</c>, <c>W</c>, <c>%</c>...); empty when none.</summary>
    public string Unit { get; init; } = string.Empty;

    /// <summary>Converted reading; <c>null</c> for discrete sensors and unavailable readings.</summary>
    public double? Value { get; init; }

    /// <summary>Severity of the sensor's state.</summary>
    public SensorStatus Status { get; init; }

    /// <summary>Why the reading is missing (scanning disabled, reading unavailable, owner not bridged...); <c>null</c> when present.</summary>
    public string? UnavailableReason { get; init; }

    /// <summary>Converted thresholds, each <c>null</c> when not readable.</summary>
    public SensorThresholds Thresholds { get; init; } = SensorThresholds.None;

    /// <summary>Asserted state offsets (0-14) of a discrete sensor.</summary>
    public IReadOnlyList<int> AssertedStates { get; init; } = [];

    /// <summary>Names of the asserted states, same order as <see cref="AssertedStates"/>.</summary>
    public IReadOnlyList<string> StateNames { get; init; } = [];

    /// <summary>Entity ID (IPMI v2.0 §43.14, Table 43-13).</summary>
    public byte EntityId { get; init; }

    /// <summary>Entity instance.</summary>
    public byte EntityInstance { get; init; }

    /// <summary>Entity name (e.g. <c>processor</c>).</summary>
    public string EntityName { get; init; } = string.Empty;
}

/// <summary>Severity of a sensor's state, mapped from threshold status or discrete state.</summary>
public enum SensorStatus
{
    /// <summary>Nominal.</summary>
    Ok,

    /// <summary>Non-critical threshold crossed, or a discrete state of warning severity.</summary>
    Warning,

    /// <summary>Critical threshold crossed, or a discrete state of critical severity.</summary>
    Critical,

    /// <summary>Non-recoverable threshold crossed.</summary>
    NonRecoverable,

    /// <summary>No reading (unavailable, scanning disabled, not readable).</summary>
    Unavailable,
}

/// <summary>The six thresholds of a threshold sensor (IPMI v2.0 §35.9), converted like the reading.</summary>
public sealed record SensorThresholds(
    double? LowerNonRecoverable,
    double? LowerCritical,
    double? LowerNonCritical,
    double? UpperNonCritical,
    double? UpperCritical,
    double? UpperNonRecoverable)
{
    /// <summary>No threshold readable.</summary>
    public static SensorThresholds None { get; } = new(null, null, null, null, null, null);
}

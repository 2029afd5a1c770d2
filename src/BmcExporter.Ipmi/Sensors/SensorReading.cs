using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Sensors;

/// <summary>
/// One sensor's reading, interpreted: what <c>bmc-exporter sensors --output json</c> prints and what the
/// exporter's collectors consume. <see cref="Value"/> is null for discrete sensors and unavailable readings.
/// </summary>
public sealed record SensorReading
{
    public required ushort RecordId { get; init; }

    public required byte SensorNumber { get; init; }

    public required string Name { get; init; }

    /// <summary>Sensor type name ("Temperature", "Power Supply", ...).</summary>
    public required string SensorType { get; init; }

    public byte SensorTypeCode { get; init; }

    public byte EventReadingType { get; init; }

    /// <summary>Unit as ipmitool prints it ("degrees C", "RPM", "Volts"); "discrete" for sensors without a numeric reading.</summary>
    public required string Unit { get; init; }

    public double? Value { get; init; }

    /// <summary>The raw reading byte, null when no reading was obtained.</summary>
    public byte? Raw { get; init; }

    public required SensorStatus Status { get; init; }

    public SensorThresholds Thresholds { get; init; }

    /// <summary>Asserted discrete state offsets (0-14); empty for threshold sensors, whose comparison result is <see cref="Status"/>.</summary>
    public IReadOnlyList<int> AssertedStates { get; init; } = [];

    public IReadOnlyList<string> StateNames { get; init; } = [];

    public byte EntityId { get; init; }

    public byte EntityInstance { get; init; }

    public bool IsThresholdBased { get; init; }

    /// <summary>Flags bit 6 was clear: the sensor's scanning is disabled (told apart from a zero reading).</summary>
    public bool ScanningDisabled { get; init; }

    /// <summary>The reading was unavailable (flag bit 5, an "unavailable" completion code, or not readable).</summary>
    public bool ReadingUnavailable { get; init; }

    /// <summary>False when the sensor could not be addressed at all (owned by another controller, event-only).</summary>
    public bool Readable { get; init; } = true;

    /// <summary>Why the value is missing, when it is.</summary>
    public string? Reason { get; init; }
}

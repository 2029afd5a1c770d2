using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Tables;

namespace BmcExporter.Ipmi.Sensors;

/// <summary>
/// One sensor's reading, interpreted once (IPMI v2.0 §35.14, §36.3): identity from its SDR, the converted value,
/// its unit codes and <see cref="Kind"/>, thresholds and state. It is the only shape a reading takes from the
/// datagram to every output: the CLI prints it, snapshots hold it, the Prometheus and OTLP outputs map it.
/// <see cref="Value"/> is null for discrete sensors and unavailable readings.
/// </summary>
public sealed record SensorReading
{
    /// <summary>SDR record ID (ipmi_exporter's <c>id</c> label).</summary>
    public required ushort RecordId { get; init; }

    /// <summary>
    /// The reading's identity when it does not come from an SDR record (a Redfish sensor or part, see docs/metrics.md);
    /// the outputs' <c>id</c> label and <c>hw.id</c> use it in place of <see cref="RecordId"/>. <c>null</c> for IPMI readings.
    /// </summary>
    public string? SourceId { get; init; }

    /// <summary>Sensor number on its owner (IPMI v2.0 §43.1, byte 8).</summary>
    public required byte SensorNumber { get; init; }

    /// <summary>Sensor ID string from the SDR (expanded with its share index for shared compact records).</summary>
    public required string Name { get; init; }

    /// <summary>Sensor type code (IPMI v2.0 §42.2, Table 42-3).</summary>
    public byte SensorTypeCode { get; init; }

    /// <summary>Sensor type name (<see cref="SensorTypeNames"/>).</summary>
    public string SensorType => SensorTypeNames.Name(SensorTypeCode);

    /// <summary>Event/reading type code (IPMI v2.0 §42.1, Table 42-1): 0x01 threshold, 0x02-0x0C generic, 0x6F sensor-specific.</summary>
    public byte EventReadingType { get; init; }

    /// <summary>Unit codes of a sensor with a numeric reading; <c>null</c> for sensors without one.</summary>
    public SensorUnits? Units { get; init; }

    /// <summary>What the numeric reading measures, from <see cref="Units"/> and the sensor type (<see cref="SensorKinds.Classify"/>).</summary>
    public SensorKind Kind { get; init; }

    /// <summary>Unit as ipmitool prints it ("degrees C", "RPM", "Volts"); "discrete" for sensors without a numeric reading.</summary>
    public string Unit => Units?.ToString() ?? SensorInterpreter.DiscreteUnit;

    /// <summary>Unit as FreeIPMI abbreviates it ("C", "RPM", "V", "%"); empty for sensors without a numeric reading.</summary>
    public string UnitAbbreviation => Units?.Abbreviation ?? string.Empty;

    /// <summary>Converted reading; <c>null</c> for discrete sensors and unavailable readings.</summary>
    public double? Value { get; init; }

    /// <summary>The raw reading byte, null when no reading was obtained.</summary>
    public byte? Raw { get; init; }

    /// <summary>Severity of the sensor's state, our own judgement (<c>ipmi_sensor_status</c>, OTLP).</summary>
    public required SensorStatus Status { get; init; }

    /// <summary>State under FreeIPMI's default interpretation (<c>ipmi_*_state</c>, as ipmi_exporter exports it);
    /// <see cref="SensorState.Unknown"/> when there is no reading or no interpretation.</summary>
    public SensorState State { get; init; } = SensorState.Unknown;

    /// <summary>Converted thresholds of a threshold-based sensor, each <c>null</c> when not readable.</summary>
    public SensorThresholds Thresholds { get; init; }

    /// <summary>Asserted discrete state offsets (0-14); empty for threshold sensors, whose comparison result is <see cref="Status"/>.</summary>
    public IReadOnlyList<int> AssertedStates { get; init; } = [];

    /// <summary>Names of the asserted states, same order as <see cref="AssertedStates"/>.</summary>
    public IReadOnlyList<string> StateNames { get; init; } = [];

    /// <summary>Entity ID (IPMI v2.0 §43.14, Table 43-13).</summary>
    public byte EntityId { get; init; }

    /// <summary>Entity instance.</summary>
    public byte EntityInstance { get; init; }

    /// <summary>Entity name (e.g. <c>Processor</c>).</summary>
    public string EntityName => EntityNames.Name(EntityId);

    /// <summary><c>true</c> for a threshold-based sensor (event/reading type 0x01).</summary>
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

namespace BmcExporter.Ipmi.Tables;

/// <summary>
/// Names of event/reading offsets: threshold (type 0x01), generic discrete (0x02-0x0C, IPMI v2.0 §42.2
/// table 42-2) and sensor-specific (0x6F, table 42-3). Unknown combinations return null.
/// </summary>
public static partial class EventOffsets
{
    /// <summary>Event/reading type code of threshold sensors.</summary>
    public const byte Threshold = 0x01;

    /// <summary>Event/reading type code meaning "offsets defined by the sensor type".</summary>
    public const byte SensorSpecific = 0x6F;

    /// <summary>The name of <paramref name="offset"/> for a sensor with the given type codes, or null.</summary>
    public static string? Describe(byte eventReadingType, byte sensorType, int offset)
    {
        if (offset is < 0 or > 15)
        {
            return null;
        }

        string?[]? table = eventReadingType switch
        {
            Threshold => ThresholdOffsets,
            >= 0x02 and <= 0x0C => GenericOffsets[eventReadingType - 0x02],
            SensorSpecific => SensorSpecificTable(sensorType),
            _ => null,
        };
        return table is not null && offset < table.Length ? table[offset] : null;
    }

    /// <summary>Class of an event/reading type code (IPMI v2.0 §42.1).</summary>
    public static string ClassName(byte eventReadingType) => eventReadingType switch
    {
        0x00 => "unspecified",
        Threshold => "threshold",
        >= 0x02 and <= 0x0C => "generic discrete",
        SensorSpecific => "sensor-specific discrete",
        >= 0x70 and <= 0x7F => "OEM discrete",
        _ => "reserved",
    };

    private static readonly string?[] ThresholdOffsets =
    [
        "Lower Non-critical going low", "Lower Non-critical going high", "Lower Critical going low",
        "Lower Critical going high", "Lower Non-recoverable going low", "Lower Non-recoverable going high",
        "Upper Non-critical going low", "Upper Non-critical going high", "Upper Critical going low",
        "Upper Critical going high", "Upper Non-recoverable going low", "Upper Non-recoverable going high",
    ];

    private static readonly string?[][] GenericOffsets =
    [
        // 0x02 DMI-based usage state
        ["Transition to Idle", "Transition to Active", "Transition to Busy"],

        // 0x03 digital discrete
        ["State Deasserted", "State Asserted"],

        // 0x04
        ["Predictive Failure Deasserted", "Predictive Failure Asserted"],

        // 0x05
        ["Limit Not Exceeded", "Limit Exceeded"],

        // 0x06
        ["Performance Met", "Performance Lags"],

        // 0x07 severity
        [
            "Transition to OK", "Transition to Non-critical from OK", "Transition to Critical from less severe",
            "Transition to Non-recoverable from less severe", "Transition to Non-critical from more severe",
            "Transition to Critical from Non-recoverable", "Transition to Non-recoverable", "Monitor",
            "Informational",
        ],

        // 0x08 availability (presence)
        ["Device Absent", "Device Present"],

        // 0x09
        ["Device Disabled", "Device Enabled"],

        // 0x0A availability state
        [
            "Transition to Running", "Transition to In Test", "Transition to Power Off", "Transition to On Line",
            "Transition to Off Line", "Transition to Off Duty", "Transition to Degraded",
            "Transition to Power Save", "Install Error",
        ],

        // 0x0B redundancy
        [
            "Fully Redundant", "Redundancy Lost", "Redundancy Degraded",
            "Non-redundant: Sufficient from Redundant", "Non-redundant: Sufficient from Insufficient",
            "Non-redundant: Insufficient Resources", "Redundancy Degraded from Fully Redundant",
            "Redundancy Degraded from Non-redundant",
        ],

        // 0x0C ACPI device power state
        ["D0 Power State", "D1 Power State", "D2 Power State", "D3 Power State"],
    ];
}

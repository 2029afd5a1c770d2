using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Snapshots;

namespace BmcExporter.Tests.Fakes;

internal static class SampleSnapshots
{
    /// <summary>A reading as the interpreter makes it; <paramref name="unit"/> is FreeIPMI's abbreviation, empty for discrete.</summary>
    public static SensorReading Sensor(int id, string name, string unit, double? value, SensorStatus status = SensorStatus.Ok, byte typeCode = 1)
    {
        var units = Units(unit);
        return new SensorReading
        {
            RecordId = (ushort)id,
            SensorNumber = (byte)id,
            Name = name,
            SensorTypeCode = typeCode,
            EventReadingType = units is null ? (byte)0x6F : (byte)0x01,
            Units = units,
            Kind = units is { } u ? SensorKinds.Classify(u, typeCode) : SensorKind.Other,
            Value = value,
            Status = status,
            State = status switch
            {
                SensorStatus.Ok => SensorState.Nominal,
                SensorStatus.Warning => SensorState.Warning,
                SensorStatus.Critical or SensorStatus.NonRecoverable => SensorState.Critical,
                _ => SensorState.Unknown,
            },
            IsThresholdBased = units is not null,
            EntityId = 3,
            EntityInstance = 1,
        };
    }

    /// <summary>Unit codes for an abbreviation (IPMI v2.0 Table 43-15).</summary>
    public static SensorUnits? Units(string unit) => unit switch
    {
        "" => null,
        "C" => SensorUnits.Create(1),
        "V" => SensorUnits.Create(4),
        "A" => SensorUnits.Create(5),
        "W" => SensorUnits.Create(6),
        "RPM" => SensorUnits.Create(18),
        "%" => SensorUnits.Create(0, percentage: true),
        _ => throw new ArgumentException($"no unit code for '{unit}' in the test data", nameof(unit)),
    };

    public static IReadOnlyList<SensorReading> ServerSensors() =>
    [
        Sensor(1, "CPU Temp", "C", 45, SensorStatus.Ok) with { Thresholds = new SensorThresholds(0, 5, 10, 80, 90, 100) },
        Sensor(2, "FAN1", "RPM", 6000, SensorStatus.Warning, 4),
        Sensor(3, "12V ", "V", 12.0, SensorStatus.Ok, 2),
        Sensor(4, "PSU1 Current", "A", 1.5, SensorStatus.Critical, 3),
        Sensor(5, "PSU1 Power", "W", 180, SensorStatus.NonRecoverable, 8),
        Sensor(6, "FAN2 Duty", "%", 55, SensorStatus.Ok, 4),
        Sensor(7, "PSU1 Status", string.Empty, null, SensorStatus.Critical, 8) with
        {
            AssertedStates = [0, 1],
            StateNames = ["Presence detected", "Power Supply Failure detected"],
        },
        Sensor(8, "Inlet Temp", "C", null, SensorStatus.Unavailable) with { Reason = "scanning disabled", ReadingUnavailable = true },
    ];

    public static TargetSnapshot Full(string target = "10.0.0.1:623", IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        Target = target,
        Module = "default",
        Labels = labels ?? new Dictionary<string, string>(),
        StartedAt = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        Duration = TimeSpan.FromMilliseconds(120),
        Outcome = ScrapeOutcome.Partial,
        Error = "dcmi: invalid or unsupported command",
        Collectors =
        [
            new CollectorOutcome("ipmi", true, null, TimeSpan.FromMilliseconds(80)),
            new CollectorOutcome("bmc", true, null, TimeSpan.FromMilliseconds(5)),
            new CollectorOutcome("chassis", true, null, TimeSpan.FromMilliseconds(5)),
            new CollectorOutcome("dcmi", false, "invalid or unsupported command", TimeSpan.FromMilliseconds(5)),
            new CollectorOutcome("sel", true, null, TimeSpan.FromMilliseconds(20)),
        ],
        Sensors = ServerSensors(),
        Bmc = new BmcInfo { FirmwareRevision = "9.08", Manufacturer = "MontaVista Software, Inc. (4753)", ManufacturerId = 4753 },
        Chassis = new ChassisSample { PowerOn = true, DriveFault = true, Intrusion = false },
        Sel = new SelSummary { Entries = 1, FreeSpaceBytes = 15984 },
        Fru = [new FruSample { DeviceId = 0, Name = "Builtin FRU Device", BoardManufacturer = "ACME", BoardProduct = "X1", BoardSerial = "S1" }],
    };
}

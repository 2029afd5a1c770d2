using BmcExporter.Snapshots;

namespace BmcExporter.Tests.Fakes;

internal static class SampleSnapshots
{
    public static SensorSample Sensor(int id, string name, string unit, double? value, SensorStatus status = SensorStatus.Ok, string type = "Temperature", byte typeCode = 1) => new()
    {
        RecordId = id,
        SensorNumber = (byte)id,
        Name = name,
        SensorType = typeCode,
        SensorTypeName = type,
        Unit = unit,
        Value = value,
        Status = status,
        IsThreshold = value is not null,
        EntityId = 3,
        EntityInstance = 1,
        EntityName = "processor",
    };

    public static IReadOnlyList<SensorSample> ServerSensors() =>
    [
        Sensor(1, "CPU Temp", "C", 45, SensorStatus.Ok) with { Thresholds = new SensorThresholds(0, 5, 10, 80, 90, 100) },
        Sensor(2, "FAN1", "RPM", 6000, SensorStatus.Warning, "Fan", 4),
        Sensor(3, "12V ", "V", 12.0, SensorStatus.Ok, "Voltage", 2),
        Sensor(4, "PSU1 Current", "A", 1.5, SensorStatus.Critical, "Current", 3),
        Sensor(5, "PSU1 Power", "W", 180, SensorStatus.NonRecoverable, "Power Supply", 8),
        Sensor(6, "FAN2 Duty", "%", 55, SensorStatus.Ok, "Fan", 4),
        Sensor(7, "PSU1 Status", string.Empty, null, SensorStatus.Critical, "Power Supply", 8) with
        {
            AssertedStates = [0, 1],
            StateNames = ["Presence detected", "Power Supply Failure detected"],
            EventReadingType = 0x6F,
        },
        Sensor(8, "Inlet Temp", "C", null, SensorStatus.Unavailable) with { UnavailableReason = "scanning disabled" },
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
        Chassis = new ChassisSample { PowerOn = true, DriveFault = true },
        Sel = new SelSummary { Entries = 1, FreeSpaceBytes = 15984 },
        Fru = [new FruSample { DeviceId = 0, Name = "Builtin FRU Device", BoardManufacturer = "ACME", BoardProduct = "X1", BoardSerial = "S1" }],
    };
}

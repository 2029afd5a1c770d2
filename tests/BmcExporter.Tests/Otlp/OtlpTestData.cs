using BmcExporter.Snapshots;

namespace BmcExporter.Tests.Otlp;

internal static class OtlpTestData
{
    public static readonly DateTimeOffset EventTime = new(2026, 11, 24, 22, 15, 30, TimeSpan.Zero);

    public static TargetSnapshot Snapshot(string target, string rack, params SelEvent[] events) => new()
    {
        Target = target,
        Module = "default",
        Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["rack"] = rack },
        Outcome = ScrapeOutcome.Success,
        Sensors =
        [
            Sensor(5, "CPU Temp", 0x01, "Temperature", "C", 47.5, SensorStatus.Ok) with
            {
                Thresholds = new SensorThresholds(null, null, null, 85, 95, 100),
                EntityName = "processor",
                EntityInstance = 1,
            },
            Sensor(7, "Fan1", 0x04, "Fan", "RPM", 5400, SensorStatus.Warning),
            Sensor(8, "Fan2 Duty", 0x04, "Fan", "%", 40, SensorStatus.Ok),
            Sensor(9, "12V", 0x02, "Voltage", "V", 12.1, SensorStatus.Critical),
            Sensor(11, "PSU1 Power", 0x08, "Power Supply", "W", 230, SensorStatus.Ok),
            Sensor(12, "PSU1 Status", 0x08, "Power Supply", string.Empty, null, SensorStatus.Critical) with { IsThreshold = false, EventReadingType = 0x6F },
            Sensor(13, "Dead Sensor", 0x01, "Temperature", "C", null, SensorStatus.Unavailable) with { UnavailableReason = "reading unavailable" },
        ],
        Power = new DcmiPowerSample { CurrentWatts = 310 },
        Chassis = new ChassisSample { PowerOn = true, CoolingFault = true },
        NewSelEvents = events,
    };

    public static SelEvent SelEvent(string target, int recordId, SelSeverity severity, string description) => new()
    {
        RecordId = recordId,
        RecordType = 0x02,
        Timestamp = EventTime.AddMinutes(recordId),
        GeneratorId = 0x20,
        SensorType = 0x01,
        SensorTypeName = "Temperature",
        SensorNumber = 0x30,
        Offset = 9,
        Description = description,
        Severity = severity,
        RawHex = "0300021e...",
        StableId = $"{target}/{recordId}/{EventTime.AddMinutes(recordId).ToUnixTimeSeconds()}",
    };

    private static SensorSample Sensor(int id, string name, byte type, string typeName, string unit, double? value, SensorStatus status) => new()
    {
        RecordId = id,
        SensorNumber = (byte)(0x30 + id),
        Name = name,
        SensorType = type,
        SensorTypeName = typeName,
        EventReadingType = 0x01,
        IsThreshold = true,
        Unit = unit,
        Value = value,
        Status = status,
    };
}

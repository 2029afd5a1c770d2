using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Fakes;

namespace BmcExporter.Tests.Otlp;

internal static class OtlpTestData
{
    public static readonly DateTimeOffset EventTime = new(2026, 11, 24, 22, 15, 30, TimeSpan.Zero);

    public static TargetSnapshot Snapshot(string target, string rack, params SelEvent[] events) => new()
    {
        StartedAt = EventTime,
        Target = target,
        Module = "default",
        Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["rack"] = rack },
        Outcome = ScrapeOutcome.Success,
        Sensors =
        [
            Sensor(5, "CPU Temp", 0x01, "C", 47.5, SensorStatus.Ok) with
            {
                Thresholds = new SensorThresholds(null, null, null, 85, 95, 100),
                EntityInstance = 1,
            },
            Sensor(7, "Fan1", 0x04, "RPM", 5400, SensorStatus.Warning),
            Sensor(8, "Fan2 Duty", 0x04, "%", 40, SensorStatus.Ok),
            Sensor(9, "12V", 0x02, "V", 12.1, SensorStatus.Critical),
            Sensor(11, "PSU1 Power", 0x08, "W", 230, SensorStatus.Ok),
            Sensor(12, "PSU1 Status", 0x08, string.Empty, null, SensorStatus.Critical),
            Sensor(13, "Dead Sensor", 0x01, "C", null, SensorStatus.Unavailable) with { Reason = "reading unavailable", ReadingUnavailable = true },
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
        StableId = $"{target}/0000abcd/{recordId}/{recordId:x8}",
    };

    private static SensorReading Sensor(int id, string name, byte type, string unit, double? value, SensorStatus status) =>
        SampleSnapshots.Sensor(id, name, unit, value, status, type) with { SensorNumber = (byte)(0x30 + id) };
}

using System.Globalization;
using System.IO.Hashing;
using BmcExporter.Ipmi.Sel;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

public sealed partial class SelCollector
{
    /// <summary>Turns a decoded SEL record into an event whose ID is <c>target/epoch/recordId/crc</c> (<see cref="SelEvent.StableId"/>).</summary>
    public static SelEvent ToEvent(string target, string epoch, SelRecord record)
    {
        var bytes = SelEncoder.Encode(record);
        var raw = Convert.ToHexString(bytes);
        var id = StableId(target, epoch, record.RecordId, bytes);
        switch (record)
        {
            case SystemEventRecord s:
                var timestamp = s.Timestamp.ToDateTimeOffset();
                var severity = Severity(s);
                return new SelEvent
                {
                    RecordId = s.RecordId,
                    RecordType = s.RecordType,
                    Timestamp = timestamp,
                    GeneratorId = (s.GeneratorChannelLun << 8) | s.GeneratorAddress,
                    SensorType = s.SensorType,
                    SensorTypeName = s.SensorTypeName,
                    SensorNumber = s.SensorNumber,
                    Asserted = !s.IsDeassertion,
                    Offset = s.Offset,
                    Description = s.Description ?? $"offset {s.Offset}",
                    Severity = severity,
                    Security = SecurityEvents.Decode(s),
                    RawHex = raw,
                    StableId = id,
                };
            case RawSelRecord oem:
                return new SelEvent
                {
                    RecordId = oem.RecordId,
                    RecordType = oem.RecordType,
                    Timestamp = oem.Timestamp?.ToDateTimeOffset(),
                    SensorTypeName = oem.IsOemTimestamped ? "OEM timestamped" : "OEM non-timestamped",
                    Description = $"OEM record type 0x{oem.RecordType:X2}",
                    Severity = SelSeverity.Info,
                    RawHex = raw,
                    StableId = id,
                };
            default:
                return new SelEvent
                {
                    RecordId = record.RecordId,
                    RecordType = record.RecordType,
                    SensorTypeName = "unknown",
                    Description = $"record type 0x{record.RecordType:X2}",
                    RawHex = raw,
                    StableId = id,
                };
        }
    }

    /// <summary>
    /// Severity: threshold events by the threshold crossed (non-critical warning, critical and
    /// non-recoverable critical, IPMI v2.0 Table 42-2), discrete ones by the offset's meaning; a deassertion is informational.
    /// </summary>
    public static SelSeverity Severity(SystemEventRecord s)
    {
        if (s.IsDeassertion)
        {
            return SelSeverity.Info;
        }

        if (s.EventReadingType == 0x01)
        {
            return s.Offset switch
            {
                0 or 1 or 6 or 7 => SelSeverity.Warning,
                _ => SelSeverity.Critical,
            };
        }

        return DiscreteSeverity.ForOffset(s.EventReadingType, s.SensorType, s.Offset) switch
        {
            Ipmi.Sensors.SensorStatus.Warning => SelSeverity.Warning,
            Ipmi.Sensors.SensorStatus.Critical or Ipmi.Sensors.SensorStatus.NonRecoverable => SelSeverity.Critical,
            _ => SelSeverity.Info,
        };
    }

    private static string StableId(string target, string epoch, int recordId, ReadOnlySpan<byte> raw) =>
        string.Create(CultureInfo.InvariantCulture, $"{target}/{epoch}/{recordId}/{Crc32.HashToUInt32(raw):x8}");
}

using System.Globalization;
using System.Text.Json.Nodes;
using BmcExporter.Ipmi.Sel;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Redfish;

/// <summary>
/// The SEL as Redfish LogEntry resources (EntryType "SEL"): the very records Get SEL Entry returns (same record
/// ID, timestamp, sensor type and number, offset, direction), decoded with the codec's SEL decoder.
/// </summary>
internal static class SelEntries
{
    private static readonly string[] ThresholdCodes =
    [
        "Lower Non-critical - going low", "Lower Non-critical - going high", "Lower Critical - going low", "Lower Critical - going high",
        "Lower Non-recoverable - going low", "Lower Non-recoverable - going high", "Upper Non-critical - going low", "Upper Non-critical - going high",
        "Upper Critical - going low", "Upper Critical - going high", "Upper Non-recoverable - going low", "Upper Non-recoverable - going high",
    ];

    public static IEnumerable<JsonObject> All(BmcSnapshot snap, RedfishBmcState bmc, string entriesPath)
    {
        var sel = snap.Model.Profile.Sel;
        var view = bmc.Sel;
        var (count, _) = view.Size(sel, snap.Elapsed);
        for (var p = 0; p < count; p++)
        {
            var record = SelDecoder.Decode(view.Encode(sel, p, snap.Fleet.StartUnix, QuirkSet.None));
            if (record is SystemEventRecord e)
            {
                yield return Entry(snap, e, entriesPath);
            }
        }
    }

    private static JsonObject Entry(BmcSnapshot snap, SystemEventRecord e, string entriesPath)
    {
        var id = e.RecordId.ToString(CultureInfo.InvariantCulture);
        var threshold = e.EventReadingType == 0x01;
        var code = threshold && e.Offset < ThresholdCodes.Length ? ThresholdCodes[e.Offset] : e.IsDeassertion ? "Deassert" : "Assert";
        var name = snap.Fleet.TryFindSensor(0, e.SensorNumber, snap.Elapsed, out var sensor, out var k) ? ProfileModel.IpmiName(sensor, k) : $"Sensor {e.SensorNumber}";
        var severity = Severity(e, threshold);
        return new JsonObject
        {
            ["@odata.id"] = $"{entriesPath}/{id}",
            ["@odata.type"] = "#LogEntry.v1_9_0.LogEntry",
            ["Id"] = id,
            ["Name"] = $"SEL entry {id}",
            ["EntryType"] = "SEL",
            ["Created"] = DateTimeOffset.FromUnixTimeSeconds(e.Timestamp.Raw).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["Severity"] = severity,
            ["SensorType"] = e.SensorTypeName,
            ["SensorNumber"] = e.SensorNumber,
            ["EntryCode"] = code,
            ["Message"] = $"{name}: {e.Description ?? $"offset {e.Offset}"} {e.DirectionName.ToLowerInvariant()}",
            ["MessageId"] = $"0x{e.EventData1:X2}{e.EventData2:X2}{e.EventData3:X2}",
        };
    }

    /// <summary>
    /// LogEntry Severity with the meaning the IPMI view's entry has: a deassertion is OK; a threshold event is Warning
    /// for a non-critical crossing and Critical for a critical or non-recoverable one (IPMI v2.0 Table 42-2); a discrete
    /// event takes its offset's severity (the table the exporter applies to the same SEL record over IPMI), so one
    /// BMC's entry has one severity whichever protocol reads it.
    /// </summary>
    private static string Severity(SystemEventRecord e, bool threshold) =>
        e.IsDeassertion ? "OK"
        : threshold ? (e.Offset is >= 2 and <= 5 or >= 8 ? "Critical" : "Warning")
        : DiscreteSeverity.ForOffset(e.EventReadingType, e.SensorType, e.Offset) switch
        {
            SensorStatus.Warning => "Warning",
            SensorStatus.Critical or SensorStatus.NonRecoverable => "Critical",
            _ => "OK",
        };
}

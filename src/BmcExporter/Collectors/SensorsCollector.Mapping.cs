using BmcExporter.Ipmi.Sensors;
using BmcExporter.Ipmi.Tables;
using BmcExporter.Snapshots;
using ClientStatus = BmcExporter.Ipmi.Sensors.SensorStatus;
using SnapshotStatus = BmcExporter.Snapshots.SensorStatus;

namespace BmcExporter.Collectors;

public sealed partial class SensorsCollector
{
    /// <summary>Turns a client reading into a snapshot sample (units abbreviated as FreeIPMI prints them).</summary>
    public static SensorSample ToSample(SensorReading r) => new()
    {
        RecordId = r.RecordId,
        SensorNumber = r.SensorNumber,
        Name = r.Name,
        SensorType = r.SensorTypeCode,
        SensorTypeName = r.SensorType,
        EventReadingType = r.EventReadingType,
        IsThreshold = r.IsThresholdBased,
        Unit = Abbreviate(r.Unit),
        Value = r.Value,
        Status = r.Status switch
        {
            ClientStatus.Ok => SnapshotStatus.Ok,
            ClientStatus.Warning => SnapshotStatus.Warning,
            ClientStatus.Critical => SnapshotStatus.Critical,
            ClientStatus.NonRecoverable => SnapshotStatus.NonRecoverable,
            _ => SnapshotStatus.Unavailable,
        },
        UnavailableReason = r.Reason,
        Thresholds = new SensorThresholds(
            r.Thresholds.LowerNonRecoverable,
            r.Thresholds.LowerCritical,
            r.Thresholds.LowerNonCritical,
            r.Thresholds.UpperNonCritical,
            r.Thresholds.UpperCritical,
            r.Thresholds.UpperNonRecoverable),
        AssertedStates = r.IsThresholdBased ? [] : r.AssertedStates,
        StateNames = r.IsThresholdBased ? [] : r.StateNames,
        EntityId = r.EntityId,
        EntityInstance = r.EntityInstance,
        EntityName = EntityNames.Name(r.EntityId),
    };

    /// <summary>
    /// FreeIPMI's unit abbreviations (what ipmi_exporter switches on: C, RPM, V, A, W, %); other units keep
    /// ipmitool's spelling; discrete sensors have none.
    /// </summary>
    public static string Abbreviate(string unit) => unit switch
    {
        "degrees C" => "C",
        "degrees F" => "F",
        "degrees K" => "K",
        "Volts" => "V",
        "Amps" => "A",
        "Watts" => "W",
        "Joules" => "J",
        "percent" or "%" => "%",
        SensorInterpreter.DiscreteUnit or "unspecified" => string.Empty,
        _ when unit.StartsWith("% ", StringComparison.Ordinal) => "%",
        _ => unit,
    };
}

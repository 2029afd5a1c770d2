using System.Globalization;
using BmcExporter.Snapshots;

namespace BmcExporter.Output.Prometheus;

public static partial class SnapshotExposition
{
    private static void WriteSensorExtras(ExpositionBuilder builder, SensorSample s, IReadOnlyList<string> prefix, string id)
    {
        var type = s.SensorTypeName;
        builder.Gauge(
            MetricNames.SensorInfo,
            prefix,
            1,
            id,
            s.Name,
            type,
            s.EntityName,
            s.EntityInstance.ToString(CultureInfo.InvariantCulture),
            s.Unit,
            s.IsThreshold ? "threshold" : "discrete");
        builder.Gauge(MetricNames.SensorStatus, prefix, s.Status == SensorStatus.NonRecoverable ? 3 : StateValue(s.Status), id, s.Name, type);
        Threshold(builder, prefix, id, s, "lower_non_recoverable", s.Thresholds.LowerNonRecoverable);
        Threshold(builder, prefix, id, s, "lower_critical", s.Thresholds.LowerCritical);
        Threshold(builder, prefix, id, s, "lower_non_critical", s.Thresholds.LowerNonCritical);
        Threshold(builder, prefix, id, s, "upper_non_critical", s.Thresholds.UpperNonCritical);
        Threshold(builder, prefix, id, s, "upper_critical", s.Thresholds.UpperCritical);
        Threshold(builder, prefix, id, s, "upper_non_recoverable", s.Thresholds.UpperNonRecoverable);
        for (var i = 0; i < s.AssertedStates.Count; i++)
        {
            var name = i < s.StateNames.Count ? s.StateNames[i] : string.Empty;
            builder.Gauge(MetricNames.SensorStateAsserted, prefix, 1, id, s.Name, type, s.AssertedStates[i].ToString(CultureInfo.InvariantCulture), name);
        }
    }

    private static void Threshold(ExpositionBuilder builder, IReadOnlyList<string> prefix, string id, SensorSample s, string which, double? value)
    {
        if (value is { } v)
        {
            builder.Gauge(MetricNames.SensorThreshold, prefix, v, id, s.Name, s.SensorTypeName, which);
        }
    }

    private static void WriteDevice(ExpositionBuilder builder, TargetSnapshot snapshot, IReadOnlyList<string> prefix)
    {
        if (snapshot.Bmc is { } bmc)
        {
            builder.Gauge(MetricNames.BmcInfo, prefix, 1, bmc.FirmwareRevision, bmc.Manufacturer, bmc.SystemFirmwareVersion);
        }

        if (snapshot.Chassis is { } chassis)
        {
            // ipmi_exporter's polarity: power 1=on; fault states 1=false (no fault), 0=true.
            builder.Gauge(MetricNames.ChassisPowerState, prefix, chassis.PowerOn ? 1 : 0);
            builder.Gauge(MetricNames.ChassisDriveFault, prefix, chassis.DriveFault ? 0 : 1);
            builder.Gauge(MetricNames.ChassisCoolingFault, prefix, chassis.CoolingFault ? 0 : 1);
            builder.Gauge(MetricNames.ChassisPowerFault, prefix, chassis.PowerFault ? 0 : 1);
            builder.Gauge(MetricNames.ChassisIntrusion, prefix, chassis.Intrusion ? 1 : 0);
        }

        if (snapshot.Power is { } power)
        {
            builder.Gauge(MetricNames.DcmiPowerConsumption, prefix, power.CurrentWatts);
            builder.Gauge(MetricNames.DcmiPowerMinimum, prefix, power.MinimumWatts);
            builder.Gauge(MetricNames.DcmiPowerMaximum, prefix, power.MaximumWatts);
            builder.Gauge(MetricNames.DcmiPowerAverage, prefix, power.AverageWatts);
            builder.Gauge(MetricNames.DcmiPowerPeriod, prefix, power.Period.TotalSeconds);
        }

        foreach (var fru in snapshot.Fru)
        {
            builder.Gauge(
                MetricNames.FruInfo,
                prefix,
                1,
                fru.DeviceId.ToString(CultureInfo.InvariantCulture),
                fru.Name,
                fru.BoardManufacturer,
                fru.BoardProduct,
                fru.BoardSerial,
                fru.BoardPartNumber,
                fru.ProductManufacturer,
                fru.ProductName,
                fru.ProductPartNumber,
                fru.ProductVersion,
                fru.ProductSerial,
                fru.AssetTag);
        }
    }

    private static void WriteSel(ExpositionBuilder builder, TargetSnapshot snapshot, IReadOnlyList<string> prefix)
    {
        if (snapshot.Sel is not { } sel)
        {
            return;
        }

        builder.Gauge(MetricNames.SelLogsCount, prefix, sel.Entries);
        builder.Gauge(MetricNames.SelFreeSpace, prefix, sel.FreeSpaceBytes);
        builder.Gauge(MetricNames.SelOverflow, prefix, sel.Overflow ? 1 : 0);
    }
}

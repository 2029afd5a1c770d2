using System.Globalization;
using BmcExporter.Snapshots;

namespace BmcExporter.Output.Prometheus;

/// <summary>Series of the bmc, chassis, dcmi, fru and sel collectors.</summary>
internal static class DeviceSeries
{
    public static void Write(SampleSink sink, TargetSnapshot snapshot)
    {
        if (snapshot.Bmc is { } bmc)
        {
            sink.Add(MetricNames.BmcInfo, 1, bmc.FirmwareRevision, bmc.Manufacturer, bmc.SystemFirmwareVersion);
            LifecycleSeries.WriteBmc(sink, bmc);
            foreach (var firmware in bmc.Firmware)
            {
                sink.Add(MetricNames.FirmwareInfo, 1, firmware.Id, firmware.Name, firmware.Version);
            }
        }

        if (snapshot.Chassis is { } chassis)
        {
            // ipmi_exporter's polarity: power 1=on; fault states 1=false (no fault), 0=true.
            sink.Add(MetricNames.ChassisPowerState, chassis.PowerOn ? 1 : 0);
            sink.Add(MetricNames.ChassisDriveFault, chassis.DriveFault ? 0 : 1);
            sink.Add(MetricNames.ChassisCoolingFault, chassis.CoolingFault ? 0 : 1);
            sink.Add(MetricNames.ChassisPowerFault, chassis.PowerFault ? 0 : 1);
            if (chassis.Intrusion is { } intrusion)
            {
                sink.Add(MetricNames.ChassisIntrusion, intrusion ? 1 : 0);
            }
            LifecycleSeries.WriteChassis(sink, chassis);
        }

        // No power series while the BMC says measurement is inactive (its figures are then stale or zero).
        if (snapshot.Power is { Active: true } power)
        {
            sink.Add(MetricNames.DcmiPowerConsumption, power.CurrentWatts);

            // A Redfish service may leave the statistics out (PowerMetrics absent): no series rather than a made-up value.
            if (power.MinimumWatts is { } min)
            {
                sink.Add(MetricNames.DcmiPowerMinimum, min);
            }

            if (power.MaximumWatts is { } max)
            {
                sink.Add(MetricNames.DcmiPowerMaximum, max);
            }

            if (power.AverageWatts is { } average)
            {
                sink.Add(MetricNames.DcmiPowerAverage, average);
            }

            if (power.Period is { } period)
            {
                sink.Add(MetricNames.DcmiPowerPeriod, period.TotalSeconds);
            }
        }

        foreach (var fru in snapshot.Fru)
        {
            sink.Add(
                MetricNames.FruInfo,
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

        if (snapshot.Sel is { } sel)
        {
            sink.Add(MetricNames.SelLogsCount, sel.Entries);
            if (sel.FreeSpaceKnown)
            {
                sink.Add(MetricNames.SelFreeSpace, sel.FreeSpaceBytes);
            }

            sink.Add(MetricNames.SelOverflow, sel.Overflow ? 1 : 0);
        }
    }
}

using System.Diagnostics.Metrics;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Snapshots;

namespace BmcExporter.Otlp;

/// <summary>The <c>hw.*</c> instruments and how snapshot sensors feed them.</summary>
internal sealed partial class OtlpTargetMetrics
{
    private void CreateInstruments(Meter meter)
    {
        meter.CreateObservableGauge(HwConventions.Temperature, () => Readings(SensorKind.Temperature), "Cel", "Temperature in degrees Celsius");
        meter.CreateObservableGauge(HwConventions.TemperatureLimit, () => LimitReadings(SensorKind.Temperature), "Cel", "Temperature limit in degrees Celsius");
        meter.CreateObservableGauge(HwConventions.Voltage, () => Readings(SensorKind.Voltage), "V", "Voltage measured by the sensor");
        meter.CreateObservableGauge(HwConventions.VoltageLimit, () => LimitReadings(SensorKind.Voltage), "V", "Voltage limit in Volts");
        meter.CreateObservableGauge(HwConventions.FanSpeed, () => Readings(SensorKind.FanSpeed), "rpm", "Fan speed in revolutions per minute");
        meter.CreateObservableGauge(HwConventions.FanSpeedLimit, () => LimitReadings(SensorKind.FanSpeed), "rpm", "Speed limit in rpm");
        meter.CreateObservableGauge(HwConventions.FanSpeedRatio, () => Readings(SensorKind.FanRatio), "1", "Fan speed expressed as a fraction of its maximum speed");
        meter.CreateObservableGauge(HwConventions.Power, () => Readings(SensorKind.Power), "W", "Instantaneous power consumed by the component");
        meter.CreateObservableGauge(HwConventions.HostPower, HostPower, "W", "Instantaneous power consumed by the entire physical host in Watts (DCMI)");
        meter.CreateObservableUpDownCounter(HwConventions.Status, Statuses, "1", "Operational status: 1 (true) or 0 (false) for each of the possible states");
    }

    private IEnumerable<Measurement<double>> Readings(SensorKind kind)
    {
        foreach (var sensor in Latest.Sensors)
        {
            if (sensor.Value is { } value && sensor.Kind == kind)
            {
                yield return new Measurement<double>(kind == SensorKind.FanRatio ? value / 100.0 : value, SensorTags(sensor, kind));
            }
        }
    }

    private IEnumerable<Measurement<double>> LimitReadings(SensorKind kind)
    {
        foreach (var sensor in Latest.Sensors)
        {
            if (sensor.Kind != kind)
            {
                continue;
            }

            foreach (var (limitType, value) in HwConventions.Limits(sensor.Thresholds))
            {
                var tags = SensorTags(sensor, kind);
                tags.Add(HwConventions.AttrLimitType, limitType);
                yield return new Measurement<double>(value, tags);
            }
        }
    }

    private IEnumerable<Measurement<double>> HostPower()
    {
        if (Latest.Power is { Active: true } power)
        {
            yield return new Measurement<double>(power.CurrentWatts, new KeyValuePair<string, object?>(HwConventions.AttrId, "host"));
        }
    }

    private IEnumerable<Measurement<long>> Statuses()
    {
        var snapshot = Latest;
        foreach (var sensor in snapshot.Sensors)
        {
            if (HwConventions.State(sensor.Status) is not { } state)
            {
                continue;
            }

            foreach (var candidate in HwConventions.States)
            {
                var tags = SensorTags(sensor, SensorKind.Other);
                tags.Add(HwConventions.AttrType, HwConventions.ComponentType(sensor));
                tags.Add(HwConventions.AttrState, candidate);
                yield return new Measurement<long>(candidate == state ? 1 : 0, tags);
            }
        }

        if (snapshot.Chassis is { } chassis)
        {
            // Chassis status (IPMI v2.0 §28.2) as the enclosure's state.
            var state = chassis.PowerFault || chassis.CoolingFault || chassis.DriveFault || chassis.PowerOverload ? "failed"
                : chassis.Intrusion ? "degraded" : "ok";
            foreach (var candidate in HwConventions.States)
            {
                yield return new Measurement<long>(
                    candidate == state ? 1 : 0,
                    new KeyValuePair<string, object?>(HwConventions.AttrId, "chassis"),
                    new KeyValuePair<string, object?>(HwConventions.AttrName, "Chassis"),
                    new KeyValuePair<string, object?>(HwConventions.AttrType, "enclosure"),
                    new KeyValuePair<string, object?>(HwConventions.AttrState, candidate));
            }
        }
    }

    private static System.Diagnostics.TagList SensorTags(SensorReading sensor, SensorKind kind)
    {
        var tags = new System.Diagnostics.TagList
        {
            { HwConventions.AttrId, HwConventions.ComponentId(sensor) },
            { HwConventions.AttrName, sensor.Name },
        };
        if (kind == SensorKind.Power)
        {
            tags.Add(HwConventions.AttrType, HwConventions.ComponentType(sensor));
        }

        if (kind != SensorKind.Other && sensor.EntityName.Length > 0)
        {
            tags.Add(HwConventions.AttrSensorLocation, $"{sensor.EntityName} {sensor.EntityInstance}");
        }

        return tags;
    }
}

using BmcExporter.Ipmi.Sensors;
using BmcExporter.Otlp.Proto.Collector.Metrics;
using BmcExporter.Otlp.Proto.Metrics;
using BmcExporter.Snapshots;

namespace BmcExporter.Otlp.Wire;

/// <summary>
/// Encodes one snapshot as one <c>ResourceMetrics</c>, written as field 1 of <c>ExportMetricsServiceRequest</c>
/// (tag and length included), so an export request is these pieces of many BMCs one after another: repeated
/// message fields may be concatenated (protobuf encoding guide, "Last One Wins" / repeated elements).
/// Instruments are chosen from <see cref="SensorReading.Kind"/> through <see cref="HwConventions.ForKind"/> alone.
/// Every point carries the scrape's start time.
/// </summary>
internal static class MetricsEncoder
{
    private const int Attributes = NumberDataPoint.AttributesFieldNumber;

    /// <summary>Writes the piece for <paramref name="snapshot"/>; returns the number of data points.</summary>
    /// <param name="w">Destination.</param>
    /// <param name="snapshot">The stored snapshot.</param>
    /// <param name="start">Start of the cumulative <c>hw.status</c> sums (when the exporter started).</param>
    public static int Write(ProtoBuffer w, TargetSnapshot snapshot, DateTimeOffset start)
    {
        var time = OtlpFields.UnixNanos(snapshot.StartedAt);
        var startNanos = OtlpFields.UnixNanos(start);
        var points = 0;
        w.BeginMessage(ExportMetricsServiceRequest.ResourceMetricsFieldNumber);
        ResourceEncoder.Write(w, ResourceMetrics.ResourceFieldNumber, snapshot);
        w.BeginMessage(ResourceMetrics.ScopeMetricsFieldNumber);
        OtlpFields.Scope(w, ScopeMetrics.ScopeFieldNumber);
        foreach (var kind in HwConventions.InstrumentKinds)
        {
            var instrument = HwConventions.ForKind(kind)!;
            points += Readings(w, snapshot.Sensors, kind, instrument, time);
            if (instrument.LimitName is not null)
            {
                points += Limits(w, snapshot.Sensors, kind, instrument, time);
            }
        }

        points += HostPower(w, snapshot, time);
        points += Status(w, snapshot, startNanos, time);
        w.EndMessage();
        w.EndMessage();
        return points;
    }

    private static int Readings(ProtoBuffer w, IReadOnlyList<SensorReading> sensors, SensorKind kind, HwInstrument instrument, ulong time)
    {
        var n = 0;
        foreach (var sensor in sensors)
        {
            if (sensor.Kind != kind || sensor.Value is not { } value)
            {
                continue;
            }

            if (n++ == 0)
            {
                BeginGauge(w, instrument.Name, instrument.Description, instrument.Unit);
            }

            w.BeginMessage(Gauge.DataPointsFieldNumber);
            SensorAttributes(w, sensor, instrument.WithType);
            w.WriteFixed64(NumberDataPoint.TimeUnixNanoFieldNumber, time);
            w.WriteDouble(NumberDataPoint.AsDoubleFieldNumber, value * instrument.Scale);
            w.EndMessage();
        }

        EndMetric(w, n);
        return n;
    }

    private static int Limits(ProtoBuffer w, IReadOnlyList<SensorReading> sensors, SensorKind kind, HwInstrument instrument, ulong time)
    {
        var n = 0;
        foreach (var sensor in sensors)
        {
            if (sensor.Kind != kind)
            {
                continue;
            }

            foreach (var (limitType, value) in HwConventions.Limits(sensor.Thresholds))
            {
                if (n++ == 0)
                {
                    BeginGauge(w, instrument.LimitName!, instrument.Description + " (limit)", instrument.Unit);
                }

                w.BeginMessage(Gauge.DataPointsFieldNumber);
                SensorAttributes(w, sensor, instrument.WithType);
                OtlpFields.Attribute(w, Attributes, HwConventions.AttrLimitType, limitType);
                w.WriteFixed64(NumberDataPoint.TimeUnixNanoFieldNumber, time);
                w.WriteDouble(NumberDataPoint.AsDoubleFieldNumber, value * instrument.Scale);
                w.EndMessage();
            }
        }

        EndMetric(w, n);
        return n;
    }

    private static int HostPower(ProtoBuffer w, TargetSnapshot snapshot, ulong time)
    {
        if (snapshot.Power is not { Active: true } power)
        {
            return 0;
        }

        BeginGauge(w, HwConventions.HostPower, "Instantaneous power consumed by the entire physical host (DCMI)", "W");
        w.BeginMessage(Gauge.DataPointsFieldNumber);
        OtlpFields.Attribute(w, Attributes, HwConventions.AttrId, "host");
        w.WriteFixed64(NumberDataPoint.TimeUnixNanoFieldNumber, time);
        w.WriteDouble(NumberDataPoint.AsDoubleFieldNumber, power.CurrentWatts);
        w.EndMessage();
        EndMetric(w, 1);
        return 1;
    }

    /// <summary><c>hw.status</c>: an UpDownCounter, so a non-monotonic cumulative sum, 1 for the current state and 0 for the others.</summary>
    private static int Status(ProtoBuffer w, TargetSnapshot snapshot, ulong start, ulong time)
    {
        var n = 0;
        void Open()
        {
            if (n == 0)
            {
                w.BeginMessage(ScopeMetrics.MetricsFieldNumber);
                w.WriteString(Metric.NameFieldNumber, HwConventions.Status);
                w.WriteString(Metric.DescriptionFieldNumber, "Operational status: 1 (true) or 0 (false) for each of the possible states");
                w.WriteString(Metric.UnitFieldNumber, "1");
                w.BeginMessage(Metric.SumFieldNumber);
                w.WriteUInt64(Sum.AggregationTemporalityFieldNumber, (ulong)AggregationTemporality.Cumulative);
            }
        }

        void Point(string state, string current, Action<ProtoBuffer> attributes)
        {
            Open();
            n++;
            w.BeginMessage(Sum.DataPointsFieldNumber);
            attributes(w);
            OtlpFields.Attribute(w, Attributes, HwConventions.AttrState, state);
            w.WriteFixed64(NumberDataPoint.StartTimeUnixNanoFieldNumber, start);
            w.WriteFixed64(NumberDataPoint.TimeUnixNanoFieldNumber, time);
            w.WriteFixed64(NumberDataPoint.AsIntFieldNumber, state == current ? 1UL : 0UL);
            w.EndMessage();
        }

        foreach (var sensor in snapshot.Sensors)
        {
            if (HwConventions.State(sensor.Status) is not { } current)
            {
                continue;
            }

            foreach (var state in HwConventions.States)
            {
                Point(state, current, x =>
                {
                    SensorAttributes(x, sensor, withType: false);
                    OtlpFields.Attribute(x, Attributes, HwConventions.AttrType, HwConventions.ComponentType(sensor));
                });
            }
        }

        if (snapshot.Chassis is { } chassis)
        {
            // Chassis status (IPMI v2.0 §28.2) as the enclosure's state.
            var current = chassis.PowerFault || chassis.CoolingFault || chassis.DriveFault || chassis.PowerOverload ? "failed"
                : chassis.Intrusion ? "degraded" : "ok";
            foreach (var state in HwConventions.States)
            {
                Point(state, current, static x =>
                {
                    OtlpFields.Attribute(x, Attributes, HwConventions.AttrId, "chassis");
                    OtlpFields.Attribute(x, Attributes, HwConventions.AttrName, "Chassis");
                    OtlpFields.Attribute(x, Attributes, HwConventions.AttrType, "enclosure");
                });
            }
        }

        if (n > 0)
        {
            w.EndMessage();
            w.EndMessage();
        }

        return n;
    }

    private static void SensorAttributes(ProtoBuffer w, SensorReading sensor, bool withType)
    {
        OtlpFields.Attribute(w, Attributes, HwConventions.AttrId, HwConventions.ComponentId(sensor));
        OtlpFields.Attribute(w, Attributes, HwConventions.AttrName, sensor.Name);
        if (withType)
        {
            OtlpFields.Attribute(w, Attributes, HwConventions.AttrType, HwConventions.ComponentType(sensor));
        }

        if (sensor.Kind != SensorKind.Other && sensor.EntityName.Length > 0)
        {
            OtlpFields.Attribute(w, Attributes, HwConventions.AttrSensorLocation, $"{sensor.EntityName} {sensor.EntityInstance}");
        }
    }

    private static void BeginGauge(ProtoBuffer w, string name, string description, string unit)
    {
        w.BeginMessage(ScopeMetrics.MetricsFieldNumber);
        w.WriteString(Metric.NameFieldNumber, name);
        w.WriteString(Metric.DescriptionFieldNumber, description);
        w.WriteString(Metric.UnitFieldNumber, unit);
        w.BeginMessage(Metric.GaugeFieldNumber);
    }

    private static void EndMetric(ProtoBuffer w, int points)
    {
        if (points > 0)
        {
            w.EndMessage();
            w.EndMessage();
        }
    }
}

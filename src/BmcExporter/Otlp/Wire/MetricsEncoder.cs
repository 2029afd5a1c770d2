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

    /// <summary>The chassis as a component: <c>hw.id=chassis</c>, <c>hw.type=enclosure</c>.</summary>
    private static readonly byte[] ChassisBlock = ChassisAttributes();

    /// <summary>Writes the piece for <paramref name="snapshot"/>; returns the number of data points.</summary>
    /// <param name="w">Destination.</param>
    /// <param name="snapshot">The stored snapshot.</param>
    /// <param name="start">Start of the cumulative <c>hw.status</c> sums (when the exporter started).</param>
    public static int Write(ProtoBuffer w, TargetSnapshot snapshot, DateTimeOffset start)
    {
        var time = OtlpFields.UnixNanos(snapshot.StartedAt);
        var startNanos = OtlpFields.UnixNanos(start);
        var blocks = SensorBlocks.For(snapshot.Sensors);
        var points = 0;
        w.BeginMessage(ExportMetricsServiceRequest.ResourceMetricsFieldNumber);
        ResourceEncoder.Write(w, ResourceMetrics.ResourceFieldNumber, snapshot);
        w.BeginMessage(ResourceMetrics.ScopeMetricsFieldNumber);
        OtlpFields.Scope(w, ScopeMetrics.ScopeFieldNumber);
        foreach (var kind in HwConventions.InstrumentKinds)
        {
            var instrument = HwConventions.ForKind(kind)!;
            points += Readings(w, snapshot.Sensors, blocks, kind, instrument, time);
            if (instrument.LimitName is not null)
            {
                points += Limits(w, snapshot.Sensors, blocks, kind, instrument, time);
            }
        }

        points += HostPower(w, snapshot, time);
        points += Status(w, snapshot, blocks, startNanos, time);
        w.EndMessage();
        w.EndMessage();
        return points;
    }

    private static int Readings(ProtoBuffer w, IReadOnlyList<SensorReading> sensors, SensorBlocks blocks, SensorKind kind, HwInstrument instrument, ulong time)
    {
        var n = 0;
        for (var i = 0; i < sensors.Count; i++)
        {
            var sensor = sensors[i];
            if (sensor.Kind != kind || sensor.Value is not { } value)
            {
                continue;
            }

            if (n++ == 0)
            {
                BeginGauge(w, instrument.Name, instrument.Description, instrument.Unit);
            }

            w.BeginMessage(Gauge.DataPointsFieldNumber);
            w.WriteRaw(blocks.Attributes(i, instrument.WithType));
            w.WriteFixed64(NumberDataPoint.TimeUnixNanoFieldNumber, time);
            w.WriteDouble(NumberDataPoint.AsDoubleFieldNumber, value * instrument.Scale);
            w.EndMessage();
        }

        EndMetric(w, n);
        return n;
    }

    private static int Limits(ProtoBuffer w, IReadOnlyList<SensorReading> sensors, SensorBlocks blocks, SensorKind kind, HwInstrument instrument, ulong time)
    {
        var n = 0;
        for (var i = 0; i < sensors.Count; i++)
        {
            var sensor = sensors[i];
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
                w.WriteRaw(blocks.Attributes(i, instrument.WithType));
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
    private static int Status(ProtoBuffer w, TargetSnapshot snapshot, SensorBlocks blocks, ulong start, ulong time)
    {
        var n = 0;
        var sensors = snapshot.Sensors;
        for (var i = 0; i < sensors.Count; i++)
        {
            if (HwConventions.State(sensors[i].Status) is not { } current)
            {
                continue;
            }

            foreach (var state in HwConventions.States)
            {
                OpenStatus(w, n++);
                StatusPoint(w, blocks.Attributes(i, withType: true), state, state == current, start, time);
            }
        }

        if (snapshot.Chassis is { } chassis)
        {
            // Chassis status (IPMI v2.0 §28.2) as the enclosure's state.
            var current = chassis.PowerFault || chassis.CoolingFault || chassis.DriveFault || chassis.PowerOverload ? "failed"
                : chassis.Intrusion == true ? "degraded" : "ok";
            foreach (var state in HwConventions.States)
            {
                OpenStatus(w, n++);
                StatusPoint(w, ChassisBlock, state, state == current, start, time);
            }
        }

        if (n > 0)
        {
            w.EndMessage();
            w.EndMessage();
        }

        return n;
    }

    private static void OpenStatus(ProtoBuffer w, int pointsSoFar)
    {
        if (pointsSoFar > 0)
        {
            return;
        }

        w.BeginMessage(ScopeMetrics.MetricsFieldNumber);
        w.WriteString(Metric.NameFieldNumber, HwConventions.Status);
        w.WriteString(Metric.DescriptionFieldNumber, "Operational status: 1 (true) or 0 (false) for each of the possible states");
        w.WriteString(Metric.UnitFieldNumber, "1");
        w.BeginMessage(Metric.SumFieldNumber);
        w.WriteUInt64(Sum.AggregationTemporalityFieldNumber, (ulong)AggregationTemporality.Cumulative);
    }

    private static void StatusPoint(ProtoBuffer w, ReadOnlySpan<byte> attributes, string state, bool current, ulong start, ulong time)
    {
        w.BeginMessage(Sum.DataPointsFieldNumber);
        w.WriteRaw(attributes);
        OtlpFields.Attribute(w, Attributes, HwConventions.AttrState, state);
        w.WriteFixed64(NumberDataPoint.StartTimeUnixNanoFieldNumber, start);
        w.WriteFixed64(NumberDataPoint.TimeUnixNanoFieldNumber, time);
        w.WriteFixed64(NumberDataPoint.AsIntFieldNumber, current ? 1UL : 0UL);
        w.EndMessage();
    }

    private static byte[] ChassisAttributes()
    {
        var w = new ProtoBuffer();
        OtlpFields.Attribute(w, Attributes, HwConventions.AttrId, "chassis");
        OtlpFields.Attribute(w, Attributes, HwConventions.AttrName, "Chassis");
        OtlpFields.Attribute(w, Attributes, HwConventions.AttrType, "enclosure");
        return w.ToArray();
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

/// <summary>
/// Each sensor's point attributes encoded once per snapshot (<c>hw.id</c>, <c>hw.name</c>, <c>hw.sensor_location</c>,
/// then <c>hw.type</c>) and copied into each of its points: a sensor has up to eight (reading, limits, states).
/// </summary>
internal sealed class SensorBlocks
{
    [ThreadStatic]
    private static SensorBlocks? t_current;

    private readonly ProtoBuffer _bytes = new();
    private int[] _start = new int[64];
    private int[] _type = new int[64];
    private int[] _end = new int[64];

    /// <summary>This thread's blocks, filled for <paramref name="sensors"/>.</summary>
    public static SensorBlocks For(IReadOnlyList<SensorReading> sensors)
    {
        var blocks = t_current ??= new SensorBlocks();
        blocks.Fill(sensors);
        return blocks;
    }

    /// <summary>The attributes of sensor <paramref name="index"/>, with or without <c>hw.type</c>.</summary>
    public ReadOnlySpan<byte> Attributes(int index, bool withType) =>
        _bytes.Written[_start[index]..(withType ? _end[index] : _type[index])];

    private void Fill(IReadOnlyList<SensorReading> sensors)
    {
        const int attributes = NumberDataPoint.AttributesFieldNumber;
        _bytes.Reset();
        if (_start.Length < sensors.Count)
        {
            Array.Resize(ref _start, sensors.Count);
            Array.Resize(ref _type, sensors.Count);
            Array.Resize(ref _end, sensors.Count);
        }

        for (var i = 0; i < sensors.Count; i++)
        {
            var sensor = sensors[i];
            _start[i] = _bytes.Length;
            OtlpFields.Attribute(_bytes, attributes, HwConventions.AttrId, HwConventions.ComponentId(sensor));
            OtlpFields.Attribute(_bytes, attributes, HwConventions.AttrName, sensor.Name);
            if (sensor.Kind != SensorKind.Other && sensor.EntityName.Length > 0)
            {
                OtlpFields.Attribute(_bytes, attributes, HwConventions.AttrSensorLocation, $"{sensor.EntityName} {sensor.EntityInstance}");
            }

            _type[i] = _bytes.Length;
            OtlpFields.Attribute(_bytes, attributes, HwConventions.AttrType, HwConventions.ComponentType(sensor));
            _end[i] = _bytes.Length;
        }
    }
}

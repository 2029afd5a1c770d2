using System.Globalization;
using BmcExporter.Snapshots;

namespace BmcExporter.Output.Prometheus;

/// <summary>
/// Writes a <see cref="TargetSnapshot"/> as <c>ipmi_*</c> series: ipmi_exporter's families with its exact
/// meaning (family chosen by unit, state 0/1/2, NaN when unreadable), then the additions.
/// </summary>
public static partial class SnapshotExposition
{
    /// <summary>Writes every series of <paramref name="snapshot"/>, each prefixed with <paramref name="prefix"/> label values.</summary>
    public static void Write(ExpositionBuilder builder, TargetSnapshot snapshot, IReadOnlyList<string> prefix)
    {
        foreach (var outcome in snapshot.Collectors)
        {
            builder.Gauge(MetricNames.Up, prefix, outcome.Success ? 1 : 0, outcome.Collector);
        }

        builder.Gauge(MetricNames.ScrapeDuration, prefix, snapshot.Duration.TotalSeconds);
        foreach (var sensor in snapshot.Sensors)
        {
            WriteSensor(builder, sensor, prefix);
        }

        WriteDevice(builder, snapshot, prefix);
        WriteSel(builder, snapshot, prefix);
    }

    /// <summary>ipmi_exporter's state value: 0 nominal, 1 warning, 2 critical (non-recoverable too), NaN unavailable.</summary>
    public static double StateValue(SensorStatus status) => status switch
    {
        SensorStatus.Ok => 0,
        SensorStatus.Warning => 1,
        SensorStatus.Critical or SensorStatus.NonRecoverable => 2,
        _ => double.NaN,
    };

    private static void WriteSensor(ExpositionBuilder builder, SensorSample s, IReadOnlyList<string> prefix)
    {
        var id = s.RecordId.ToString(CultureInfo.InvariantCulture);
        var value = s.Value ?? double.NaN;
        var state = StateValue(s.Status);
        switch (s.Unit)
        {
            case "RPM":
                Typed(builder, MetricNames.FanSpeedRpm, MetricNames.FanSpeedState, prefix, id, s.Name, value, state);
                break;
            case "C":
                Typed(builder, MetricNames.Temperature, MetricNames.TemperatureState, prefix, id, s.Name, value, state);
                break;
            case "A":
                Typed(builder, MetricNames.Current, MetricNames.CurrentState, prefix, id, s.Name, value, state);
                break;
            case "V":
                Typed(builder, MetricNames.Voltage, MetricNames.VoltageState, prefix, id, s.Name, value, state);
                break;
            case "W":
                Typed(builder, MetricNames.Power, MetricNames.PowerState, prefix, id, s.Name, value, state);
                break;
            case "%" when s.SensorTypeName == "Fan":
                Typed(builder, MetricNames.FanSpeedRatio, MetricNames.FanSpeedState, prefix, id, s.Name, value / 100.0, state);
                break;
            default:
                builder.Gauge(MetricNames.SensorValue, prefix, value, id, s.Name, s.SensorTypeName);
                builder.Gauge(MetricNames.SensorState, prefix, state, id, s.Name, s.SensorTypeName);
                break;
        }

        WriteSensorExtras(builder, s, prefix, id);
    }

    private static void Typed(ExpositionBuilder builder, MetricNames.Family valueFamily, MetricNames.Family stateFamily, IReadOnlyList<string> prefix, string id, string name, double value, double state)
    {
        builder.Gauge(valueFamily, prefix, value, id, name);
        builder.Gauge(stateFamily, prefix, state, id, name);
    }
}

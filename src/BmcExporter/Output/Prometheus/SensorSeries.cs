using System.Globalization;
using BmcExporter.Config;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Snapshots;

namespace BmcExporter.Output.Prometheus;

/// <summary>A sensor reading's series: the family its <see cref="SensorKind"/> names, then the additions.</summary>
internal static class SensorSeries
{
    /// <summary>ipmi_exporter's state value (FreeIPMI's default interpretation): 0 nominal, 1 warning, 2 critical, NaN "N/A".</summary>
    public static double StateValue(SensorState state) => state switch
    {
        SensorState.Nominal => 0,
        SensorState.Warning => 1,
        SensorState.Critical => 2,
        _ => double.NaN,
    };

    /// <summary>Our own severity (<c>ipmi_sensor_status</c>): 0 ok, 1 warning, 2 critical, 3 non-recoverable, NaN unavailable.</summary>
    public static double StatusValue(SensorStatus status) => status switch
    {
        SensorStatus.Ok => 0,
        SensorStatus.Warning => 1,
        SensorStatus.Critical => 2,
        SensorStatus.NonRecoverable => 3,
        _ => double.NaN,
    };

    /// <summary>The value and state families of a kind; <c>null</c> for the generic families.</summary>
    public static (Family Value, Family State)? FamiliesOf(SensorKind kind) => kind switch
    {
        SensorKind.Temperature => (MetricNames.Temperature, MetricNames.TemperatureState),
        SensorKind.FanSpeed => (MetricNames.FanSpeedRpm, MetricNames.FanSpeedState),
        SensorKind.FanRatio => (MetricNames.FanSpeedRatio, MetricNames.FanSpeedState),
        SensorKind.Voltage => (MetricNames.Voltage, MetricNames.VoltageState),
        SensorKind.Current => (MetricNames.Current, MetricNames.CurrentState),
        SensorKind.Power => (MetricNames.Power, MetricNames.PowerState),
        _ => null,
    };

    public static void Write(SampleSink sink, SensorReading s, OptionalMetrics optional)
    {
        var id = s.SourceId ?? TargetRenderer.Id(s.RecordId);
        var value = s.Value ?? double.NaN;
        if (s.Kind == SensorKind.FanRatio)
        {
            value /= 100.0;
        }

        var state = StateValue(s.State);
        var type = s.SensorType;
        if (FamiliesOf(s.Kind) is var (valueFamily, stateFamily))
        {
            sink.Add(valueFamily, value, id, s.Name);
            sink.Add(stateFamily, state, id, s.Name);
        }
        else
        {
            sink.Add(MetricNames.SensorValue, value, id, s.Name, type);
            sink.Add(MetricNames.SensorState, state, id, s.Name, type);
        }

        if ((optional & OptionalMetrics.SensorInfo) != 0)
        {
            sink.Add(
                MetricNames.SensorInfo,
                1,
                id,
                s.Name,
                type,
                s.EntityName,
                s.EntityInstance.ToString(CultureInfo.InvariantCulture),
                s.UnitAbbreviation,
                s.IsThresholdBased ? "threshold" : "discrete");
        }

        if ((optional & OptionalMetrics.SensorStatus) != 0)
        {
            sink.Add(MetricNames.SensorStatus, StatusValue(s.Status), id, s.Name, type);
        }

        if ((optional & OptionalMetrics.Thresholds) != 0)
        {
            WriteThresholds(sink, s, id, type);
        }

        for (var i = 0; i < s.AssertedStates.Count; i++)
        {
            var name = i < s.StateNames.Count ? s.StateNames[i] : string.Empty;
            sink.Add(MetricNames.SensorStateAsserted, 1, id, s.Name, type, s.AssertedStates[i].ToString(CultureInfo.InvariantCulture), name);
        }
    }

    private static void WriteThresholds(SampleSink sink, SensorReading s, string id, string type)
    {
        var t = s.Thresholds;
        Threshold(sink, s, id, type, "lower_non_recoverable", t.LowerNonRecoverable);
        Threshold(sink, s, id, type, "lower_critical", t.LowerCritical);
        Threshold(sink, s, id, type, "lower_non_critical", t.LowerNonCritical);
        Threshold(sink, s, id, type, "upper_non_critical", t.UpperNonCritical);
        Threshold(sink, s, id, type, "upper_critical", t.UpperCritical);
        Threshold(sink, s, id, type, "upper_non_recoverable", t.UpperNonRecoverable);
    }

    private static void Threshold(SampleSink sink, SensorReading s, string id, string type, string which, double? value)
    {
        if (value is { } v)
        {
            sink.Add(MetricNames.SensorThreshold, v, id, s.Name, type, which);
        }
    }
}

namespace BmcExporter.Config;

/// <summary>
/// Metric families a module adds to the default set (<c>metrics:</c>). Off by default: together they more than
/// double the series of a typical BMC, and none of them is an ipmi_exporter family.
/// </summary>
[Flags]
public enum OptionalMetrics
{
    /// <summary>The default set only.</summary>
    None = 0,

    /// <summary><c>thresholds</c>: <c>ipmi_sensor_threshold</c>, every readable threshold of every threshold sensor.</summary>
    Thresholds = 1,

    /// <summary><c>sensor_info</c>: <c>ipmi_sensor_info</c>, a constant 1 per sensor with its type, entity, unit and reading type.</summary>
    SensorInfo = 2,

    /// <summary><c>sensor_status</c>: <c>ipmi_sensor_status</c>, the severity with non-recoverable told apart (3).</summary>
    SensorStatus = 4,
}

/// <summary>How SDRs that describe several sensors (share count &gt; 1, IPMI v2.0 §43.2) are named (<c>shared_sensor_names:</c>).</summary>
public enum SharedSensorNames
{
    /// <summary><c>expanded</c>: every shared sensor, each with its own name (ID string plus instance), as FreeIPMI <c>--shared-sensors</c>.</summary>
    Expanded,

    /// <summary><c>base</c>: the record as one sensor under its ID string, as ipmi_exporter by default.</summary>
    Base,
}

/// <summary>Config names of <see cref="OptionalMetrics"/> and <see cref="SharedSensorNames"/>.</summary>
public static class ConfigNames
{
    /// <summary>Names accepted in <c>metrics:</c>.</summary>
    public static IReadOnlyDictionary<string, OptionalMetrics> Metrics { get; } = new Dictionary<string, OptionalMetrics>(StringComparer.Ordinal)
    {
        ["thresholds"] = OptionalMetrics.Thresholds,
        ["sensor_info"] = OptionalMetrics.SensorInfo,
        ["sensor_status"] = OptionalMetrics.SensorStatus,
    };

    /// <summary>Values accepted for <c>shared_sensor_names:</c>.</summary>
    public static IReadOnlyDictionary<string, SharedSensorNames> SharedSensors { get; } = new Dictionary<string, SharedSensorNames>(StringComparer.Ordinal)
    {
        ["expanded"] = SharedSensorNames.Expanded,
        ["base"] = SharedSensorNames.Base,
    };
}

namespace BmcExporter.Config;

/// <summary>A metric family a module can add to the default set (<c>metrics:</c>).</summary>
public enum OptionalMetric
{
    /// <summary><c>thresholds</c>: the sensors' threshold values.</summary>
    Thresholds,

    /// <summary><c>sensor_info</c>: one info series per sensor (type, entity, unit).</summary>
    SensorInfo,

    /// <summary><c>sensor_status</c>: the sensors' discrete states.</summary>
    SensorStatus,
}

/// <summary>How SDRs that describe several sensors (share count &gt; 1, IPMI v2.0 §43.2) are named (<c>shared_sensor_names:</c>).</summary>
public enum SharedSensorNames
{
    /// <summary><c>expanded</c>: every shared sensor, each with its own name (ID string plus instance), as FreeIPMI <c>--shared-sensors</c>.</summary>
    Expanded,

    /// <summary><c>base</c>: the record as one sensor under its ID string, as ipmi_exporter by default.</summary>
    Base,
}

/// <summary>Config names of <see cref="OptionalMetric"/> and <see cref="SharedSensorNames"/>.</summary>
public static class ConfigNames
{
    /// <summary>Names accepted in <c>metrics:</c>.</summary>
    public static IReadOnlyDictionary<string, OptionalMetric> Metrics { get; } = new Dictionary<string, OptionalMetric>(StringComparer.Ordinal)
    {
        ["thresholds"] = OptionalMetric.Thresholds,
        ["sensor_info"] = OptionalMetric.SensorInfo,
        ["sensor_status"] = OptionalMetric.SensorStatus,
    };

    /// <summary>Values accepted for <c>shared_sensor_names:</c>.</summary>
    public static IReadOnlyDictionary<string, SharedSensorNames> SharedSensors { get; } = new Dictionary<string, SharedSensorNames>(StringComparer.Ordinal)
    {
        ["expanded"] = SharedSensorNames.Expanded,
        ["base"] = SharedSensorNames.Base,
    };
}

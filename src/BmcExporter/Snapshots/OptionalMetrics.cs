namespace BmcExporter.Snapshots;

/// <summary>
/// Metric families a module adds to the default set (<c>metrics:</c>). Off by default: together they more than
/// double the series of a typical BMC, and none of them is an ipmi_exporter family.
/// </summary>
[Flags]
public enum OptionalMetrics
{
    /// <summary>The default set only.</summary>
    None = 0,

    /// <summary><c>ipmi_sensor_threshold</c>: every readable threshold of every threshold sensor.</summary>
    Thresholds = 1,

    /// <summary><c>ipmi_sensor_info</c>: a constant 1 per sensor with its type, entity, unit and reading type.</summary>
    SensorInfo = 2,

    /// <summary><c>ipmi_sensor_status</c>: the severity with non-recoverable told apart (3); otherwise equal to <c>ipmi_*_state</c>.</summary>
    SensorStatus = 4,
}

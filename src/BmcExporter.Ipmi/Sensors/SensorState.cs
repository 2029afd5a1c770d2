namespace BmcExporter.Ipmi.Sensors;

/// <summary>
/// A sensor's state under FreeIPMI's default interpretation (<see cref="DefaultInterpretation"/>): the value
/// ipmi_exporter exports as <c>ipmi_*_state</c>. Coarser than <see cref="SensorStatus"/>, which keeps our own
/// severity (non-critical crossings are warnings there, nominal here).
/// </summary>
public enum SensorState
{
    /// <summary>"Nominal" (exported 0).</summary>
    Nominal,

    /// <summary>"Warning" (exported 1).</summary>
    Warning,

    /// <summary>"Critical" (exported 2).</summary>
    Critical,

    /// <summary>"N/A": no reading, or a sensor/event type pair FreeIPMI does not interpret (exported NaN).</summary>
    Unknown,
}

namespace BmcExporter.Redfish.Model;

/// <summary>
/// Physical quantity of a reading, from Sensor.ReadingType (or the units when a service leaves it out), or from
/// the legacy Thermal/Power array a value sat in.
/// </summary>
public enum RedfishSensorKind
{
    Other,
    Temperature,

    /// <summary>Fan speed: ReadingType Rotational (RPM), or Percent with a SpeedRPM, or a legacy Thermal fan.</summary>
    Fan,
    Voltage,
    Current,
    Power,
    Energy,
    Frequency,
    Percent,
    Humidity,
    AirFlow,
    Pressure,
}

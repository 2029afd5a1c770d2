using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Sel;

/// <summary>Links system events to the SDR sensors that raised them and converts their trigger values.</summary>
public static class SelEvents
{
    /// <summary>
    /// The sensor an event came from: generator ID byte 1 equals the sensor owner ID, generator LUN the owner
    /// LUN, and the sensor number matches (IPMI v2.0 §32.1, §43.1). Null when the SDR has no such sensor.
    /// </summary>
    public static SdrSensor? FindSensor(SystemEventRecord systemEvent, IEnumerable<SdrSensor> sensors)
    {
        ArgumentNullException.ThrowIfNull(systemEvent);
        ArgumentNullException.ThrowIfNull(sensors);
        SdrSensor? byNumberOnly = null;
        foreach (var sensor in sensors)
        {
            if (sensor.SensorNumber != systemEvent.SensorNumber)
            {
                continue;
            }

            if (sensor.OwnerId == systemEvent.GeneratorAddress && sensor.OwnerLun == systemEvent.GeneratorLun)
            {
                return sensor;
            }

            byNumberOnly ??= sensor.OwnerId == systemEvent.GeneratorAddress ? sensor : null;
        }

        return byNumberOnly;
    }

    /// <summary>
    /// Trigger reading (event data 2) and trigger threshold (event data 3) of a threshold event converted with
    /// the sensor's full record; null where the event does not carry them or the record has no conversion.
    /// </summary>
    public static (double? Reading, double? Threshold) ConvertTriggers(SystemEventRecord systemEvent, FullSensorRecord? full)
    {
        ArgumentNullException.ThrowIfNull(systemEvent);
        if (full is null || !full.HasAnalogReading)
        {
            return (null, null);
        }

        double? reading = systemEvent.TriggerReading is { } r ? full.Convert(r) : null;
        double? threshold = systemEvent.TriggerThreshold is { } t ? full.Convert(t) : null;
        return (reading, threshold);
    }
}

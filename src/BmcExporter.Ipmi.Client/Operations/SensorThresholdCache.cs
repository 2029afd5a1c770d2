using System.Collections.Concurrent;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>
/// Live thresholds per sensor, kept between scrapes so Get Sensor Thresholds is sent once per sensor instead of
/// on every read (thresholds change only when someone sets them). Clear it when the SDR cache is invalidated.
/// A failed Get Sensor Thresholds is remembered too (as "use the SDR values"). Safe for concurrent use.
/// </summary>
public sealed class SensorThresholdCache
{
    private readonly ConcurrentDictionary<SensorKey, SensorThresholdsData?> _entries = new();

    public int Count => _entries.Count;

    public void Clear() => _entries.Clear();

    internal bool TryGet(SdrSensor sensor, out SensorThresholdsData? thresholds)
        => _entries.TryGetValue(SensorKey.Of(sensor), out thresholds);

    internal void Set(SdrSensor sensor, SensorThresholdsData? thresholds) => _entries[SensorKey.Of(sensor)] = thresholds;

    private readonly record struct SensorKey(byte OwnerId, byte OwnerLun, byte Channel, byte SensorNumber)
    {
        public static SensorKey Of(SdrSensor s) => new(s.OwnerId, s.OwnerLun, s.Channel, s.SensorNumber);
    }
}

using BmcExporter.Config.IpmiExporter;
using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary>
/// Warns about module settings that cannot do anything with the module's collectors: a setting for sensors in a
/// module without the sensors collector, <c>sel_events</c> without <c>sel-events</c>, a sensor workaround flag
/// without sensors. Each warning names the key, its line, and what to change.
/// </summary>
internal static class InertSettings
{
    /// <summary>Workaround flags that only change how sensors are read (docs/ipmi-protocol.md §5.1).</summary>
    private static readonly HashSet<string> SensorWorkarounds = new(StringComparer.Ordinal) { "discretereading", "ignorescanningdisabled", "assumebmcowner" };


    public static void Warn(BuildContext c, ModuleSettings m, ModuleConfig config)
    {
        if (!config.HasCollector(CollectorKind.Sensors))
        {
            // Keys that ask for something: an empty list or bridge_sensors: false asks for nothing.
            var sensorKeys = new (string Key, bool Set)[]
            {
                ("sensors", m.Has("sensors")),
                ("exclude_sensor_ids", m.ExcludeSensorIds is { Count: > 0 }),
                ("bridge_sensors", m.BridgeSensors?.Value == true),
                ("shared_sensor_names", m.Has("shared_sensor_names")),
                ("metrics", m.Metrics is { Count: > 0 }),
            };
            foreach (var key in sensorKeys.Where(k => k.Set).Select(k => k.Key))
            {
                c.Warn(m.At(key), $"{key} concerns sensor readings, but module '{config.Name}' does not enable the sensors collector, so it has no effect; add 'sensors' to collectors or remove {key}");
            }

            foreach (var flag in (m.Workarounds ?? []).Concat(m.WorkaroundFlags ?? []).OfType<Located<string>>().SelectMany(FreeIpmiOptions.ListItems)
                .Where(f => SensorWorkarounds.Contains(f.Value.Trim().ToLowerInvariant())))
            {
                c.Warn(flag, $"workaround '{flag.Value}' only changes how sensors are read, but module '{config.Name}' does not enable the sensors collector, so it has no effect");
            }
        }

        if (!config.HasCollector(CollectorKind.SelEvents) && m.SelEvents is { Count: > 0 })
        {
            c.Warn(m.At("sel_events"), $"sel_events feeds the sel-events collector, which module '{config.Name}' does not enable, so it has no effect; add 'sel-events' to collectors or remove sel_events");
        }
    }
}

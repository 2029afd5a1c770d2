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

    private static readonly string[] SensorKeys = ["sensors", "exclude_sensor_ids", "bridge_sensors", "shared_sensor_names", "metrics"];

    public static void Warn(BuildContext c, ModuleSettings m, ModuleConfig config)
    {
        if (!config.HasCollector(CollectorKind.Sensors))
        {
            foreach (var key in SensorKeys.Where(m.Has))
            {
                c.Warn(m.At(key), $"{key} concerns sensor readings, but module '{config.Name}' does not enable the sensors collector, so it has no effect; add 'sensors' to collectors or remove {key}");
            }

            foreach (var flag in (m.Workarounds ?? []).Concat(m.WorkaroundFlags ?? []).OfType<Located<string>>().SelectMany(FreeIpmiOptions.ListItems)
                .Where(f => SensorWorkarounds.Contains(f.Value.Trim().ToLowerInvariant())))
            {
                c.Warn(flag, $"workaround '{flag.Value}' only changes how sensors are read, but module '{config.Name}' does not enable the sensors collector, so it has no effect");
            }
        }

        if (!config.HasCollector(CollectorKind.SelEvents) && m.Has("sel_events"))
        {
            c.Warn(m.At("sel_events"), $"sel_events feeds the sel-events collector, which module '{config.Name}' does not enable, so it has no effect; add 'sel-events' to collectors or remove sel_events");
        }
    }
}

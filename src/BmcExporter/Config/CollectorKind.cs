namespace BmcExporter.Config;

/// <summary>
/// A collector a module can enable (<c>collectors:</c>). Config names in brackets; ipmi_exporter's names
/// are accepted too (<c>ipmi</c> = sensors).
/// </summary>
public enum CollectorKind
{
    /// <summary>Sensor readings, thresholds and states (<c>sensors</c>, ipmi_exporter <c>ipmi</c>).</summary>
    Sensors,

    /// <summary>SEL info and new SEL entries (<c>sel</c>).</summary>
    Sel,

    /// <summary>ipmi_exporter's per-name SEL event counters (<c>sel-events</c>).</summary>
    SelEvents,

    /// <summary>Chassis status (<c>chassis</c>).</summary>
    Chassis,

    /// <summary>BMC device ID (<c>bmc</c>).</summary>
    Bmc,

    /// <summary>BMC watchdog timer (<c>bmc-watchdog</c>).</summary>
    BmcWatchdog,

    /// <summary>DCMI power reading (<c>dcmi</c>).</summary>
    Dcmi,

    /// <summary>FRU identity (<c>fru</c>).</summary>
    Fru,

    /// <summary>Supermicro LAN mode, OEM (<c>sm-lan-mode</c>).</summary>
    SmLanMode,

    /// <summary>Security posture of the IPMI port (<c>security</c>), read once per <see cref="SecurityConfig.Interval"/>.</summary>
    Security,
}

/// <summary>Names of <see cref="CollectorKind"/> values in config files.</summary>
public static class CollectorNames
{
    private static readonly Dictionary<string, CollectorKind> ByName = new(StringComparer.Ordinal)
    {
        ["sensors"] = CollectorKind.Sensors,
        ["ipmi"] = CollectorKind.Sensors,
        ["sel"] = CollectorKind.Sel,
        ["sel-events"] = CollectorKind.SelEvents,
        ["sel_events"] = CollectorKind.SelEvents,
        ["chassis"] = CollectorKind.Chassis,
        ["bmc"] = CollectorKind.Bmc,
        ["bmc-watchdog"] = CollectorKind.BmcWatchdog,
        ["bmc_watchdog"] = CollectorKind.BmcWatchdog,
        ["dcmi"] = CollectorKind.Dcmi,
        ["fru"] = CollectorKind.Fru,
        ["sm-lan-mode"] = CollectorKind.SmLanMode,
        ["sm_lan_mode"] = CollectorKind.SmLanMode,
        ["security"] = CollectorKind.Security,
    };

    /// <summary>The accepted names, for error messages.</summary>
    public static string Accepted => "sensors (or ipmi), sel, sel-events, chassis, bmc, bmc-watchdog, dcmi, fru, sm-lan-mode, security";

    /// <summary>Parses a config name; <c>false</c> when unknown.</summary>
    public static bool TryParse(string name, out CollectorKind kind) => ByName.TryGetValue(name, out kind);

    /// <summary>The canonical config name of <paramref name="kind"/>.</summary>
    public static string Name(CollectorKind kind) => kind switch
    {
        CollectorKind.Sensors => "sensors",
        CollectorKind.Sel => "sel",
        CollectorKind.SelEvents => "sel-events",
        CollectorKind.Chassis => "chassis",
        CollectorKind.Bmc => "bmc",
        CollectorKind.BmcWatchdog => "bmc-watchdog",
        CollectorKind.Dcmi => "dcmi",
        CollectorKind.Fru => "fru",
        CollectorKind.SmLanMode => "sm-lan-mode",
        CollectorKind.Security => "security",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown collector"),
    };
}

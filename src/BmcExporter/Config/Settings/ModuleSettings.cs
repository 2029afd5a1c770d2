using BmcExporter.Config.Yaml;
using YamlDotNet.Serialization;

namespace BmcExporter.Config.Settings;

/// <summary>
/// One <c>modules.NAME:</c> mapping as written: bmc-exporter's keys and prometheus ipmi_exporter's. A module
/// "written for ipmi_exporter" (in an ipmi_exporter file, or using one of its own keys) gets ipmi_exporter's
/// meaning where the two differ: <c>timeout</c> in milliseconds, its default collectors, FreeIPMI's default
/// privilege, base names for shared sensors, and any target allowed.
/// </summary>
internal sealed class ModuleSettings : SettingsNode
{
    /// <summary>Keys both exporters read.</summary>
    private static readonly string[] SharedKeys = ["user", "privilege", "timeout", "collectors", "sel_events"];

    /// <summary>Keys only ipmi_exporter has.</summary>
    private static readonly string[] IpmiExporterKeys = ["pass", "driver", "exclude_sensor_ids", "workaround_flags", "collector_cmd", "default_args", "custom_args"];

    public Located<string>? User { get; set; }

    public Located<string>? Password { get; set; }

    public Located<string>? PasswordFile { get; set; }

    public Located<string>? PasswordEnv { get; set; }

    public Located<string>? KgFile { get; set; }

    public Located<string>? KgEnv { get; set; }

    public Located<string>? KgHex { get; set; }

    public Located<string>? Privilege { get; set; }

    public List<Located<int>?>? CipherSuites { get; set; }

    [YamlMember(Alias = "allow_cipher_suite_0")]
    public Located<bool>? AllowCipherSuite0 { get; set; }

    /// <summary>A duration; a plain number is seconds, or milliseconds in a module written for ipmi_exporter.</summary>
    public Located<string>? Timeout { get; set; }

    public Located<int>? Retries { get; set; }

    public Located<string>? SessionKeepalive { get; set; }

    public Located<string>? Interval { get; set; }

    public List<Located<string>?>? Collectors { get; set; }

    public SensorSettings? Sensors { get; set; }

    public Located<bool>? BridgeSensors { get; set; }

    public List<Located<string>?>? Workarounds { get; set; }

    public List<SelEventSettings?>? SelEvents { get; set; }

    public LocatedMap<Located<string>>? Labels { get; set; }

    public List<Located<string>?>? Metrics { get; set; }

    public Located<bool>? ServeFromCache { get; set; }

    public List<Located<string>?>? AllowedTargets { get; set; }

    public Located<bool>? AllowAnyTarget { get; set; }

    public Located<string>? SharedSensorNames { get; set; }

    /// <summary>ipmi_exporter: the password, inline.</summary>
    public Located<string>? Pass { get; set; }

    /// <summary>ipmi_exporter: FreeIPMI's driver type.</summary>
    public Located<string>? Driver { get; set; }

    /// <summary>ipmi_exporter: SDR record IDs left out.</summary>
    public List<Located<int>?>? ExcludeSensorIds { get; set; }

    /// <summary>ipmi_exporter: the same as <c>workarounds</c>.</summary>
    public List<Located<string>?>? WorkaroundFlags { get; set; }

    /// <summary>ipmi_exporter: the program run per collector.</summary>
    public LocatedMap<Located<string>>? CollectorCmd { get; set; }

    /// <summary>ipmi_exporter: replaces its own FreeIPMI arguments per collector.</summary>
    public LocatedMap<ArgList>? DefaultArgs { get; set; }

    /// <summary>ipmi_exporter: FreeIPMI arguments per collector.</summary>
    public LocatedMap<ArgList>? CustomArgs { get; set; }

    public bool HasIpmiExporterKeys => KeyMarks.Keys.Any(IpmiExporterKeys.Contains);

    public bool HasNativeOnlyKeys => KeyMarks.Keys.Any(k => !SharedKeys.Contains(k) && !IpmiExporterKeys.Contains(k));

    /// <summary>Builds the module; <paramref name="peer"/> when it is written for ipmi_exporter.</summary>
    public ModuleConfig Build(string name, BuildContext c, bool peer) => new ModuleBuilder(this, name, c, peer).Build();
}

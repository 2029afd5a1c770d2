using BmcExporter.Config.Yaml;
using YamlDotNet.Serialization;

namespace BmcExporter.Config.Settings;

/// <summary>
/// One <c>modules.NAME:</c> mapping as written: bmc-exporter's keys, then prometheus ipmi_exporter's own. A module
/// "written for ipmi_exporter" (in an ipmi_exporter file, or using one of its own keys) gets ipmi_exporter's
/// meaning where the two differ (see docs/configuration.md).
/// </summary>
internal sealed class ModuleSettings : SettingsNode
{
    private static readonly string[] SharedKeys = ["user", "privilege", "timeout", "collectors", "sel_events"];
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
    public SecuritySettings? Security { get; set; }
    public Located<string>? Protocol { get; set; }
    public RedfishSettings? Redfish { get; set; }

    // ipmi_exporter's own keys.
    public Located<string>? Pass { get; set; }
    public Located<string>? Driver { get; set; }
    public List<Located<int>?>? ExcludeSensorIds { get; set; }
    public List<Located<string>?>? WorkaroundFlags { get; set; }
    public LocatedMap<Located<string>>? CollectorCmd { get; set; }
    public LocatedMap<ArgList>? DefaultArgs { get; set; }
    public LocatedMap<ArgList>? CustomArgs { get; set; }

    public bool HasIpmiExporterKeys => KeyMarks.Keys.Any(IpmiExporterKeys.Contains);

    public bool HasNativeOnlyKeys => KeyMarks.Keys.Any(k => !SharedKeys.Contains(k) && !IpmiExporterKeys.Contains(k));

    /// <summary>Builds the module; <paramref name="peer"/> when it is written for ipmi_exporter.</summary>
    public ModuleConfig Build(string name, BuildContext c, bool peer) => new ModuleBuilder(this, name, c, peer).Build();
}

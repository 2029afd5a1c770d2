using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.IpmiExporter;

/// <summary>
/// What a module's <c>custom_args</c> ask for. ipmi_exporter puts them on the command line of the FreeIPMI program
/// of each collector, where they beat the module's keys; here one session serves every collector, so the
/// session options apply to the whole module (the first collector's value wins if two differ) and the sensor
/// options to the sensors (ipmi) collector.
/// </summary>
internal sealed class FreeIpmiOptions
{
    /// <summary><c>-I</c>/<c>--cipher-suite-id</c>.</summary>
    public Located<string>? CipherSuite { get; set; }

    /// <summary><c>-l</c>/<c>--privilege-level</c>.</summary>
    public Located<string>? Privilege { get; set; }

    /// <summary><c>-D</c>/<c>--driver-type</c>.</summary>
    public Located<string>? Driver { get; set; }

    /// <summary><c>-u</c>/<c>--username</c>.</summary>
    public Located<string>? User { get; set; }

    /// <summary><c>-p</c>/<c>--password</c> (a secret: never echoed).</summary>
    public Located<string>? Password { get; set; }

    /// <summary><c>-k</c>/<c>--k-g</c>: K_g as text, or hex after <c>0x</c> (a secret: never echoed).</summary>
    public Located<string>? Kg { get; set; }

    /// <summary><c>--session-timeout</c> in milliseconds, as the module's ipmi_exporter <c>timeout</c>.</summary>
    public Located<string>? SessionTimeout { get; set; }

    /// <summary><c>-W</c>/<c>--workaround-flags</c>, one item per flag.</summary>
    public List<Located<string>> Workarounds { get; } = [];

    /// <summary><c>-b</c>/<c>--bridge-sensors</c>.</summary>
    public bool BridgeSensors { get; set; }

    /// <summary><c>-t</c>/<c>--sensor-types</c> of the ipmi collector.</summary>
    public Located<string>? SensorTypes { get; set; }

    /// <summary><c>-T</c>/<c>--exclude-sensor-types</c> of the ipmi collector.</summary>
    public Located<string>? ExcludeSensorTypes { get; set; }

    /// <summary><c>-r</c>/<c>--record-ids</c> of the ipmi collector.</summary>
    public Located<string>? RecordIds { get; set; }

    /// <summary><c>-R</c>/<c>--exclude-record-ids</c> of the ipmi collector.</summary>
    public Located<string>? ExcludeRecordIds { get; set; }

    /// <summary><c>--ignore-not-available-sensors</c> of the ipmi collector.</summary>
    public bool IgnoreNotAvailable { get; set; }

    /// <summary><c>--shared-sensors</c> of the ipmi collector.</summary>
    public bool SharedSensors { get; set; }

    /// <summary>Splits a FreeIPMI list value (<c>-W a,b</c>, <c>-t "fan temperature"</c>) at commas and spaces.</summary>
    public static IEnumerable<Located<string>> ListItems(Located<string> value) =>
        value.Value.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(v => value with { Value = v });
}

using System.Text;
using System.Text.RegularExpressions;
using BmcExporter.Config.IpmiExporter;
using BmcExporter.Config.Yaml;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Config.Settings;

/// <summary>Checks one module's settings (and its custom_args, which beat them) and builds its <see cref="ModuleConfig"/>.</summary>
internal sealed class ModuleBuilder(ModuleSettings m, string name, BuildContext c, bool peer)
{
    private static readonly int[] ValidCipherSuites = [0, 1, 2, 3, 15, 16, 17];
    private static readonly CollectorKind[] PeerDefaultCollectors = [CollectorKind.Sensors, CollectorKind.Dcmi, CollectorKind.Bmc, CollectorKind.Chassis];

    // FreeIPMI's driver names (common/parsecommon): LAN_2_0 has four other spellings, ipmitool's lanplus among them.
    private static readonly string[] Lan20 = ["lan_2_0", "lan20", "lan_20", "lan2_0", "lanplus"];
    private static readonly string[] InBand = ["kcs", "ssif", "openipmi", "open", "sunbmc", "bmc", "inteldcmi"];

    private static readonly Dictionary<string, PrivilegeLevel> Privileges = new(StringComparer.OrdinalIgnoreCase)
    {
        ["user"] = PrivilegeLevel.User,
        ["operator"] = PrivilegeLevel.Operator,
        ["admin"] = PrivilegeLevel.Administrator,
        ["administrator"] = PrivilegeLevel.Administrator,
    };

    public ModuleConfig Build()
    {
        var protocol = RedfishSettings.Protocol(c, m.Protocol);
        var collectors = m.Collectors is null ? (protocol != ModuleProtocol.Ipmi ? ModuleConfig.RedfishCollectors : peer ? PeerDefaultCollectors : ModuleConfig.DefaultCollectors)
            : c.Each(m.Collectors, m.At("collectors"), i => !CollectorNames.TryParse(i.Value, out var kind)
                ? c.Fail<CollectorKind>(i, $"'{i.Value}' is not a collector (known: {CollectorNames.Accepted})")
                : protocol != ModuleProtocol.Ipmi && !ModuleConfig.RedfishCollectors.Contains(kind)
                ? c.Fail<CollectorKind>(i, $"collector '{i.Value}' is IPMI-only, and protocol {m.Protocol!.Value} reads over Redfish (served there: {string.Join(", ", ModuleConfig.RedfishCollectors.Select(CollectorNames.Name))})")
                : (true, kind), "collector '{0}'");
        var args = CustomArgs.Read(c, m.CustomArgs, collectors);
        WarnProgramSettings();
        CheckDriver(m.Driver);
        CheckDriver(args["driver-type"]);
        var retries = c.Int(m.Retries, 3, 0, 10);
        var allowed = c.Each(m.AllowedTargets, m.At("allowed_targets"), i => TargetPattern.TryParse(i.Value, out var p, out var why) ? (true, p!) : c.Fail<TargetPattern>(i, why));
        if (m.AllowAnyTarget?.Value == true && allowed.Count > 0)
        {
            c.Warn(m.At("allowed_targets"), "allow_any_target: true lets /ipmi probe any host, so allowed_targets has no effect");
        }

        var config = new ModuleConfig
        {
            Name = name,
            Protocol = protocol,
            Redfish = RedfishSettings.Build(c, m.Redfish, protocol, m),
            User = ReadUser(Override(m.User, args["username"]), protocol),
            Password = Credentials.Password(c, m, args["password"], ipmiLimit: protocol != ModuleProtocol.Redfish),
            Kg = Credentials.Kg(c, m, args["k-g"]),
            Privilege = ReadPrivilege(Override(m.Privilege, args["privilege-level"])),
            CipherSuites = ReadCipherSuites(args["cipher-suite-id"]),
            AllowCipherSuite0 = m.AllowCipherSuite0?.Value ?? false,
            Timeout = ModuleTimeout.Read(c, args["session-timeout"] ?? m.Timeout, peer || args["session-timeout"] is not null, retries),
            Retries = retries,
            SessionKeepalive = c.Duration(m.SessionKeepalive, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
            Interval = m.Interval is null ? null : c.Duration(m.Interval, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)),
            Collectors = collectors,
            Sensors = (m.Sensors ?? new SensorSettings { Path = ConfigPath.Child(m.Path, "sensors"), Start = m.Start })
                .Build(c, c.Items(m.ExcludeSensorIds, m.At("exclude_sensor_ids")), args, peer),
            BridgeSensors = (m.BridgeSensors?.Value ?? false) || args.Switches.Contains("bridge-sensors"),
            Workarounds = WorkaroundList.Build(c, [.. m.Workarounds ?? [], .. m.WorkaroundFlags ?? [], .. args.Workarounds]),
            SelEvents = c.Each(m.SelEvents, m.At("sel_events"), e => e.Build(c)),
            Labels = c.Labels(m.Labels),
            Metrics = c.Each(m.Metrics, m.At("metrics"), i => ConfigNames.Metrics.TryGetValue(i.Value, out var metric) ? (true, metric)
                : c.Fail<OptionalMetrics>(i, $"'{i.Value}' is not an optional metric family (known: {string.Join(", ", ConfigNames.Metrics.Keys)})"), "metric family '{0}'")
                .Aggregate(OptionalMetrics.None, static (all, one) => all | one),
            ServeFromCache = m.ServeFromCache?.Value ?? true,
            AllowedTargets = allowed,
            AllowAnyTarget = m.AllowAnyTarget?.Value ?? (peer && allowed.Count == 0),
            SharedSensorNames = args.Switches.Contains("shared-sensors") ? SharedSensorNames.Expanded
                : c.Choice(m.SharedSensorNames, peer ? SharedSensorNames.Base : SharedSensorNames.Expanded, ConfigNames.SharedSensors),
            Security = m.Security?.Build(c) ?? SecurityConfig.Default,
        };

        if (config.CipherSuites.Contains(0) && !config.AllowCipherSuite0)
        {
            c.Error(args["cipher-suite-id"] ?? (ILocated)m.At("cipher_suites"), "cipher suite 0 logs in without authentication or encryption; set allow_cipher_suite_0: true to permit it");
        }

        if (peer && !m.Has("user") && !m.Has("pass") && args["username"] is null && args["password"] is null)
        {
            c.Warn(m, "no user or password: ipmi_exporter would read the local BMC in-band; bmc-exporter only speaks IPMI over the LAN and logs in as the anonymous user");
        }

        InertSettings.Warn(c, m, config);
        return config;
    }

    /// <summary>A regex from the file: .NET syntax, checked at load time, matched with a 100 ms limit.</summary>
    public static Regex? CompileRegex(BuildContext c, Located<string> pattern)
    {
        try
        {
            // ipmi_exporter's patterns are Go RE2, whose named groups (?P<name>...) .NET writes (?<name>...).
            return new Regex(pattern.Value.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException ex)
        {
            c.Error(pattern, $"'{pattern.Value}' is not a valid regular expression: {ex.Message}");
            return null;
        }
    }

    /// <summary>A custom_args option beats the module's key, as FreeIPMI's command line beats its config file.</summary>
    private Located<string>? Override(Located<string>? key, Located<string>? option)
    {
        if (key is not null && option is not null && !string.Equals(key.Value, option.Value, StringComparison.OrdinalIgnoreCase))
        {
            c.Warn(option, $"replaces {key.Path} ('{key.Value}'), as in ipmi_exporter (FreeIPMI options beat its config file)");
        }

        return option ?? key;
    }

    private void CheckDriver(Located<string>? driver)
    {
        var lower = driver?.Value.Trim().ToLowerInvariant();
        if (driver is null || Lan20.Contains(lower))
        {
            return;
        }

        if (lower != "lan" && !InBand.Contains(lower))
        {
            c.Error(driver, $"'{driver.Value}' is not a FreeIPMI driver (LAN_2_0 or lan20/lanplus, LAN, KCS, SSIF, OPENIPMI, SUNBMC, INTELDCMI)");
            return;
        }

        c.Warn(driver, lower == "lan" ? "driver LAN is IPMI 1.5, which bmc-exporter does not speak; it uses IPMI 2.0 (LAN_2_0, RMCP+), which the BMC must offer"
            : $"driver {driver.Value} reads the local BMC in-band; bmc-exporter only speaks IPMI over the LAN (LAN_2_0), which is used");
    }

    /// <summary>IPMI v2.0 §13.20 (RAKP Message 1): the user name is at most 16 bytes (Redfish has no such limit; auto may fall back to IPMI).</summary>
    private string ReadUser(Located<string>? user, ModuleProtocol protocol) =>
        user is null ? string.Empty : protocol == ModuleProtocol.Redfish || Encoding.UTF8.GetByteCount(user.Value) <= 16 ? user.Value
        : c.Reject(user, $"user name is {Encoding.UTF8.GetByteCount(user.Value)} bytes; IPMI allows at most 16", string.Empty);

    /// <summary>FreeIPMI requests OPERATOR when no level is given, and ipmi_exporter files rely on that.</summary>
    private PrivilegeLevel ReadPrivilege(Located<string>? privilege) =>
        privilege is null ? (peer ? PrivilegeLevel.Operator : PrivilegeLevel.User)
        : Privileges.TryGetValue(privilege.Value.Trim(), out var level) ? level
        : c.Reject(privilege, $"'{privilege.Value}' is not one of user, operator, admin", PrivilegeLevel.User);

    private IReadOnlyList<int> ReadCipherSuites(Located<string>? option)
    {
        // FreeIPMI also has the HMAC-MD5 suites 6-8, 11 and 12, which bmc-exporter's client does not implement.
        if (option is not null)
        {
            return YamlNumbers.TryParseInt(option.Value, out var id) && ValidCipherSuites.Contains(id) ? [id]
                : c.Reject(option, $"cipher suite '{option.Value}' is not one bmc-exporter supports ({string.Join(", ", ValidCipherSuites)})", ModuleConfig.DefaultCipherSuites);
        }

        var suites = new List<int>();
        foreach (var suite in c.Items(m.CipherSuites, m.At("cipher_suites")))
        {
            if (!ValidCipherSuites.Contains(suite.Value) || suites.Contains(suite.Value))
            {
                c.Error(suite, suites.Contains(suite.Value) ? $"cipher suite {suite.Value} is listed twice" : $"cipher suite {suite.Value} is not one of {string.Join(", ", ValidCipherSuites)}");
            }
            else
            {
                suites.Add(suite.Value);
            }
        }

        return m.CipherSuites is { Count: 0 } ? c.Reject(m.At("cipher_suites"), "must list at least one cipher suite", ModuleConfig.DefaultCipherSuites)
            : suites.Count > 0 ? suites : ModuleConfig.DefaultCipherSuites;
    }

    private void WarnProgramSettings()
    {
        foreach (var (collector, _) in m.CollectorCmd ?? [])
        {
            c.Warn(collector, "collector_cmd names a program for ipmi_exporter to run; bmc-exporter speaks IPMI itself, so it has no effect");
        }

        foreach (var (collector, _) in m.DefaultArgs ?? [])
        {
            c.Warn(collector, "default_args replace the FreeIPMI arguments ipmi_exporter passes; bmc-exporter runs no FreeIPMI program, so they have no effect (use custom_args or the module's keys for session options)");
        }
    }
}

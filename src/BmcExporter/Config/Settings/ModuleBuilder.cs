using System.Text;
using BmcExporter.Config.IpmiExporter;
using BmcExporter.Config.Yaml;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Config.Settings;

/// <summary>Checks one module's settings and builds its <see cref="ModuleConfig"/>.</summary>
internal sealed class ModuleBuilder(ModuleSettings m, string name, BuildContext c, bool peer)
{
    private static readonly int[] ValidCipherSuites = [0, 1, 2, 3, 15, 16, 17];

    private static readonly IReadOnlyList<CollectorKind> PeerDefaultCollectors =
        [CollectorKind.Sensors, CollectorKind.Dcmi, CollectorKind.Bmc, CollectorKind.Chassis];

    private static readonly Dictionary<string, PrivilegeLevel> Privileges = new(StringComparer.OrdinalIgnoreCase)
    {
        ["user"] = PrivilegeLevel.User,
        ["operator"] = PrivilegeLevel.Operator,
        ["admin"] = PrivilegeLevel.Administrator,
        ["administrator"] = PrivilegeLevel.Administrator,
    };

    public ModuleConfig Build()
    {
        var collectors = ReadCollectors();
        var args = CustomArgs.Read(c, m.CustomArgs, collectors);
        WarnProgramSettings();
        FreeIpmiDrivers.Check(c, m.Driver);
        FreeIpmiDrivers.Check(c, args.Driver);
        var retries = c.Int(m.Retries, 3, 0, 10);
        var config = new ModuleConfig
        {
            Name = name,
            User = ReadUser(Override(m.User, args.User)),
            Password = Credentials.Password(c, m, args.Password),
            Kg = Credentials.Kg(c, m, args.Kg),
            Privilege = ReadPrivilege(Override(m.Privilege, args.Privilege)),
            CipherSuites = ReadCipherSuites(args.CipherSuite),
            AllowCipherSuite0 = m.AllowCipherSuite0?.Value ?? false,
            Timeout = ModuleTimeout.Read(c, args.SessionTimeout ?? m.Timeout, peer || args.SessionTimeout is not null, retries),
            Retries = retries,
            SessionKeepalive = c.Duration(m.SessionKeepalive, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
            Interval = m.Interval is null ? null : c.Duration(m.Interval, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)),
            Collectors = collectors,
            Sensors = (m.Sensors ?? new SensorSettings { Path = ConfigPath.Child(m.Path, "sensors"), Start = m.Start }).Build(c, c.Items(m.ExcludeSensorIds, m.At("exclude_sensor_ids")), args),
            BridgeSensors = (m.BridgeSensors?.Value ?? false) || args.BridgeSensors,
            Workarounds = WorkaroundList.Build(c, [.. m.Workarounds ?? [], .. m.WorkaroundFlags ?? [], .. args.Workarounds]),
            SelEvents = [.. c.Items(m.SelEvents, m.At("sel_events")).Select(e => e.Build(c)).OfType<SelEventMatcher>()],
            Labels = LabelSettings.Build(c, m.Labels),
            Metrics = ReadMetrics(),
            ServeFromCache = m.ServeFromCache?.Value ?? true,
            AllowedTargets = ReadAllowedTargets(),
            AllowAnyTarget = m.AllowAnyTarget?.Value ?? (peer && m.AllowedTargets is not { Count: > 0 }),
            SharedSensorNames = args.SharedSensors ? SharedSensorNames.Expanded
                : c.Choice(m.SharedSensorNames, peer ? SharedSensorNames.Base : SharedSensorNames.Expanded, ConfigNames.SharedSensors),
        };

        if (config.CipherSuites.Contains(0) && !config.AllowCipherSuite0)
        {
            c.Error(args.CipherSuite ?? (ILocated)m.At("cipher_suites"), "cipher suite 0 logs in without authentication or encryption; set allow_cipher_suite_0: true to permit it");
        }

        if (peer && !m.Has("user") && !m.Has("pass") && args.User is null && args.Password is null)
        {
            c.Warn(m, "no user or password: ipmi_exporter would read the local BMC in-band; bmc-exporter only speaks IPMI over the LAN and logs in as the anonymous user");
        }

        return config;
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

    private IReadOnlyList<CollectorKind> ReadCollectors()
    {
        if (m.Collectors is null)
        {
            return peer ? PeerDefaultCollectors : ModuleConfig.DefaultCollectors;
        }

        var kinds = new List<CollectorKind>();
        foreach (var item in c.Items(m.Collectors, m.At("collectors")))
        {
            if (!CollectorNames.TryParse(item.Value, out var kind))
            {
                c.Error(item, $"'{item.Value}' is not a collector (known: {CollectorNames.Accepted})");
            }
            else if (kinds.Contains(kind))
            {
                c.Warn(item, $"collector '{item.Value}' is listed twice");
            }
            else
            {
                kinds.Add(kind);
            }
        }

        return kinds;
    }

    private string ReadUser(Located<string>? user)
    {
        // IPMI v2.0 §13.20 (RAKP Message 1): the user name is at most 16 bytes.
        if (user is not null && Encoding.UTF8.GetByteCount(user.Value) > 16)
        {
            c.Error(user, $"user name is {Encoding.UTF8.GetByteCount(user.Value)} bytes; IPMI allows at most 16");
            return string.Empty;
        }

        return user?.Value ?? string.Empty;
    }

    private PrivilegeLevel ReadPrivilege(Located<string>? privilege)
    {
        // FreeIPMI requests OPERATOR when no level is given; ipmi_exporter files rely on that.
        var fallback = peer ? PrivilegeLevel.Operator : PrivilegeLevel.User;
        if (privilege is null || Privileges.TryGetValue(privilege.Value.Trim(), out fallback))
        {
            return fallback;
        }

        c.Error(privilege, $"'{privilege.Value}' is not one of user, operator, admin");
        return PrivilegeLevel.User;
    }

    private IReadOnlyList<int> ReadCipherSuites(Located<string>? option)
    {
        if (option is not null)
        {
            // FreeIPMI also has the HMAC-MD5 suites 6-8 and 11-12, which bmc-exporter's client does not implement.
            if (YamlNumbers.TryParseInt(option.Value, out var id) && ValidCipherSuites.Contains(id))
            {
                return [id];
            }

            c.Error(option, $"cipher suite '{option.Value}' is not one bmc-exporter supports ({string.Join(", ", ValidCipherSuites)})");
            return ModuleConfig.DefaultCipherSuites;
        }

        if (m.CipherSuites is null)
        {
            return ModuleConfig.DefaultCipherSuites;
        }

        var suites = new List<int>();
        foreach (var item in c.Items(m.CipherSuites, m.At("cipher_suites")))
        {
            if (!ValidCipherSuites.Contains(item.Value))
            {
                c.Error(item, $"cipher suite {item.Value} is not one of {string.Join(", ", ValidCipherSuites)}");
            }
            else if (suites.Contains(item.Value))
            {
                c.Error(item, $"cipher suite {item.Value} is listed twice");
            }
            else
            {
                suites.Add(item.Value);
            }
        }

        if (m.CipherSuites.Count == 0)
        {
            c.Error(m.At("cipher_suites"), "must list at least one cipher suite");
        }

        return suites.Count > 0 ? suites : ModuleConfig.DefaultCipherSuites;
    }

    private HashSet<OptionalMetric> ReadMetrics()
    {
        var metrics = new HashSet<OptionalMetric>();
        foreach (var item in c.Items(m.Metrics, m.At("metrics")))
        {
            if (!ConfigNames.Metrics.TryGetValue(item.Value, out var metric))
            {
                c.Error(item, $"'{item.Value}' is not an optional metric family (known: {string.Join(", ", ConfigNames.Metrics.Keys)})");
            }
            else if (!metrics.Add(metric))
            {
                c.Warn(item, $"metric family '{item.Value}' is listed twice");
            }
        }

        return metrics;
    }

    private List<TargetPattern> ReadAllowedTargets()
    {
        var patterns = new List<TargetPattern>();
        foreach (var item in c.Items(m.AllowedTargets, m.At("allowed_targets")))
        {
            if (TargetPattern.TryParse(item.Value, out var pattern, out var why))
            {
                patterns.Add(pattern!);
            }
            else
            {
                c.Error(item, why);
            }
        }

        if (m.AllowAnyTarget?.Value == true && patterns.Count > 0)
        {
            c.Warn(m.At("allowed_targets"), "allow_any_target: true lets /ipmi probe any host, so allowed_targets has no effect");
        }

        return patterns;
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

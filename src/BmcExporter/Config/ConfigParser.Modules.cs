using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace BmcExporter.Config;

/// <summary><c>modules:</c> — credentials, session settings, collectors, sensor filters.</summary>
internal sealed partial class ConfigParser
{
    private static readonly string[] NativeModuleKeys =
    [
        "user", "password", "password_file", "password_env", "kg_file", "kg_env", "kg_hex", "privilege",
        "cipher_suites", "allow_cipher_suite_0", "timeout", "retries", "session_keepalive", "interval",
        "collectors", "sensors", "bridge_sensors", "workarounds", "labels", "sel_events",
    ];

    private static readonly HashSet<string> IpmiExporterModuleKeys =
    [
        "user", "pass", "privilege", "driver", "timeout", "collectors", "exclude_sensor_ids", "workaround_flags",
        "collector_cmd", "default_args", "custom_args", "sel_events",
    ];

    private static readonly string[] AllModuleKeys = [.. NativeModuleKeys.Union(IpmiExporterModuleKeys)];
    private static readonly string[] SensorKeys = ["include", "exclude", "exclude_types", "exclude_record_ids"];
    private static readonly int[] ValidCipherSuites = [0, 1, 2, 3, 15, 16, 17];

    private Dictionary<string, ModuleConfig> ReadModules(YamlNode node, string path)
    {
        var modules = new Dictionary<string, ModuleConfig>(StringComparer.Ordinal);
        var map = ReadMap(node, path);
        if (map is not null)
        {
            foreach (var (keyNode, value) in map.Children)
            {
                var name = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                var p = Join(path, name);
                if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                {
                    Error(keyNode, p, $"module name '{name}' may hold only letters, digits, '_', '-' and '.'");
                    continue;
                }

                var module = ReadModule(name, value, p);
                if (module is not null)
                {
                    modules[name] = module;
                }
            }
        }

        if (!modules.ContainsKey(ExporterConfig.DefaultModuleName))
        {
            modules[ExporterConfig.DefaultModuleName] = ModuleConfig.Unauthenticated;
        }

        return modules;
    }

    private ModuleConfig? ReadModule(string name, YamlNode node, string path)
    {
        var map = ReadMap(node, path);
        if (map is null)
        {
            return null;
        }

        var m = new ModuleConfig
        {
            Name = name,
            Collectors = IpmiExporterFormat
                ? [CollectorKind.Sensors, CollectorKind.Dcmi, CollectorKind.Bmc, CollectorKind.Chassis]
                : ModuleConfig.DefaultCollectors,
        };
        var secrets = new SecretSources();
        var cipherSuitesNode = (YamlNode?)null;
        var workarounds = new HashSet<string>(StringComparer.Ordinal);
        var excludeIds = new HashSet<int>();
        var sensors = SensorFilter.All;
        foreach (var (key, value) in Entries(map, path, AllModuleKeys))
        {
            var p = Join(path, key);
            switch (key)
            {
                case "user":
                    m = m with { User = ReadUser(value, p) ?? string.Empty };
                    break;
                case "password" or "pass" or "password_file" or "password_env":
                    secrets.AddPassword(key, value);
                    break;
                case "kg_file" or "kg_env" or "kg_hex":
                    secrets.AddKg(key, value);
                    break;
                case "privilege":
                    m = m with { Privilege = ReadPrivilege(value, p) ?? m.Privilege };
                    break;
                case "cipher_suites":
                    cipherSuitesNode = value;
                    m = m with { CipherSuites = ReadCipherSuites(value, p) ?? m.CipherSuites };
                    break;
                case "allow_cipher_suite_0":
                    m = m with { AllowCipherSuite0 = ReadBool(value, p) ?? false };
                    break;
                case "timeout":
                    m = m with { Timeout = ReadModuleTimeout(value, p) ?? m.Timeout };
                    break;
                case "retries":
                    m = m with { Retries = ReadInt(value, p, 0, 10) ?? m.Retries };
                    break;
                case "session_keepalive":
                    m = m with { SessionKeepalive = ReadDuration(value, p, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), TimeSpan.FromSeconds(1)) ?? m.SessionKeepalive };
                    break;
                case "interval":
                    m = m with { Interval = ReadDuration(value, p, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24), TimeSpan.FromSeconds(1)) };
                    break;
                case "collectors":
                    m = m with { Collectors = ReadCollectors(value, p) ?? m.Collectors };
                    break;
                case "sensors":
                    sensors = ReadSensorFilter(value, p);
                    break;
                case "bridge_sensors":
                    m = m with { BridgeSensors = ReadBool(value, p) ?? false };
                    break;
                case "workarounds" or "workaround_flags":
                    ReadWorkarounds(value, p, workarounds);
                    break;
                case "labels":
                    m = m with { Labels = ReadLabels(value, p) ?? m.Labels };
                    break;
                case "exclude_sensor_ids":
                    foreach (var id in ReadIntList(value, p, 0, 65_535))
                    {
                        excludeIds.Add(id);
                    }

                    break;
                case "sel_events":
                    m = m with { SelEvents = ReadSelEvents(value, p) };
                    break;
                case "driver":
                    ReadDriver(value, p);
                    break;
                case "collector_cmd" or "default_args":
                    Warn(value, p, "ipmi_exporter runs FreeIPMI programs; bmc-exporter speaks IPMI itself, so this setting has no meaning here and is ignored");
                    break;
                case "custom_args":
                    m = ApplyCustomArgs(m, value, p, workarounds);
                    break;
            }
        }

        if (excludeIds.Count > 0)
        {
            sensors = sensors with { ExcludeRecordIds = new HashSet<int>(sensors.ExcludeRecordIds.Concat(excludeIds)) };
        }

        m = m with
        {
            Sensors = sensors,
            Workarounds = workarounds,
            Password = secrets.ResolvePassword(this, path) ?? Secret.Empty,
            Kg = secrets.ResolveKg(this, path),
        };

        if (m.CipherSuites.Contains(0) && !m.AllowCipherSuite0)
        {
            Error(cipherSuitesNode ?? map, Join(path, "cipher_suites"),
                "cipher suite 0 logs in without authentication or encryption; set allow_cipher_suite_0: true to permit it");
        }

        if (IpmiExporterFormat && m.User.Length == 0 && m.Password.Length == 0)
        {
            Warn(map, path, "no user or password: ipmi_exporter would read the local BMC in-band; bmc-exporter only speaks IPMI over LAN and will log in as the anonymous user");
        }

        return m;
    }

    private string? ReadUser(YamlNode node, string path)
    {
        var s = ReadString(node, path, allowEmpty: true);
        if (s is not null && Encoding.UTF8.GetByteCount(s) > 16)
        {
            // IPMI v2.0 §13.20 (RAKP Message 1): the user name is at most 16 bytes.
            Error(node, path, $"user name is {Encoding.UTF8.GetByteCount(s)} bytes; IPMI allows at most 16");
            return null;
        }

        return s;
    }

    private PrivilegeLevel? ReadPrivilege(YamlNode node, string path)
    {
        var s = ReadString(node, path);
        return s is null ? null : ParsePrivilege(s, node, path);
    }

    private PrivilegeLevel? ParsePrivilege(string? s, YamlNode node, string path)
    {
        switch (s?.ToLowerInvariant())
        {
            case "user":
                return PrivilegeLevel.User;
            case "operator":
                return PrivilegeLevel.Operator;
            case "admin" or "administrator":
                return PrivilegeLevel.Admin;
            default:
                Error(node, path, $"'{s}' is not one of user, operator, admin");
                return null;
        }
    }

    private List<int>? ReadCipherSuites(YamlNode node, string path)
    {
        if (node is YamlScalarNode && !IsNull(node))
        {
            Error(node, path, "must be a list of cipher suite IDs, e.g. [17, 3]");
            return null;
        }

        var seq = ReadSequence(node, path);
        if (seq is null)
        {
            return null;
        }

        var suites = new List<int>();
        var i = 0;
        foreach (var item in seq.Children)
        {
            var p = $"{path}[{i++}]";
            var id = ReadInt(item, p, 0, 255);
            if (id is null)
            {
                continue;
            }

            if (!ValidCipherSuites.Contains(id.Value))
            {
                Error(item, p, $"cipher suite {id} is not one of {string.Join(", ", ValidCipherSuites)}");
            }
            else if (suites.Contains(id.Value))
            {
                Error(item, p, $"cipher suite {id} is listed twice");
            }
            else
            {
                suites.Add(id.Value);
            }
        }

        if (suites.Count == 0 && seq.Children.Count == 0)
        {
            Error(node, path, "must list at least one cipher suite");
            return null;
        }

        return suites;
    }

    private TimeSpan? ReadModuleTimeout(YamlNode node, string path)
    {
        // A value with a unit is always a per-attempt duration; only a plain number in an ipmi_exporter file is
        // FreeIPMI's session timeout in milliseconds.
        var plainNumber = node is YamlScalarNode { Value: { } v } && v.Length > 0 && v.All(char.IsAsciiDigit);
        if (!IpmiExporterFormat || !plainNumber)
        {
            return ReadDuration(node, path, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1));
        }

        // ipmi_exporter: FreeIPMI session timeout in milliseconds, the time one request may take with all its
        // retransmits. Here timeout is per attempt, so the budget is split over the default 1 + 3 attempts.
        var session = ReadDuration(node, path, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10), TimeSpan.FromMilliseconds(1));
        if (session is null)
        {
            return null;
        }

        var perAttempt = session.Value / 4;
        return perAttempt < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100)
            : perAttempt > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : perAttempt;
    }

    private List<CollectorKind>? ReadCollectors(YamlNode node, string path)
    {
        var names = ReadStringList(node, path);
        if (names is null)
        {
            return null;
        }

        var kinds = new List<CollectorKind>();
        var seq = (YamlSequenceNode)(IsNull(node) ? new YamlSequenceNode() : node);
        for (var i = 0; i < names.Count && i < seq.Children.Count; i++)
        {
            var p = $"{path}[{i}]";
            if (!CollectorNames.TryParse(names[i], out var kind))
            {
                Error(seq.Children[i], p, $"'{names[i]}' is not a collector (known: {CollectorNames.Accepted})");
            }
            else if (kinds.Contains(kind))
            {
                Warn(seq.Children[i], p, $"collector '{names[i]}' is listed twice");
            }
            else
            {
                kinds.Add(kind);
            }
        }

        return kinds;
    }

    private List<int> ReadIntList(YamlNode node, string path, int min, int max)
    {
        var list = new List<int>();
        if (node is YamlScalarNode && !IsNull(node))
        {
            Error(node, path, "must be a list of numbers");
            return list;
        }

        var seq = ReadSequence(node, path);
        if (seq is null)
        {
            return list;
        }

        var i = 0;
        foreach (var item in seq.Children)
        {
            if (ReadInt(item, $"{path}[{i++}]", min, max) is { } v)
            {
                list.Add(v);
            }
        }

        return list;
    }
}

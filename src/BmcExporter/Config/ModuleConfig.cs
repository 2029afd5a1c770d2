using System.Net;
using BmcExporter.Config.Equality;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Config;

/// <summary>
/// How to talk to a group of BMCs (<c>modules.NAME:</c>): credentials, session parameters, collectors and
/// sensor filtering. Targets reference a module by name. Compares by value (secrets in constant time), so a
/// reload that leaves a module alone gives an equal module and its sessions are kept.
/// </summary>
public sealed record ModuleConfig
{
    /// <summary>The cipher suite preference used when a module lists none: 17 then 3.</summary>
    public static IReadOnlyList<int> DefaultCipherSuites { get; } = EquatableList<int>.Of([17, 3]);

    /// <summary>The collectors run when a module lists none.</summary>
    public static IReadOnlyList<CollectorKind> DefaultCollectors { get; } = EquatableList<CollectorKind>.Of(
        [CollectorKind.Sensors, CollectorKind.Sel, CollectorKind.Chassis, CollectorKind.Bmc, CollectorKind.Dcmi, CollectorKind.Fru]);

    /// <summary>The collectors served over Redfish, and those run by a <c>protocol: redfish</c> or <c>auto</c> module that lists none.</summary>
    public static IReadOnlyList<CollectorKind> RedfishCollectors { get; } = EquatableList<CollectorKind>.Of(
        [CollectorKind.Sensors, CollectorKind.Sel, CollectorKind.Chassis, CollectorKind.Bmc, CollectorKind.Dcmi, CollectorKind.Fru]);

    /// <summary>The module used for <c>default</c> when a file defines none: no user name, empty password (name-only, null-password login).</summary>
    public static ModuleConfig Unauthenticated { get; } = new() { Name = ExporterConfig.DefaultModuleName };

    /// <summary>Every FreeIPMI workaround flag the loader recognises, with what it does here (<see cref="Workarounds"/> holds the enabled ones).</summary>
    public static IReadOnlyDictionary<string, WorkaroundFlag> RecognizedWorkarounds => WorkaroundFlags.All;

    /// <summary>The module's name (its key under <c>modules:</c>): any text, e.g. <c>10.1.2.23:623</c> or <c>rack1/node1</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>protocol</c>: ipmi, redfish or auto (Redfish when its service root answers, IPMI otherwise). Default ipmi.</summary>
    public ModuleProtocol Protocol { get; init; } = ModuleProtocol.Ipmi;

    /// <summary><c>redfish</c>: port, TLS trust, authentication and concurrency of Redfish requests. Default <see cref="RedfishModuleConfig.Default"/>.</summary>
    public RedfishModuleConfig Redfish { get; init; } = RedfishModuleConfig.Default;

    /// <summary><c>user</c>: IPMI user name, at most 16 bytes (no limit with <c>protocol: redfish</c>). Default empty (anonymous / null user).</summary>
    public string User { get; init; } = string.Empty;

    /// <summary>Password from <c>password_file</c>, <c>password_env</c> or inline <c>password</c>/<c>pass</c>; at most 20 bytes (no limit with <c>protocol: redfish</c>). Default empty.</summary>
    public IpmiSecret Password { get; init; } = IpmiSecret.Empty;

    /// <summary>BMC key K_g from <c>kg_file</c>, <c>kg_env</c>, <c>kg_hex</c> or custom_args <c>-k</c>; at most 20 bytes. Default none (K_g = password key).</summary>
    public IpmiSecret? Kg { get; init; }

    /// <summary><c>privilege</c>: requested session privilege. Default User (an exporter only reads); Operator in a module written for ipmi_exporter, as FreeIPMI.</summary>
    public PrivilegeLevel Privilege { get; init; } = PrivilegeLevel.User;

    /// <summary><c>cipher_suites</c>: preference order, each one of 0, 1, 2, 3, 15, 16, 17. Default [17, 3].</summary>
    public IReadOnlyList<int> CipherSuites { get; init => field = EquatableList<int>.Of(value); } = DefaultCipherSuites;

    /// <summary><c>allow_cipher_suite_0</c>: permit suite 0 (no authentication). Default <c>false</c>.</summary>
    public bool AllowCipherSuite0 { get; init; }

    /// <summary><c>timeout</c>: per IPMI request. Default 2 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary><c>retries</c>: retransmits per request, 0..10. Default 3.</summary>
    public int Retries { get; init; } = 3;

    /// <summary><c>session_keepalive</c>: idle time after which a keepalive is sent on an open session. Default 20 s.</summary>
    public TimeSpan SessionKeepalive { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary><c>interval</c>: overrides <see cref="ScrapeConfig.Interval"/> for targets of this module. Default none.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary><c>collectors</c>: what is read, in order, without duplicates. Default sensors, sel, chassis, bmc, dcmi, fru.</summary>
    public IReadOnlyList<CollectorKind> Collectors { get; init => field = EquatableList<CollectorKind>.Of(value); } = DefaultCollectors;

    /// <summary><c>sensors</c>: which sensors are reported. Default: all.</summary>
    public SensorFilter Sensors { get; init; } = SensorFilter.All;

    /// <summary><c>bridge_sensors</c>: read sensors owned by other controllers through Send Message (IPMI v2.0 §22.7). Default <c>false</c>.</summary>
    public bool BridgeSensors { get; init; }

    /// <summary>
    /// <c>workarounds</c> (ipmi_exporter <c>workaround_flags</c>, FreeIPMI <c>-W</c>): the enabled FreeIPMI workaround
    /// flags that concern an IPMI 2.0 LAN session, lower case (see <see cref="RecognizedWorkarounds"/>). Default none.
    /// </summary>
    public IReadOnlySet<string> Workarounds { get; init => field = EquatableSet<string>.Of(value, StringComparer.Ordinal); } = EquatableSet<string>.Empty;

    /// <summary><c>sel_events</c> (as in ipmi_exporter): named regexes counted over SEL event descriptions by the sel-events collector. Default none.</summary>
    public IReadOnlyList<SelEventMatcher> SelEvents { get; init => field = EquatableList<SelEventMatcher>.Of(value); } = EquatableList<SelEventMatcher>.Empty;

    /// <summary><c>labels</c>: extra labels on every series of targets using this module. Default none.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init => field = EquatableDictionary<string, string>.Of(value, StringComparer.Ordinal); } =
        EquatableDictionary<string, string>.Of([], StringComparer.Ordinal);

    /// <summary><c>metrics</c>: optional metric families added to the default set. Default none.</summary>
    public OptionalMetrics Metrics { get; init; }

    /// <summary><c>serve_from_cache</c>: in background mode <c>/ipmi</c> answers from the target's snapshot while it is younger than its interval. Default <c>true</c>.</summary>
    public bool ServeFromCache { get; init; } = true;

    /// <summary><c>allowed_targets</c>: hosts (names, addresses, CIDR ranges) <c>/ipmi</c> may probe with this module's credentials. Default none.</summary>
    public IReadOnlyList<TargetPattern> AllowedTargets { get; init => field = EquatableList<TargetPattern>.Of(value); } = EquatableList<TargetPattern>.Empty;

    /// <summary><c>allow_any_target</c>: <c>/ipmi</c> may probe any host with this module. Default <c>false</c>; <c>true</c> in a module written for ipmi_exporter without <c>allowed_targets</c>, as ipmi_exporter probes any target.</summary>
    public bool AllowAnyTarget { get; init; }

    /// <summary><c>shared_sensor_names</c>: how SDRs that describe several sensors are named. Default expanded; base in a module written for ipmi_exporter.</summary>
    public SharedSensorNames SharedSensorNames { get; init; } = SharedSensorNames.Expanded;

    /// <summary><c>security</c>: what the security collector checks and how often. Default: every hour, no default-password check.</summary>
    public SecurityConfig Security { get; init; } = SecurityConfig.Default;

    /// <summary>The effective scrape interval for targets of this module.</summary>
    public TimeSpan EffectiveInterval(ScrapeConfig scrape) => Interval ?? scrape.Interval;

    /// <summary><c>true</c> when <paramref name="kind"/> is enabled.</summary>
    public bool HasCollector(CollectorKind kind) => Collectors.Contains(kind);

    /// <summary><c>true</c> when the named FreeIPMI workaround is enabled.</summary>
    public bool HasWorkaround(string name) => Workarounds.Contains(name);

    /// <summary><c>true</c> when <c>/ipmi</c> may probe <paramref name="host"/> (a name or an address) with this module.</summary>
    public bool AllowsTarget(string host) =>
        AllowAnyTarget || (IPAddress.TryParse(host, out var address)
            ? AllowedTargets.Any(p => p.Matches(address))
            : AllowedTargets.Any(p => p.Matches(host)));
}

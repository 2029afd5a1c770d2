namespace BmcExporter.Config;

/// <summary>
/// How to talk to a group of BMCs (<c>modules.NAME:</c>): credentials, session parameters, collectors and
/// sensor filtering. Targets reference a module by name.
/// </summary>
public sealed record ModuleConfig
{
    /// <summary>The cipher suite preference used when a module lists none: 17 then 3.</summary>
    public static IReadOnlyList<int> DefaultCipherSuites { get; } = [17, 3];

    /// <summary>The collectors run when a module lists none.</summary>
    public static IReadOnlyList<CollectorKind> DefaultCollectors { get; } =
        [CollectorKind.Sensors, CollectorKind.Sel, CollectorKind.Chassis, CollectorKind.Bmc, CollectorKind.Dcmi, CollectorKind.Fru];

    /// <summary>The module used for <c>default</c> when a file defines none: no user name, empty password (name-only, null-password login).</summary>
    public static ModuleConfig Unauthenticated { get; } = new() { Name = ExporterConfig.DefaultModuleName };

    /// <summary>The module's name (its key under <c>modules:</c>).</summary>
    public required string Name { get; init; }

    /// <summary><c>user</c>: IPMI user name, at most 16 bytes. Default empty (anonymous / null user).</summary>
    public string User { get; init; } = string.Empty;

    /// <summary>Password from <c>password_file</c>, <c>password_env</c> or inline <c>password</c>/<c>pass</c>; at most 20 bytes. Default empty.</summary>
    public Secret Password { get; init; } = Secret.Empty;

    /// <summary>BMC key K_g from <c>kg_file</c>, <c>kg_env</c> or <c>kg_hex</c>; at most 20 bytes. Default none (K_g = password key).</summary>
    public Secret? Kg { get; init; }

    /// <summary><c>privilege</c>: requested session privilege. Default <see cref="PrivilegeLevel.User"/> (an exporter only reads).</summary>
    public PrivilegeLevel Privilege { get; init; } = PrivilegeLevel.User;

    /// <summary><c>cipher_suites</c>: preference order, each one of 0, 1, 2, 3, 15, 16, 17. Default [17, 3].</summary>
    public IReadOnlyList<int> CipherSuites { get; init; } = DefaultCipherSuites;

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
    public IReadOnlyList<CollectorKind> Collectors { get; init; } = DefaultCollectors;

    /// <summary><c>sensors</c>: which sensors are reported. Default: all.</summary>
    public SensorFilter Sensors { get; init; } = SensorFilter.All;

    /// <summary><c>bridge_sensors</c>: read sensors owned by other controllers through Send Message (IPMI v2.0 §22.7). Default <c>false</c>.</summary>
    public bool BridgeSensors { get; init; }

    /// <summary><c>workarounds</c> (ipmi_exporter <c>workaround_flags</c>): FreeIPMI workaround names, lower case. Default none.</summary>
    public IReadOnlySet<string> Workarounds { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary><c>sel_events</c> (as in ipmi_exporter): named regexes counted over SEL event descriptions by the sel-events collector. Default none.</summary>
    public IReadOnlyList<SelEventMatcher> SelEvents { get; init; } = [];

    /// <summary>
    /// <c>serve_from_cache</c>: in background mode, <c>/ipmi</c> answers for a scheduled target from its latest
    /// snapshot while that is younger than the target's interval, instead of scraping again. Default <c>true</c>.
    /// </summary>
    public bool ServeFromCache { get; init; } = true;

    /// <summary><c>labels</c>: extra labels on every series of targets using this module. Default none.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The effective scrape interval for targets of this module.</summary>
    public TimeSpan EffectiveInterval(ScrapeConfig scrape) => Interval ?? scrape.Interval;

    /// <summary><c>true</c> when <paramref name="kind"/> is enabled.</summary>
    public bool HasCollector(CollectorKind kind) => Collectors.Contains(kind);

    /// <summary><c>true</c> when the named FreeIPMI workaround is enabled.</summary>
    public bool HasWorkaround(string name) => Workarounds.Contains(name);
}

/// <summary>Session privilege level (IPMI v2.0 §13.17, Table 13-16 "requested maximum privilege level").</summary>
public enum PrivilegeLevel
{
    /// <summary>USER (2): enough for every read the exporter does.</summary>
    User = 2,

    /// <summary>OPERATOR (3).</summary>
    Operator = 3,

    /// <summary>ADMINISTRATOR (4).</summary>
    Admin = 4,
}

/// <summary>One <c>sel_events</c> entry: SEL entries whose description matches <see cref="Regex"/> are counted under <see cref="Name"/>.</summary>
/// <param name="Name">The <c>name</c> label value.</param>
/// <param name="Regex">Pattern matched against the event description.</param>
public sealed record SelEventMatcher(string Name, System.Text.RegularExpressions.Regex Regex);

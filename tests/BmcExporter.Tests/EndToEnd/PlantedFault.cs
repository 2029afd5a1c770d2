namespace BmcExporter.Tests.EndToEnd;

/// <summary>How the exporter reaches a planted BMC.</summary>
internal enum PlantedAccess
{
    /// <summary>The fleet's reader account, as configured in the exporter.</summary>
    Normal,

    /// <summary>The BMC's reader account has another password than the exporter's module.</summary>
    WrongPassword,

    /// <summary>Nothing listens on the target's port: the BMC never answers.</summary>
    NeverAnswers,
}

/// <summary>
/// One simulated BMC with exactly one planted fault (or none), and the one alert the shipped rules must raise for
/// it (<c>null</c> for the healthy BMC).
/// </summary>
/// <param name="Name">Case name, used in assertion messages.</param>
/// <param name="Alert">The alert expected to fire for this BMC, alone.</param>
/// <param name="Profile">The simulator profile.</param>
/// <param name="Module">The exporter module scraping it.</param>
/// <param name="Access">How the exporter reaches it.</param>
/// <param name="Faults">Simulator fault rules (docs/simulator.md, faults), YAML list items.</param>
internal sealed record PlantedFault(
    string Name,
    string? Alert,
    FaultProfile Profile,
    string Module = PlantedFault.DefaultModule,
    PlantedAccess Access = PlantedAccess.Normal,
    string Faults = "")
{
    /// <summary>The module of every case but the default-password one (security collector, no password list).</summary>
    public const string DefaultModule = "default";

    /// <summary>The module that also runs the opt-in default-password check.</summary>
    public const string PasswordCheckModule = "pwcheck";

    /// <summary>The faulty fleet: one BMC per fault the shipped rules know how to page for, plus a healthy one.</summary>
    public static IReadOnlyList<PlantedFault> Fleet { get; } =
    [
        new("healthy", null, new FaultProfile()),
        new("fan failed", "BmcFanFailure", new FaultProfile { Fan2Rpm = 0, ChassisCoolingFault = true }),
        new("power supply failed", "BmcPowerSupplyFailure", new FaultProfile { Psu2States = "1", RedundancyStates = "1" }),
        new("redundancy lost", "BmcRedundancyLost", new FaultProfile { RedundancyStates = "1" }),
        new("drive failed", "BmcDriveFault", new FaultProfile { Drive1States = "0, 1", ChassisDriveFault = true }),
        new("chassis opened", "BmcChassisIntrusion", new FaultProfile { IntrusionStates = "0", ChassisIntrusion = true }),
        new("inlet above critical", "BmcTemperatureAboveUpperCritical", new FaultProfile { InletCelsius = 44 }),
        new("critical SEL event", "BmcSelCriticalEvent", new FaultProfile { SelCriticalEverySeconds = 4 }),
        new("SEL almost full", "BmcSelAlmostFull", new FaultProfile { SelCapacity = 40, SelFiller = 35 }),
        new("cipher suite 0", "BmcCipherSuiteZeroAccepted", new FaultProfile { CipherSuites = "17, 3, 2, 1, 0" }),
        new("anonymous login", "BmcAnonymousOrNullUser", new FaultProfile { Security = "anonymousLogin: true, ipmi15AuthTypes: []" }),
        new("IPMI 1.5 authentication", "BmcIpmi15AuthEnabled", new FaultProfile { Security = "anonymousLogin: false, ipmi15AuthTypes: [md5]" }),
        new(
            "default password",
            "BmcDefaultPassword",
            new FaultProfile { Users = "[ { name: ADMIN, password: ADMIN, privilege: admin } ]" },
            Module: PasswordCheckModule),
        new("wrong password", "BmcAuthenticationFailures", new FaultProfile(), Access: PlantedAccess.WrongPassword),
        new("never answers", "BmcNoSuccessfulScrape", new FaultProfile(), Access: PlantedAccess.NeverAnswers),
        new("stopped answering", "BmcScrapeFailing", new FaultProfile(), Faults: "- { stopAfterSeconds: 4 }"),
    ];
}

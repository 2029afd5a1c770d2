using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Session;
using BmcExporter.Snapshots;

namespace BmcExporter.Cli;

/// <summary>
/// What <c>check-config --probe</c> observed on one BMC, beyond the scrape itself. Each property is <c>null</c> when it
/// was not observed (not asked because no setting needs it, or the BMC did not answer), so a rule never guesses.
/// </summary>
internal sealed record ConfigProbeFacts
{
    /// <summary>The scrape's outcome per collector (ipmi_exporter names).</summary>
    public IReadOnlyList<CollectorOutcome> Collectors { get; init; } = [];

    /// <summary>Why no session with the module's own settings opened, or <c>null</c> when one did.</summary>
    public Exception? SessionFailure { get; init; }

    /// <summary>The cipher suite the module's session negotiated.</summary>
    public int? NegotiatedSuite { get; init; }

    /// <summary>Cipher suite IDs Get Channel Cipher Suites listed (IPMI v2.0 §22.15), in ascending order.</summary>
    public IReadOnlyList<int>? ListedSuites { get; init; }

    /// <summary>Why the cipher suite list could not be read, when a setting needed it.</summary>
    public string? ListedSuitesProblem { get; init; }

    /// <summary>The privilege the session runs at, by Get Session Info (IPMI v2.0 §22.20).</summary>
    public PrivilegeLevel? GrantedPrivilege { get; init; }

    /// <summary>Get Device ID of the BMC (manufacturer, device support bits).</summary>
    public DeviceIdInfo? Device { get; init; }

    /// <summary>With <c>nochecksumcheck</c>: a session with checksum verification read Get Device ID.</summary>
    public bool? ChecksumsValid { get; init; }

    /// <summary>With <c>intel20</c> and a refused login: a login without the flag succeeded.</summary>
    public bool? LoginWorksWithoutIntel20 { get; init; }

    /// <summary>
    /// Bit 5 of byte 2 of pre-session Get Channel Authentication Capabilities (IPMI v2.0 §22.13): the BMC says its
    /// K_g is non-zero. Asked when the module sets a K_g, or when the login failed at RAKP 4 without one. Some BMCs
    /// report this bit wrong (FreeIPMI's authcap workaround), so no rule trusts it alone.
    /// </summary>
    public bool? KgReportedSet { get; init; }

    /// <summary>With a K_g in the module: <c>true</c> when a login without the K_g read Get Device ID (otherwise unknown).</summary>
    public bool? LoginWorksWithoutKg { get; init; }

    /// <summary>With <c>ignorescanningdisabled</c>: sensors read without the flag, and how many said "scanning disabled".</summary>
    public (int Read, int ScanningDisabled)? ScanningDisabled { get; init; }

    /// <summary>With <c>assumesystemevent</c>: SEL records read without the flag, and whether any had an invalid record type.</summary>
    public (int Records, bool InvalidType)? SelRecordTypes { get; init; }

    /// <summary>With <c>assumemaxsdrrecordcount</c>: records of the complete SDR walk, and whether the last points to FFFFh.</summary>
    public (int Records, bool EndsAtFfff)? SdrEnd { get; init; }
}

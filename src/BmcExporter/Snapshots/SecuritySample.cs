using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Snapshots;

/// <summary>
/// The security posture of a BMC's IPMI port as the <c>security</c> collector last read it. A check that could not
/// be made leaves its field <c>null</c> (no series) and names itself in <see cref="Problems"/>.
/// </summary>
public sealed record SecuritySample
{
    /// <summary>When the posture was read (it is reused until the module's <c>security.interval</c> passes).</summary>
    public DateTimeOffset ReadAt { get; init; }

    /// <summary>Cipher suite IDs Get Channel Cipher Suites lists (IPMI v2.0 §22.15), or <c>null</c>.</summary>
    public IReadOnlyList<int>? SupportedCipherSuites { get; init; }

    /// <summary><c>true</c> when the BMC completed a suite 0 session setup for the configured user, or <c>null</c>.</summary>
    public bool? CipherSuiteZeroAccepted { get; init; }

    /// <summary>How the suite 0 probe ended (which step refused), for the audit report.</summary>
    public string CipherSuiteZeroDetail { get; init; } = string.Empty;

    /// <summary>Get Channel Authentication Capabilities flags, the union over the privilege levels asked, or <c>null</c>.</summary>
    public ChannelSecurityFlags? Channel { get; init; }

    /// <summary>The privilege the module asks for.</summary>
    public PrivilegeLevel RequestedPrivilege { get; init; }

    /// <summary>The privilege the session operates at (Get Session Info, IPMI v2.0 §22.20), or <c>null</c>.</summary>
    public PrivilegeLevel? GrantedPrivilege { get; init; }

    /// <summary>Per user of the default-credential list, whether a default password matched; <c>null</c> when the check is off.</summary>
    public IReadOnlyList<DefaultPasswordFinding>? DefaultPasswords { get; init; }

    /// <summary>Checks that could not be made, each a short secret-free sentence.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The label value of a privilege level.</summary>
    public static string PrivilegeName(PrivilegeLevel level) => level switch
    {
        PrivilegeLevel.Callback => "callback",
        PrivilegeLevel.User => "user",
        PrivilegeLevel.Operator => "operator",
        PrivilegeLevel.Administrator => "administrator",
        PrivilegeLevel.Oem => "oem",
        _ => "none",
    };
}

/// <summary>One user of the default-credential list: whether the BMC knows the user and whether a listed password is its password.</summary>
public readonly record struct DefaultPasswordFinding(string User, bool UserKnown, bool Exposed);

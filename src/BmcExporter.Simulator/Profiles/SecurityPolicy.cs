using BmcExporter.Ipmi.Commands;

namespace BmcExporter.Simulator.Profiles;

/// <summary>
/// Weaknesses a simulated BMC can be given (profile key <c>security:</c>), each reported by Get Channel
/// Authentication Capabilities (IPMI v2.0 §22.13) the way a real BMC reports it; anonymous login and the null
/// user are also served (a login with an empty user name). Cipher suite 0 is enabled by listing it in
/// <c>bmc.cipherSuites</c> and a default password by a user in <c>users</c>. IPMI 1.5 sessions are not simulated:
/// the 1.5 authentication types and switches are reported only.
/// </summary>
/// <param name="AnonymousLogin">The null user with an empty password may log in.</param>
/// <param name="NullUserPassword">The null user's password when null user names are enabled, else <c>null</c>; never printed.</param>
/// <param name="AuthTypes">IPMI 1.5 authentication types reported.</param>
/// <param name="PerMessageAuthDisabled">IPMI 1.5 per-message authentication reported disabled.</param>
/// <param name="UserLevelAuthDisabled">IPMI 1.5 user-level authentication reported disabled.</param>
/// <param name="SessionAudit">Failed logins write Session Audit SEL entries (sensor type 0x2A).</param>
public sealed record SecurityPolicy(
    bool AnonymousLogin,
    ReadOnlyMemory<byte>? NullUserPassword,
    Ipmi15AuthTypes AuthTypes,
    bool PerMessageAuthDisabled,
    bool UserLevelAuthDisabled,
    bool SessionAudit)
{
    /// <summary>No weakness, failed logins audited.</summary>
    public static SecurityPolicy Hardened { get; } = new(false, null, Ipmi15AuthTypes.None, false, false, SessionAudit: true);

    /// <summary>The null user is served (anonymous or with its password).</summary>
    public bool NullUserEnabled => AnonymousLogin || NullUserPassword is not null;

    public override string ToString() =>
        $"security (anonymous {AnonymousLogin}, null user {(NullUserPassword is null ? "off" : "on, password redacted")}, 1.5 auth {AuthTypes}, audit {SessionAudit})";
}

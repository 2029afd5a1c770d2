using System.Globalization;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Session;
using BmcExporter.Snapshots;

namespace BmcExporter.Cli;

/// <summary>
/// Turns what the <c>security</c> collector read (<see cref="SecuritySample"/>, the same reading the
/// <c>ipmi_security_*</c> metrics come from) into the audit's checks and findings, each with a severity and a fix.
/// The table of severities and fixes is in docs/security.md#audit; keep the two the same.
/// </summary>
internal static class AuditRules
{
    private const string SuitesCheck = "Get Channel Cipher Suites";
    private const string SessionInfoCheck = "Get Session Info";
    private const string AuthCapCheck = "Get Channel Authentication Capabilities";
    private const string SuiteZeroCheck = "cipher suite 0 probe";
    private const string DefaultPasswordCheck = "default-password check";

    private const string NoIpmi15Fix =
        "Allow no IPMI 1.5 authentication type on the LAN channel (ipmitool lan set 1 auth ADMIN,OPERATOR,USER,CALLBACK \"\") or disable IPMI 1.5 sessions.";

    /// <summary>The checks made and the findings of a BMC whose session opened.</summary>
    public static (IReadOnlyList<AuditCheck> Checks, IReadOnlyList<AuditFinding> Findings) Evaluate(SecuritySample sample)
    {
        var checks = new List<AuditCheck>();
        var findings = new List<AuditFinding>();

        // IPMI v2.0 §22.15.
        checks.Add(new AuditCheck(
            "cipher_suites",
            "Get Channel Cipher Suites (IPMI v2.0 §22.15) in the session",
            sample.SupportedCipherSuites is { } suites ? "lists " + string.Join(',', suites.Select(s => s.ToString(CultureInfo.InvariantCulture))) : Failed(sample, SuitesCheck)));

        // IPMI v2.0 §13.15-13.23 (suite 0: no authentication, integrity or confidentiality).
        checks.Add(new AuditCheck(
            "cipher_suite_zero",
            "Open Session and RAKP 1/3 with suite 0 for the audit's user; only Close Session is sent if it opens",
            sample.CipherSuiteZeroAccepted switch
            {
                true => "accepted" + Detail(sample.CipherSuiteZeroDetail),
                false => "refused" + Detail(sample.CipherSuiteZeroDetail),
                null => Failed(sample, SuiteZeroCheck),
            }));
        if (sample.CipherSuiteZeroAccepted == true)
        {
            findings.Add(new AuditFinding(
                "cipher_suite_zero_accepted", AuditSeverity.Critical,
                "The BMC opens a cipher suite 0 session: anyone can log in with any password.",
                "Remove cipher suite 0 from the LAN channel (ipmitool lan set 1 cipher_privs with X in the first position, or the vendor's cipher 0 switch)."));
        }

        // IPMI v2.0 §22.13, table 22-15.
        checks.Add(new AuditCheck(
            "authentication_capabilities",
            "Get Channel Authentication Capabilities (IPMI v2.0 §22.13) before a session, at user, operator and administrator level",
            sample.Channel is { } ch ? Describe(ch) : Failed(sample, AuthCapCheck)));
        if (sample.Channel is { } channel)
        {
            AddChannelFindings(channel, findings);
        }

        // IPMI v2.0 §22.20.
        checks.Add(new AuditCheck(
            "session_privilege",
            "Get Session Info (IPMI v2.0 §22.20) for the audit's own session",
            sample.GrantedPrivilege is { } granted
                ? $"requested {SecuritySample.PrivilegeName(sample.RequestedPrivilege)}, granted {SecuritySample.PrivilegeName(granted)}"
                : Failed(sample, SessionInfoCheck)));
        if (sample.GrantedPrivilege is { } g && g > PrivilegeLevel.User)
        {
            findings.Add(new AuditFinding(
                "session_privilege_above_user", AuditSeverity.Info,
                $"The account used runs at {SecuritySample.PrivilegeName(g)} privilege; reading needs only user.",
                "Give the account that monitors the BMC the User privilege on the LAN channel (ipmitool channel setaccess 1 ID privilege=2)."));
        }

        // CVE-2013-4786: the RAKP 2 HMAC tested offline.
        checks.Add(new AuditCheck(
            "default_passwords",
            "RAKP 2 asked for each listed user, its HMAC tested offline against the listed passwords (CVE-2013-4786); no login is completed",
            sample.DefaultPasswords switch
            {
                { } list => $"{list.Count} user(s) tested, {list.Count(f => f.Exposed)} exposed",
                null when sample.Problems.Any(p => p.StartsWith(DefaultPasswordCheck, StringComparison.Ordinal)) => Failed(sample, DefaultPasswordCheck),
                null => "not run (enable with --default-password-check or the module's security.default_password_check)",
            }));
        foreach (var exposed in (sample.DefaultPasswords ?? []).Where(f => f.Exposed))
        {
            findings.Add(new AuditFinding(
                $"default_password:{exposed.User}", AuditSeverity.Critical,
                $"User '{exposed.User}' has a vendor-default password.",
                $"Change the password of '{exposed.User}' (ipmitool user set password ID) or disable the account."));
        }

        foreach (var problem in sample.Problems)
        {
            findings.Add(new AuditFinding(
                "check_failed", AuditSeverity.Warning,
                $"A check could not be made, so that part of the posture is unknown: {problem}.",
                "Run the audit again with a longer --timeout or --deadline; if the check keeps failing, the BMC does not answer that command."));
        }

        return (checks, findings);
    }

    /// <summary>The report of a BMC whose session did not open, or that ran out of time: its posture is unknown.</summary>
    public static AuditFinding NotReached(string id, string reason) => id switch
    {
        "login_failed" => new AuditFinding(id, AuditSeverity.Critical, $"The BMC refused the audit's session ({reason}); its posture is unknown.",
            "Check the user, password, privilege and cipher suites the audit uses (the module, or --user, --password-file, --privilege, --cipher-suite)."),
        "deadline_exceeded" => new AuditFinding(id, AuditSeverity.Critical, $"The audit of this BMC did not finish in time ({reason}); its posture is unknown.",
            "Raise --deadline (and --timeout for a slow BMC), or find out why the BMC answers slowly."),
        _ => new AuditFinding("unreachable", AuditSeverity.Critical, $"The BMC could not be reached ({reason}); its posture is unknown.",
            "Check the address, that UDP port 623 (or the given port) is reachable and that IPMI over LAN is enabled on the BMC."),
    };

    private static void AddChannelFindings(ChannelSecurityFlags channel, List<AuditFinding> findings)
    {
        if (channel.AnonymousLogin)
        {
            findings.Add(new AuditFinding(
                "anonymous_login_enabled", AuditSeverity.Critical,
                "Anonymous login is enabled: a session opens with an empty user name and password.",
                "Disable user 1 (ipmitool user disable 1) and give it no access on the LAN channel (ipmitool channel setaccess 1 1 privilege=15)."));
        }

        if (channel.NullUsers)
        {
            findings.Add(new AuditFinding(
                "null_user_enabled", AuditSeverity.Critical,
                "A null user (empty user name) is enabled: a session opens with its password and no user name.",
                "Disable user 1 (ipmitool user disable 1) and give it no access on the LAN channel (ipmitool channel setaccess 1 1 privilege=15)."));
        }

        foreach (var (type, name) in ChannelSecurityFlags.AuthTypeNames)
        {
            if ((channel.AuthTypes & type) == 0)
            {
                continue;
            }

            // none: no AuthCode at all; password: the password in clear text; MD2/MD5: IPMI 1.5 keyed hashes (§22.13).
            var (severity, what) = type switch
            {
                Ipmi15AuthTypes.NoAuth => (AuditSeverity.Critical, "IPMI 1.5 sessions without authentication are allowed"),
                Ipmi15AuthTypes.Password => (AuditSeverity.Warning, "IPMI 1.5 'password' authentication sends the password in clear text"),
                Ipmi15AuthTypes.Oem => (AuditSeverity.Info, "an OEM IPMI 1.5 authentication type is allowed"),
                _ => (AuditSeverity.Warning, $"IPMI 1.5 {name.ToUpperInvariant()} authentication is allowed (weaker than RMCP+, no confidentiality)"),
            };
            findings.Add(new AuditFinding($"ipmi15_auth_{name}", severity, char.ToUpperInvariant(what[0]) + what[1..] + ".", NoIpmi15Fix));
        }

        if (channel.PerMessageAuthDisabled)
        {
            findings.Add(new AuditFinding(
                "per_message_auth_disabled", AuditSeverity.Warning,
                "Per-message authentication is disabled: IPMI 1.5 messages after activation carry no AuthCode.",
                "Enable per-message authentication on the LAN channel, or allow no IPMI 1.5 authentication type."));
        }

        if (channel.UserLevelAuthDisabled)
        {
            findings.Add(new AuditFinding(
                "user_level_auth_disabled", AuditSeverity.Warning,
                "User-level authentication is disabled: User-privilege IPMI 1.5 commands are accepted without an AuthCode.",
                "Enable user-level authentication on the LAN channel, or allow no IPMI 1.5 authentication type."));
        }
    }

    private static string Describe(ChannelSecurityFlags c)
    {
        var types = ChannelSecurityFlags.AuthTypeNames.Where(t => (c.AuthTypes & t.Type) != 0).Select(t => t.Name).ToList();
        return $"anonymous login {OnOff(c.AnonymousLogin)}, null user {OnOff(c.NullUsers)}, IPMI 1.5 types {(types.Count == 0 ? "none allowed" : string.Join(',', types))}, "
            + $"per-message auth {(c.PerMessageAuthDisabled ? "disabled" : "enabled")}, user-level auth {(c.UserLevelAuthDisabled ? "disabled" : "enabled")}";
    }

    private static string OnOff(bool on) => on ? "enabled" : "disabled";

    private static string Detail(string detail) => detail.Length == 0 ? string.Empty : $" ({detail})";

    private static string Failed(SecuritySample sample, string check) =>
        sample.Problems.FirstOrDefault(p => p.StartsWith(check, StringComparison.Ordinal)) ?? $"{check} failed";
}

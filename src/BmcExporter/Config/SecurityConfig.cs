using BmcExporter.Config.Equality;
using BmcExporter.Ipmi.Crypto;

namespace BmcExporter.Config;

/// <summary>
/// <c>modules.NAME.security:</c> what the <c>security</c> collector checks and how often. Posture changes rarely,
/// so the collector reads it on a target's first scrape and then once per <see cref="Interval"/>.
/// </summary>
public sealed record SecurityConfig
{
    /// <summary>The settings of a module that writes no <c>security:</c> block.</summary>
    public static SecurityConfig Default { get; } = new();

    /// <summary><c>interval</c>: how long a posture reading is reused before it is read again, 1m..7d. Default 1 h.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// <c>default_password_check</c>: test the BMC's RAKP 2 answer offline against <see cref="DefaultCredentials"/>
    /// (CVE-2013-4786 method; see docs/security.md). Default <c>false</c>: it may leave session-audit SEL entries.
    /// </summary>
    public bool DefaultPasswordCheck { get; init; }

    /// <summary><c>default_credentials_file</c>: the user/password pairs tested; default the shipped list (<see cref="DefaultCredentialList.Shipped"/>).</summary>
    public IReadOnlyList<DefaultCredential> DefaultCredentials { get; init => field = EquatableList<DefaultCredential>.Of(value); } = DefaultCredentialList.Shipped;
}

/// <summary>A vendor-default user name and password; <see cref="ToString"/> hides the password.</summary>
public sealed record DefaultCredential(string User, IpmiSecret Password)
{
    public override string ToString() => $"{User}:{Password}";
}

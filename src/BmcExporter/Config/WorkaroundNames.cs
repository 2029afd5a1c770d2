namespace BmcExporter.Config;

/// <summary>
/// FreeIPMI workaround flag names accepted in <c>workarounds</c> / <c>workaround_flags</c> (FreeIPMI
/// manpage-common-workaround sections; see docs/ipmi-protocol.md §5.1 for what each means to our client).
/// </summary>
public static class WorkaroundNames
{
    /// <summary>Flags the IPMI 2.0 client and the collectors can honour.</summary>
    public static IReadOnlySet<string> Supported { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "authcap", "intel20", "supermicro20", "sun20", "opensesspriv", "integritycheckvalue", "nochecksumcheck",
        "assumemaxsdrrecordcount", "discretereading", "ignorescanningdisabled", "assumebmcowner", "altbridging",
        "ignoreauthcode", "assumesystemevent",
    };

    /// <summary>IPMI 1.5 session flags: accepted with a warning, no effect.</summary>
    public static IReadOnlySet<string> Lan15Only { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "idzero", "unexpectedauth", "forcepermsg", "endianseq", "noauthcodecheck",
    };

    /// <summary>Flags for FreeIPMI tools the exporter has no equivalent of (SOL, bmc-config, in-band): accepted with a warning.</summary>
    public static IReadOnlySet<string> NotApplicable { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "solpayloadsize", "solport", "solstatus", "solchannelsupport", "serialalertsdeferred", "malformedack",
        "ignoresolpayloadsize", "ignoresolport", "skipchecks", "slowcommit", "veryslowcommit", "spinpoll",
    };
}

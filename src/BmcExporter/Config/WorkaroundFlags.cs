namespace BmcExporter.Config;

/// <summary>What a recognised FreeIPMI workaround flag does in bmc-exporter.</summary>
public enum WorkaroundSupport
{
    /// <summary>Enabling the flag changes what the client or a collector does.</summary>
    Applied,

    /// <summary>The client always behaves the way the flag asks; enabling it changes nothing.</summary>
    BuiltIn,

    /// <summary>Concerns something bmc-exporter never does (IPMI 1.5, in-band drivers, other FreeIPMI tools): a warning says why.</summary>
    NotApplicable,
}

/// <summary>One FreeIPMI workaround flag (<c>-W</c>, <c>workaround_flags</c>): its name, its support here and what it does.</summary>
/// <param name="Name">The FreeIPMI name, lower case.</param>
/// <param name="Support">Whether it has an effect here.</param>
/// <param name="Effect">What it does here, or why it cannot apply.</param>
public sealed record WorkaroundFlag(string Name, WorkaroundSupport Support, string Effect);

/// <summary>
/// Every workaround flag FreeIPMI 1.6 accepts (common/parsecommon in FreeIPMI; the WORKAROUNDS sections of its
/// manual pages; docs/ipmi-protocol.md §5.1), and what each one means for bmc-exporter. Every flag is applied,
/// built in, or warned about at load with the reason it cannot apply: none is accepted and silently ignored.
/// </summary>
public static class WorkaroundFlags
{
    private const string Lan15 = "concerns IPMI 1.5 sessions only; bmc-exporter always uses IPMI 2.0 (RMCP+)";
    private const string InBand = "concerns in-band drivers (KCS, SSIF) only; bmc-exporter reaches BMCs over the LAN";
    private const string Sol = "concerns Serial-over-LAN (ipmiconsole); bmc-exporter opens no SOL sessions";
    private const string Config = "concerns ipmi-config writing settings; bmc-exporter only reads";

    /// <summary>The catalogue, by name.</summary>
    public static IReadOnlyDictionary<string, WorkaroundFlag> All { get; } = new WorkaroundFlag[]
    {
        new("nochecksumcheck", WorkaroundSupport.Applied, "accept responses whose IPMI message checksums are wrong (Supermicro X9 boards)"),
        new("discretereading", WorkaroundSupport.Applied, "read analog values of sensors whose event/reading type says discrete (HP DL380 G7, ML310 G5)"),
        new("ignorescanningdisabled", WorkaroundSupport.Applied, "read sensors even when their 'scanning disabled' bit is set (Dell PowerEdge R410/R610/2950, HP rx3600)"),
        new("assumebmcowner", WorkaroundSupport.Applied, "read sensors whose SDR names another owner as if the BMC owned them (Fujitsu RX300)"),
        new("authcap", WorkaroundSupport.BuiltIn, "the client never refuses a login because of the user and K_g bits of Get Channel Authentication Capabilities"),
        new("supermicro20", WorkaroundSupport.BuiltIn, "extra bytes after the RAKP 2 key-exchange code are ignored"),
        new("sun20", WorkaroundSupport.BuiltIn, "RAKP 2 length quirks are tolerated and Open Session carries the requested privilege (opensesspriv)"),
        new("opensesspriv", WorkaroundSupport.BuiltIn, "Open Session requests the real privilege, so BMCs that hash keys with it agree with the client"),
        new("integritycheckvalue", WorkaroundSupport.BuiltIn, "with cipher suite 0, a non-empty RAKP 4 integrity check value is ignored"),
        new("skipchecks", WorkaroundSupport.BuiltIn, "FRU checksum failures are reported, never fatal"),
        new("intel20", WorkaroundSupport.Applied, "Intel SE7520AF2 login: RAKP 3 is computed with the requested role without the name-only lookup bit, as ipmitool -o intelplus does (the HMAC-MD5 password cut applies to cipher suites bmc-exporter does not offer)"),
        // FreeIPMI 1.6.18 (ipmi-sensors): a sensor the BMC owns on LUN 1-3 is read with that LUN in the request
        // header instead of through Send Message, even without --bridge-sensors (Lenovo SR650 v3, ThinkSystem).
        // bmc-exporter reads such sensors that way always and bridges only other controllers' sensors (IPMI v2.0 §35.14, §22.7).
        new("altbridging", WorkaroundSupport.BuiltIn, "sensors the BMC owns on LUN 1-3 are always read by addressing that LUN in the request header, never through Send Message; other controllers' sensors are bridged with Send Message when bridge_sensors is on, as FreeIPMI does with or without the flag"),
        // FreeIPMI applies it (IPMI_FLAGS_IGNORE_AUTHENTICATION_CODE, ipmi-api.h) to IPMI 1.5 session packets only;
        // its LAN_2_0 path always verifies the RMCP+ integrity code, so the peer gains nothing from it over lanplus either.
        new("ignoreauthcode", WorkaroundSupport.NotApplicable, "skips the auth code check of IPMI 1.5 session packets only (Inventec 5441/5442); FreeIPMI still verifies every RMCP+ integrity code with it, and bmc-exporter always uses IPMI 2.0 (RMCP+), so replies with a wrong integrity code stay rejected, as they are by ipmi_exporter on driver LAN_2_0"),
        new("assumesystemevent", WorkaroundSupport.Applied, "read SEL records with an invalid record type as system events (HP DL380 G5)"),
        new("assumemaxsdrrecordcount", WorkaroundSupport.Applied, "stop the SDR walk once the record count Get SDR Repository Info reported is reached, even when the last record does not point to FFFFh (Inspur)"),
        new("idzero", WorkaroundSupport.NotApplicable, Lan15),
        new("unexpectedauth", WorkaroundSupport.NotApplicable, Lan15),
        new("forcepermsg", WorkaroundSupport.NotApplicable, Lan15),
        new("endianseq", WorkaroundSupport.NotApplicable, Lan15),
        new("noauthcodecheck", WorkaroundSupport.NotApplicable, Lan15),
        new("assumeio", WorkaroundSupport.NotApplicable, InBand),
        new("spinpoll", WorkaroundSupport.NotApplicable, InBand),
        new("ipmiping", WorkaroundSupport.NotApplicable, "concerns ipmipower's discovery pings; bmc-exporter sends no RMCP ping (it opens with Get Channel Authentication Capabilities)"),
        new("solpayloadsize", WorkaroundSupport.NotApplicable, Sol),
        new("solport", WorkaroundSupport.NotApplicable, Sol),
        new("solstatus", WorkaroundSupport.NotApplicable, Sol),
        new("solchannelsupport", WorkaroundSupport.NotApplicable, Sol),
        new("serialalertsdeferred", WorkaroundSupport.NotApplicable, Sol),
        new("solpacketseq", WorkaroundSupport.NotApplicable, Sol),
        new("slowcommit", WorkaroundSupport.NotApplicable, Config),
        new("veryslowcommit", WorkaroundSupport.NotApplicable, Config),
        new("solchannelassumelanchannel", WorkaroundSupport.NotApplicable, Config),
        new("ignorestateflag", WorkaroundSupport.NotApplicable, "concerns bmc-watchdog's daemon mode; bmc-exporter only reads the watchdog timer"),
        new("malformedack", WorkaroundSupport.NotApplicable, "concerns ipmi-pet acknowledgements; bmc-exporter acknowledges no PET"),
        new("guidformat", WorkaroundSupport.NotApplicable, "concerns bmc-info's GUID output; bmc-exporter does not report GUIDs"),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The warning for enabling <paramref name="flag"/>, or <c>null</c> when it needs none.</summary>
    public static string? Warning(WorkaroundFlag flag) => flag.Support switch
    {
        WorkaroundSupport.NotApplicable => $"workaround '{flag.Name}' has no effect: it {flag.Effect}",
        _ => null,
    };
}

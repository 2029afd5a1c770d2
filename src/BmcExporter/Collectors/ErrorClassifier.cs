using System.Net.Sockets;
using BmcExporter.Config;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client;
using BmcExporter.Sessions;

namespace BmcExporter.Collectors;

/// <summary>Sorts scrape errors: retry or not, session lost or not, credentials at fault or not.</summary>
public static class ErrorClassifier
{
    /// <summary>Credentials, privilege or cipher suite refused: retrying cannot help; counted as authentication failures.</summary>
    public static bool IsAuthentication(Exception ex) =>
        ex is IpmiAuthenticationException or IpmiUnknownUserException or IpmiPrivilegeException or IpmiCipherSuiteException;

    /// <summary>The session is probably gone: drop it so the next attempt opens a new one.</summary>
    public static bool IsSessionLost(Exception ex) => ex is IpmiSessionLostException or IpmiTimeoutException or IpmiUnreachableException;

    /// <summary>
    /// Worth one more try within the scrape: timeouts and lost sessions of an open session, busy BMCs (IPMI v2.0
    /// §5.2: 0xC0 node busy, 0xC3 timeout, 0xCE no response). Failing to open a session is never retried within a
    /// scrape (one attempt per scrape), and neither is an unreachable BMC or one without a free session slot.
    /// </summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        SessionUnavailableException or IpmiUnreachableException or IpmiSessionSlotsExhaustedException => false,
        IpmiTimeoutException or IpmiSessionLostException => true,
        IpmiCompletionCodeException cc => cc.CompletionCode is 0xC0 or 0xC3 or 0xCE or 0xD2,
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// Why the BMC does not offer what <paramref name="kind"/> reads, or <c>null</c> when <paramref name="ex"/> is an
    /// ordinary failure. "Not supported" is a <see cref="CollectorUnsupportedException"/> (the collector judged it:
    /// no DCMI, no FRU data), completion code 0xC1 "invalid command" from any collector, or 0xD4 "insufficient
    /// privilege" from a collector of an optional feature (IPMI v2.0 §5.2 Table 5-2). The core collectors (sensors,
    /// SEL, chassis, BMC) work at USER privilege on every BMC (IPMI v2.0 Appendix G), so 0xD4 there is a
    /// configuration fault and stays a failure.
    /// </summary>
    public static string? UnsupportedReason(CollectorKind kind, Exception ex) => ex switch
    {
        CollectorUnsupportedException => ex.Message,
        IpmiCompletionCodeException { CompletionCode: (byte)CompletionCode.InvalidCommand } cc =>
            $"not supported by the BMC: {Command(cc)} answered 0xC1 ({CompletionCodes.Describe(cc.CompletionCode)})",
        IpmiCompletionCodeException { CompletionCode: (byte)CompletionCode.InsufficientPrivilege } cc when !IsCore(kind) =>
            $"refused at this session's privilege: {Command(cc)} answered 0xD4 ({CompletionCodes.Describe(cc.CompletionCode)}); raise the module's privilege if the BMC offers it to a higher one",
        _ => null,
    };

    /// <summary>Collectors every IPMI 2.0 BMC serves to a USER session.</summary>
    public static bool IsCore(CollectorKind kind) => kind is CollectorKind.Sensors or CollectorKind.Sel or CollectorKind.SelEvents or CollectorKind.Chassis or CollectorKind.Bmc;

    /// <summary>Leads <see cref="DescribeSessionFailure"/> when the BMC has no free session slot.</summary>
    public const string SlotsExhaustedCause = "session slots exhausted: ";

    /// <summary>Leads <see cref="DescribeSessionFailure"/> when the BMC's address cannot be reached.</summary>
    public const string UnreachableCause = "unreachable: ";

    /// <summary>Leads <see cref="DescribeSessionFailure"/> when the BMC did not answer.</summary>
    public const string NoAnswerCause = "no answer: ";

    /// <summary>Leads <see cref="DescribeSessionFailure"/> when credentials, privilege or cipher suite were refused.</summary>
    public const string AuthenticationCause = "authentication: ";

    /// <summary>Why no session could be opened, led by the cause an operator acts on (the <c>*Cause</c> constants).</summary>
    public static string DescribeSessionFailure(Exception ex) => ex switch
    {
        IpmiSessionSlotsExhaustedException => SlotsExhaustedCause + ex.Message,
        IpmiUnreachableException => UnreachableCause + ex.Message,
        IpmiTimeoutException => NoAnswerCause + ex.Message,
        _ when IsAuthentication(ex) => AuthenticationCause + ex.Message,
        _ => $"no session: {Describe(ex)}",
    };

    /// <summary>A one-line, secret-free description for <c>ipmi_up</c>'s error and the status page.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        IpmiProtocolException p => $"malformed reply: {p.Message}",
        _ => ex.Message,
    };

    private static string Command(IpmiCompletionCodeException cc) => $"netfn 0x{(byte)cc.NetFn:X2} cmd 0x{cc.Command:X2}";
}

using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.Client.Security;

/// <summary>What a cipher suite 0 probe found: whether the BMC completed a session setup without authentication.</summary>
/// <param name="Accepted">The BMC completed Open Session and RAKP 1-4 with suite 0 (then the probe closed the session).</param>
/// <param name="Detail">Which step refused, or that the session was set up and closed; never a secret.</param>
public readonly record struct CipherSuiteZeroProbe(bool Accepted, string Detail);

/// <summary>
/// One BMC's RAKP 2 answer for a user name, kept to test candidate passwords offline (the RAKP design flaw,
/// CVE-2013-4786: the BMC proves knowledge of the user's password with an HMAC before the console proves
/// anything, so anyone may ask for it). Holds no password; <see cref="Matches"/> does the offline test.
/// </summary>
public sealed class Rakp2Capture
{
    private readonly RakpExchange? _exchange;
    private readonly byte[] _code;

    internal Rakp2Capture(string userName, RmcpPlusStatus status, AuthenticationAlgorithm algorithm, RakpExchange? exchange, ReadOnlySpan<byte> code)
    {
        UserName = userName;
        Status = status;
        Algorithm = algorithm;
        _exchange = exchange;
        _code = code.ToArray();
    }

    /// <summary>The user name asked for.</summary>
    public string UserName { get; }

    /// <summary>The RAKP 2 status: <see cref="RmcpPlusStatus.NoErrors"/> when the BMC knows the user and sent its code.</summary>
    public RmcpPlusStatus Status { get; }

    /// <summary>The authentication algorithm the code was computed with.</summary>
    public AuthenticationAlgorithm Algorithm { get; }

    /// <summary><c>true</c> when the BMC knows the user and sent a key-exchange code to test.</summary>
    public bool HasCode => Status == RmcpPlusStatus.NoErrors && _exchange is not null && _code.Length > 0;

    /// <summary>
    /// <c>true</c> when <paramref name="password"/> reproduces the BMC's RAKP 2 HMAC (IPMI v2.0 §13.31), i.e. it is
    /// the user's password. Costs one HMAC; compared in constant time.
    /// </summary>
    public bool Matches(IpmiSecret password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return HasCode && _exchange!.VerifyRakp2Code(Algorithm, password.Span, _code);
    }

    public override string ToString() => $"RAKP 2 capture for '{UserName}' ({Status}, code redacted)";
}

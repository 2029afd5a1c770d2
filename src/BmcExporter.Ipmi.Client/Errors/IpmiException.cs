namespace BmcExporter.Ipmi.Client;

/// <summary>
/// Base of every error the session layer raises. Messages name the target (host:port) and the setting to change,
/// never a password, K_g or session key.
/// </summary>
public abstract class IpmiException : Exception
{
    protected IpmiException(string target, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Target = target;
    }

    /// <summary>The BMC as host:port.</summary>
    public string Target { get; }
}

/// <summary>The BMC rejected the password or K_g: RAKP 2 code mismatch, or status 0x0F (IPMI v2.0 §13.24).</summary>
public sealed class IpmiAuthenticationException : IpmiException
{
    public IpmiAuthenticationException(string target, string message)
        : base(target, message)
    {
    }

    /// <summary>
    /// RAKP 2 proved the password right and RAKP 4's integrity check value did not match the session integrity key
    /// (IPMI v2.0 §13.23, §13.31): the keys differ in K_g (two-key login), or the BMC derives them its own way.
    /// </summary>
    public bool Rakp4IntegrityMismatch { get; init; }
}

/// <summary>The BMC does not know the user name (RAKP status 0x0D, unauthorized name).</summary>
public sealed class IpmiUnknownUserException : IpmiException
{
    public IpmiUnknownUserException(string target, string message)
        : base(target, message)
    {
    }
}

/// <summary>
/// The requested privilege is refused for this account: RAKP status 0x09/0x0A, or Set Session Privilege Level
/// completion code 0x80/0x81 (IPMI v2.0 §22.18).
/// </summary>
public sealed class IpmiPrivilegeException : IpmiException
{
    public IpmiPrivilegeException(string target, string message)
        : base(target, message)
    {
    }
}

/// <summary>No cipher suite of the preference list was accepted, or suite 0 was refused by configuration.</summary>
public sealed class IpmiCipherSuiteException : IpmiException
{
    public IpmiCipherSuiteException(string target, string message)
        : base(target, message)
    {
    }
}

/// <summary>No answer within the per-request timeout after every retransmit, or the port is unreachable.</summary>
public sealed class IpmiTimeoutException : IpmiException
{
    public IpmiTimeoutException(string target, string message, Exception? innerException = null)
        : base(target, message, innerException)
    {
    }
}

/// <summary>An established session stopped working and could not be re-established within the configured bound.</summary>
public sealed class IpmiSessionLostException : IpmiException
{
    public IpmiSessionLostException(string target, string message, Exception? innerException = null)
        : base(target, message, innerException)
    {
    }
}

/// <summary>The BMC does not offer what the session needs (no IPMI v2.0/RMCP+), or answered the handshake inconsistently.</summary>
public sealed class IpmiSessionSetupException : IpmiException
{
    public IpmiSessionSetupException(string target, string message, Exception? innerException = null)
        : base(target, message, innerException)
    {
    }
}

/// <summary>
/// The network said the BMC cannot be reached: ICMP port unreachable (nothing listens on the UDP port) or host /
/// network unreachable, seen on two transmissions in a row. Raised without waiting for the request timeout.
/// </summary>
public sealed class IpmiUnreachableException : IpmiException
{
    public IpmiUnreachableException(string target, string message, Exception? innerException = null)
        : base(target, message, innerException)
    {
    }
}

/// <summary>
/// The BMC has no free session slot: every suite tried was answered with RMCP+ status 0x01 (insufficient
/// resources to create a session), or RAKP 2/4 said 0x0B (no slot at the requested role) (IPMI v2.0 §13.24).
/// Retrying later can help; changing credentials or cipher suites cannot.
/// </summary>
public sealed class IpmiSessionSlotsExhaustedException : IpmiException
{
    public IpmiSessionSlotsExhaustedException(string target, string message)
        : base(target, message)
    {
    }
}

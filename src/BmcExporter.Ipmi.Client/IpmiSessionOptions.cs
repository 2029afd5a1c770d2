using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.Client;

/// <summary>Settings of one RMCP+ session to one BMC. Defaults suit a read-only exporter.</summary>
public sealed record IpmiSessionOptions
{
    /// <summary>BMC host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>UDP port, default 623 (IPMI v2.0 §13.1.3).</summary>
    public int Port { get; init; } = Rmcp.DefaultPort;

    /// <summary>User name, at most 16 bytes (ASCII); empty means the null user.</summary>
    public string UserName { get; init; } = string.Empty;

    /// <summary>Password (at most 20 bytes), never printed.</summary>
    public required IpmiSecret Password { get; init; }

    /// <summary>Optional BMC key K_g (two-key login); null or all-zero means the password is used.</summary>
    public IpmiSecret? Kg { get; init; }

    /// <summary>Session privilege, default User. Operator/Administrator are requested with Set Session Privilege Level.</summary>
    public PrivilegeLevel Privilege { get; init; } = PrivilegeLevel.User;

    /// <summary>Cipher suites in preference order, default 17 then 3. On a clear rejection the next one is tried.</summary>
    public IReadOnlyList<byte> CipherSuites { get; init; } = [17, 3];

    /// <summary>Allow suite 0 (no authentication: anyone can log in). Default false.</summary>
    public bool AllowCipherSuite0 { get; init; }

    /// <summary>RAKP name-only lookup (role bit 4), default on as ipmitool and FreeIPMI do.</summary>
    public bool NameOnlyLookup { get; init; } = true;

    /// <summary>
    /// FreeIPMI workaround <c>intel20</c> (ipmitool <c>-o intelplus</c>): RAKP 3 is computed with the role byte
    /// without the name-only lookup bit, as Intel SE7520AF2 BMCs check it. Default off.
    /// </summary>
    public bool Intel20 { get; init; }

    /// <summary>Ask Get Channel Cipher Suites before Open Session and skip suites the BMC does not list. Default off.</summary>
    public bool QueryCipherSuites { get; init; }

    /// <summary>
    /// Longest wait for one answer before retransmitting. Default 1 s (ipmitool's default). The wait adapts to
    /// the measured round trip (RFC 6298) between <see cref="MinimumRequestTimeout"/> and this value; before the
    /// first answer it is this value.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Shortest adaptive wait before a retransmission. Default 100 ms: well above a LAN round trip, so a BMC that
    /// is merely slow for one command rarely sees a duplicate. Values above <see cref="RequestTimeout"/> act as it.
    /// </summary>
    public TimeSpan MinimumRequestTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Retransmissions after the first send (requests) or handshake restarts. Default 3. A request (or handshake)
    /// is given up after Retries + 1 transmissions and (Retries + 1) × RequestTimeout of waiting, whichever comes
    /// later, at most 4 × (Retries + 1) transmissions: a short adaptive wait never makes it give up sooner.
    /// </summary>
    public int Retries { get; init; } = 3;

    /// <summary>Idle time after which a Get Device ID keeps the session alive. Default 20 s (ipmi_sim expires at 30 s).</summary>
    public TimeSpan KeepaliveInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Re-establishments attempted for one request after the session was lost. Default 1.</summary>
    public int MaxReestablishAttempts { get; init; } = 1;

    /// <summary>Verify IPMI message checksums in responses (disable for the nochecksumcheck quirk). Default true.</summary>
    public bool VerifyChecksums { get; init; } = true;

    /// <summary>Clock for timeouts and keepalive; tests pass a fake.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>host:port, for messages.</summary>
    public string Target => Host.Contains(':', StringComparison.Ordinal) && !Host.StartsWith('[') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Host);
        ArgumentNullException.ThrowIfNull(Password);
        if (System.Text.Encoding.UTF8.GetByteCount(UserName) > Rakp1.MaxUserNameLength)
        {
            throw new ArgumentException($"User name for {Target} is longer than {Rakp1.MaxUserNameLength} bytes.", nameof(UserName));
        }

        if (Port is <= 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be 1-65535.");
        }

        if (CipherSuites.Count == 0)
        {
            throw new ArgumentException("At least one cipher suite is needed.", nameof(CipherSuites));
        }

        if (Retries is < 0 or > 20 || MaxReestablishAttempts is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(Retries), "Retries must be 0-20 and MaxReestablishAttempts 0-10.");
        }

        if (RequestTimeout <= TimeSpan.Zero || KeepaliveInterval <= TimeSpan.Zero || MinimumRequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), "Timeouts must be positive.");
        }
    }

    public override string ToString() => $"{UserName}@{Target} privilege {Privilege} suites [{string.Join(',', CipherSuites)}]";
}

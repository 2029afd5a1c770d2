using System.Security.Cryptography;

namespace BmcExporter.Ipmi.Crypto;

/// <summary>
/// One-shot HMAC helpers for the RAKP authentication algorithms (the per-packet integrity AuthCode is
/// <see cref="IntegrityMac"/>) and the lengths of the integrity algorithms, writing into
/// caller spans (no allocation). Every comparison of a received MAC goes through <see cref="FixedTimeEqualsPrefix"/>.
/// </summary>
public static class IpmiHmac
{
    public const int MaxDigestLength = 32;

    /// <summary>Full HMAC output length of a RAKP authentication algorithm (IPMI v2.0 §13.28).</summary>
    public static int DigestLength(AuthenticationAlgorithm algorithm) => algorithm switch
    {
        AuthenticationAlgorithm.None => 0,
        AuthenticationAlgorithm.HmacSha1 => 20,
        AuthenticationAlgorithm.HmacMd5 => 16,
        AuthenticationAlgorithm.HmacSha256 => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unsupported authentication algorithm."),
    };

    /// <summary>
    /// Length of the RAKP 4 integrity check value: SHA1 truncates to 96 bits, SHA256 to 128 bits, MD5 keeps 128
    /// (IPMI v2.0 §13.28.1b, §13.28.3).
    /// </summary>
    public static int Rakp4IcvLength(AuthenticationAlgorithm algorithm) => algorithm switch
    {
        AuthenticationAlgorithm.None => 0,
        AuthenticationAlgorithm.HmacSha1 => 12,
        AuthenticationAlgorithm.HmacMd5 => 16,
        AuthenticationAlgorithm.HmacSha256 => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unsupported authentication algorithm."),
    };

    /// <summary>AuthCode length of an integrity algorithm (IPMI v2.0 §13.28.4).</summary>
    public static int AuthCodeLength(IntegrityAlgorithm algorithm) => algorithm switch
    {
        IntegrityAlgorithm.None => 0,
        IntegrityAlgorithm.HmacSha1Bits96 => 12,
        IntegrityAlgorithm.HmacMd5Bits128 => 16,
        IntegrityAlgorithm.HmacSha256Bits128 => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unsupported integrity algorithm."),
    };

    /// <summary>HMAC with the hash of a RAKP authentication algorithm; returns the bytes written (full digest).</summary>
    public static int Compute(AuthenticationAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination) => algorithm switch
    {
        AuthenticationAlgorithm.HmacSha1 => HMACSHA1.HashData(key, data, destination),
        AuthenticationAlgorithm.HmacMd5 => HMACMD5.HashData(key, data, destination),
        AuthenticationAlgorithm.HmacSha256 => HMACSHA256.HashData(key, data, destination),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "No HMAC for this authentication algorithm."),
    };

    /// <summary>
    /// Constant-time check that <paramref name="received"/> starts with <paramref name="expected"/>. Extra trailing
    /// bytes are tolerated (Supermicro and Sun RAKP 2 quirks, reference §5.1 supermicro20/sun20).
    /// </summary>
    public static bool FixedTimeEqualsPrefix(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> received)
        => received.Length >= expected.Length
            && CryptographicOperations.FixedTimeEquals(expected, received[..expected.Length]);
}

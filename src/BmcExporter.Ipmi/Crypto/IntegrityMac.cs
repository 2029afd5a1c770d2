using System.Security.Cryptography;

namespace BmcExporter.Ipmi.Crypto;

/// <summary>
/// The integrity AuthCode of one session key (IPMI v2.0 §13.28.4), computed with one keyed HMAC context kept for the
/// session: the one-shot <c>HMACSHA1.HashData</c> sets up a native context and looks up the digest per call, which
/// was the largest cryptographic cost per packet. Calls are serialised by a lock, so one instance may be shared by
/// threads (uncontended in practice: one per direction of one session).
/// </summary>
public sealed class IntegrityMac : IDisposable
{
    private readonly IncrementalHash _hmac;
    private readonly Lock _gate = new();

    /// <summary>Creates the context for <paramref name="algorithm"/> keyed with <paramref name="key"/> (K1).</summary>
    public IntegrityMac(IntegrityAlgorithm algorithm, ReadOnlySpan<byte> key)
    {
        Algorithm = algorithm;
        var name = algorithm switch
        {
            IntegrityAlgorithm.HmacSha1Bits96 => HashAlgorithmName.SHA1,
            IntegrityAlgorithm.HmacMd5Bits128 => HashAlgorithmName.MD5,
            IntegrityAlgorithm.HmacSha256Bits128 => HashAlgorithmName.SHA256,
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "No MAC for this integrity algorithm."),
        };
        _hmac = IncrementalHash.CreateHMAC(name, key);
        Length = IpmiHmac.AuthCodeLength(algorithm);
    }

    /// <summary>The integrity algorithm.</summary>
    public IntegrityAlgorithm Algorithm { get; }

    /// <summary>AuthCode length in bytes (the HMAC truncated as §13.28.4 says).</summary>
    public int Length { get; }

    /// <summary>Writes the truncated AuthCode of <paramref name="data"/> into <paramref name="destination"/>; returns its length.</summary>
    public int Compute(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("Destination shorter than the AuthCode.", nameof(destination));
        }

        Span<byte> full = stackalloc byte[IpmiHmac.MaxDigestLength];
        int written;
        lock (_gate)
        {
            _hmac.AppendData(data);
            written = _hmac.GetHashAndReset(full);
        }

        full[..Math.Min(Length, written)].CopyTo(destination);
        CryptographicOperations.ZeroMemory(full);
        return Length;
    }

    /// <inheritdoc />
    public void Dispose() => _hmac.Dispose();
}

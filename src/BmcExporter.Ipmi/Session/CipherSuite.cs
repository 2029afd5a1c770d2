using BmcExporter.Ipmi.Crypto;

namespace BmcExporter.Ipmi.Session;

/// <summary>
/// A cipher suite: the authentication, integrity and confidentiality algorithms negotiated by Open Session
/// (IPMI v2.0 §22.15.2, table 22-20). Only suites this codec can run are in <see cref="TryGet"/>.
/// </summary>
public readonly record struct CipherSuite(
    byte Id,
    AuthenticationAlgorithm Authentication,
    IntegrityAlgorithm Integrity,
    ConfidentialityAlgorithm Confidentiality)
{
    /// <summary>Suite IDs supported, in the order a client should prefer them.</summary>
    public static IReadOnlyList<byte> SupportedIds { get; } = [17, 3, 16, 2, 15, 1, 8, 7, 6, 0];

    /// <summary>True when the packets of an active session carry an integrity trailer.</summary>
    public bool HasIntegrity => Integrity != IntegrityAlgorithm.None;

    /// <summary>True when in-session payloads are encrypted.</summary>
    public bool HasConfidentiality => Confidentiality != ConfidentialityAlgorithm.None;

    public static bool TryGet(byte id, out CipherSuite suite)
    {
        const AuthenticationAlgorithm sha1 = AuthenticationAlgorithm.HmacSha1;
        const AuthenticationAlgorithm md5 = AuthenticationAlgorithm.HmacMd5;
        const AuthenticationAlgorithm sha256 = AuthenticationAlgorithm.HmacSha256;
        const IntegrityAlgorithm noIntegrity = IntegrityAlgorithm.None;
        const ConfidentialityAlgorithm clear = ConfidentialityAlgorithm.None;
        const ConfidentialityAlgorithm aes = ConfidentialityAlgorithm.AesCbc128;
        suite = id switch
        {
            0 => new(0, AuthenticationAlgorithm.None, noIntegrity, clear),
            1 => new(1, sha1, noIntegrity, clear),
            2 => new(2, sha1, IntegrityAlgorithm.HmacSha1Bits96, clear),
            3 => new(3, sha1, IntegrityAlgorithm.HmacSha1Bits96, aes),
            6 => new(6, md5, noIntegrity, clear),
            7 => new(7, md5, IntegrityAlgorithm.HmacMd5Bits128, clear),
            8 => new(8, md5, IntegrityAlgorithm.HmacMd5Bits128, aes),
            15 => new(15, sha256, noIntegrity, clear),
            16 => new(16, sha256, IntegrityAlgorithm.HmacSha256Bits128, clear),
            17 => new(17, sha256, IntegrityAlgorithm.HmacSha256Bits128, aes),
            _ => default,
        };
        return id == 0 || (suite.Id == id && suite.Authentication != AuthenticationAlgorithm.None);
    }

    /// <summary>The suite with this ID; <see cref="ArgumentOutOfRangeException"/> when unsupported.</summary>
    public static CipherSuite Get(byte id) => TryGet(id, out var suite)
        ? suite
        : throw new ArgumentOutOfRangeException(nameof(id), id, "Cipher suite not supported (supported: 0-3, 6-8, 15-17).");

    /// <summary>Finds the suite running exactly these algorithms (BMC side, from an Open Session request).</summary>
    public static bool TryFind(AuthenticationAlgorithm auth, IntegrityAlgorithm integrity, ConfidentialityAlgorithm conf, out CipherSuite suite)
    {
        foreach (var id in SupportedIds)
        {
            var candidate = Get(id);
            if (candidate.Authentication == auth && candidate.Integrity == integrity && candidate.Confidentiality == conf)
            {
                suite = candidate;
                return true;
            }
        }

        suite = default;
        return false;
    }

    public override string ToString() => $"cipher suite {Id}";
}

using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Framing;

namespace BmcExporter.Ipmi.Session;

/// <summary>
/// Protection of in-session RMCP+ packets for one session and one direction pair (IPMI v2.0 §13.28-§13.29,
/// reference §2.10). Seal: encrypt (fresh IV) → header → integrity pad, pad length, next header → AuthCode.
/// Open: session ID and flags check → AuthCode check (constant time) → decrypt. The console seals with SID_bmc
/// and opens expecting SID_con; the BMC does the inverse. One instance holds the AES key schedule so sealing
/// does not allocate; it is not thread-safe (a session's requests are serialised).
/// </summary>
public sealed partial class SessionCipher : IDisposable
{
    private const byte NextHeader = 0x07;
    private const int TrailerFixedLength = 2;

    private readonly IntegrityMac? _sealMac;
    private readonly IntegrityMac? _openMac;
    private readonly AesCbcEngine? _aes;

    public SessionCipher(SessionKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Suite = keys.Suite;
        if (Suite.Integrity == IntegrityAlgorithm.Md5Bits128)
        {
            throw new ArgumentException("MD5-128 integrity is not supported.", nameof(keys));
        }

        if (Suite.HasIntegrity)
        {
            // One keyed context per direction, so sealing a request never waits for opening a reply.
            _sealMac = new IntegrityMac(Suite.Integrity, keys.K1);
            _openMac = new IntegrityMac(Suite.Integrity, keys.K1);
        }

        if (Suite.Confidentiality == ConfidentialityAlgorithm.AesCbc128)
        {
            _aes = new AesCbcEngine(keys.K2[..16]);
        }
        else if (Suite.HasConfidentiality)
        {
            throw new ArgumentException($"Confidentiality algorithm {Suite.Confidentiality} is not supported.", nameof(keys));
        }
    }

    public CipherSuite Suite { get; }

    private int AuthCodeLength => IpmiHmac.AuthCodeLength(Suite.Integrity);

    private byte FlagsFor(byte payloadType)
        => (byte)((payloadType & 0x3F)
            | (Suite.HasIntegrity ? PayloadType.AuthenticatedFlag : 0)
            | (Suite.HasConfidentiality ? PayloadType.EncryptedFlag : 0));

    /// <summary>Length of the payload field as transmitted for <paramref name="plaintextLength"/> bytes.</summary>
    public int GetPayloadLength(int plaintextLength)
        => Suite.HasConfidentiality ? IpmiAesCbc.GetWrappedLength(plaintextLength) : plaintextLength;

    /// <summary>Exact datagram length of a sealed packet carrying <paramref name="plaintextLength"/> payload bytes.</summary>
    public int GetSealedLength(int plaintextLength)
    {
        var payloadLength = GetPayloadLength(plaintextLength);
        var length = RmcpPlusPacket.HeaderLength + payloadLength;
        return Suite.HasIntegrity ? length + IntegrityPadLength(payloadLength) + TrailerFixedLength + AuthCodeLength : length;
    }

    /// <summary>
    /// Integrity pad so the bytes from the auth-type byte through Next Header are a multiple of 4
    /// (IPMI v2.0 §13.28.4 and table 13-8).
    /// </summary>
    public static int IntegrityPadLength(int payloadLength) => (4 - ((12 + payloadLength + TrailerFixedLength) % 4)) % 4;

    public void Dispose()
    {
        _aes?.Dispose();
        _sealMac?.Dispose();
        _openMac?.Dispose();
    }

    public override string ToString() => $"SessionCipher({Suite})";
}

using System.Buffers.Binary;
using BmcExporter.Ipmi.Crypto;

namespace BmcExporter.Ipmi.Session;

/// <summary>
/// The values both sides of a RAKP handshake hash (IPMI v2.0 §13.31-§13.32; exact byte strings in reference
/// §2.7): session IDs, both random numbers, the BMC GUID, the RAKP 1 role byte as sent and the user name.
/// The console uses Compute/Verify of RAKP 2 code, RAKP 3 code and RAKP 4 ICV in that order; the BMC side uses
/// the same methods the other way round (compute the RAKP 2 code, verify RAKP 3, compute the RAKP 4 ICV).
/// </summary>
public sealed class RakpExchange
{
    private readonly byte[] _consoleRandom;
    private readonly byte[] _bmcRandom;
    private readonly byte[] _bmcGuid;
    private readonly byte[] _userName;

    public RakpExchange(
        uint consoleSessionId, uint bmcSessionId, ReadOnlySpan<byte> consoleRandom, ReadOnlySpan<byte> bmcRandom,
        ReadOnlySpan<byte> bmcGuid, byte role, ReadOnlySpan<byte> userName)
    {
        if (consoleRandom.Length != 16 || bmcRandom.Length != 16 || bmcGuid.Length != 16 || userName.Length > Rakp1.MaxUserNameLength)
        {
            throw new ArgumentException("RAKP randoms and GUID are 16 bytes; user names at most 16 bytes.", nameof(userName));
        }

        ConsoleSessionId = consoleSessionId;
        BmcSessionId = bmcSessionId;
        _consoleRandom = consoleRandom.ToArray();
        _bmcRandom = bmcRandom.ToArray();
        _bmcGuid = bmcGuid.ToArray();
        Role = role;
        _userName = userName.ToArray();
    }

    public uint ConsoleSessionId { get; }

    public uint BmcSessionId { get; }

    public byte Role { get; }

    public ReadOnlySpan<byte> UserName => _userName;

    /// <summary>RAKP 2 key-exchange code: HMAC_Kuid(SID_con ‖ SID_bmc ‖ Rcon ‖ Rbmc ‖ GUID ‖ role ‖ ulen ‖ uname).</summary>
    public int ComputeRakp2Code(AuthenticationAlgorithm algorithm, ReadOnlySpan<byte> password, Span<byte> destination)
    {
        if (algorithm == AuthenticationAlgorithm.None)
        {
            return 0;
        }

        Span<byte> input = stackalloc byte[4 + 4 + 16 + 16 + 16 + 2 + Rakp1.MaxUserNameLength];
        BinaryPrimitives.WriteUInt32LittleEndian(input, ConsoleSessionId);
        BinaryPrimitives.WriteUInt32LittleEndian(input[4..], BmcSessionId);
        _consoleRandom.CopyTo(input[8..]);
        _bmcRandom.CopyTo(input[24..]);
        _bmcGuid.CopyTo(input[40..]);
        var length = WriteRoleAndName(input, 56);
        return IpmiHmac.Compute(algorithm, password, input[..length], destination);
    }

    /// <summary>Verifies a received RAKP 2 code (console side). Extra trailing bytes are tolerated.</summary>
    public bool VerifyRakp2Code(AuthenticationAlgorithm algorithm, ReadOnlySpan<byte> password, ReadOnlySpan<byte> received)
    {
        Span<byte> expected = stackalloc byte[IpmiHmac.MaxDigestLength];
        var length = ComputeRakp2Code(algorithm, password, expected);
        return IpmiHmac.FixedTimeEqualsPrefix(expected[..length], received);
    }

    /// <summary>RAKP 3 key-exchange code: HMAC_Kuid(Rbmc ‖ SID_con ‖ role ‖ ulen ‖ uname).</summary>
    public int ComputeRakp3Code(AuthenticationAlgorithm algorithm, ReadOnlySpan<byte> password, Span<byte> destination)
    {
        if (algorithm == AuthenticationAlgorithm.None)
        {
            return 0;
        }

        Span<byte> input = stackalloc byte[16 + 4 + 2 + Rakp1.MaxUserNameLength];
        _bmcRandom.CopyTo(input);
        BinaryPrimitives.WriteUInt32LittleEndian(input[16..], ConsoleSessionId);
        var length = WriteRoleAndName(input, 20);
        return IpmiHmac.Compute(algorithm, password, input[..length], destination);
    }

    /// <summary>Verifies a received RAKP 3 code (BMC side); the length must be exact.</summary>
    public bool VerifyRakp3Code(AuthenticationAlgorithm algorithm, ReadOnlySpan<byte> password, ReadOnlySpan<byte> received)
    {
        Span<byte> expected = stackalloc byte[IpmiHmac.MaxDigestLength];
        var length = ComputeRakp3Code(algorithm, password, expected);
        return received.Length == length && IpmiHmac.FixedTimeEqualsPrefix(expected[..length], received);
    }

    /// <summary>
    /// Derives SIK = HMAC_Kg(Rcon ‖ Rbmc ‖ role ‖ ulen ‖ uname), K1 = HMAC_SIK(0x01 × 20), K2 = HMAC_SIK(0x02 × 20)
    /// (IPMI v2.0 §13.31, §13.32). An empty or all-zero <paramref name="kg"/> means Kuid is used.
    /// </summary>
    public SessionKeys DeriveKeys(CipherSuite suite, ReadOnlySpan<byte> password, ReadOnlySpan<byte> kg)
    {
        var algorithm = suite.Authentication;
        if (algorithm == AuthenticationAlgorithm.None)
        {
            return new SessionKeys(suite, [], [], []);
        }

        var key = kg.IsEmpty || !kg.ContainsAnyExcept((byte)0) ? password : kg;
        Span<byte> input = stackalloc byte[16 + 16 + 2 + Rakp1.MaxUserNameLength];
        _consoleRandom.CopyTo(input);
        _bmcRandom.CopyTo(input[16..]);
        var length = WriteRoleAndName(input, 32);
        var digest = IpmiHmac.DigestLength(algorithm);
        var sik = new byte[digest];
        IpmiHmac.Compute(algorithm, key, input[..length], sik);
        var k1 = new byte[digest];
        var k2 = new byte[digest];
        Span<byte> constant = stackalloc byte[20];
        constant.Fill(0x01);
        IpmiHmac.Compute(algorithm, sik, constant, k1);
        constant.Fill(0x02);
        IpmiHmac.Compute(algorithm, sik, constant, k2);
        return new SessionKeys(suite, sik, k1, k2);
    }

    /// <summary>RAKP 4 ICV: HMAC_SIK(Rcon ‖ SID_bmc ‖ GUID), truncated per the authentication algorithm.</summary>
    public int ComputeRakp4Icv(SessionKeys keys, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var algorithm = keys.Suite.Authentication;
        if (algorithm == AuthenticationAlgorithm.None)
        {
            return 0;
        }

        Span<byte> input = stackalloc byte[16 + 4 + 16];
        _consoleRandom.CopyTo(input);
        BinaryPrimitives.WriteUInt32LittleEndian(input[16..], BmcSessionId);
        _bmcGuid.CopyTo(input[20..]);
        Span<byte> full = stackalloc byte[IpmiHmac.MaxDigestLength];
        IpmiHmac.Compute(algorithm, keys.Sik, input, full);
        var length = IpmiHmac.Rakp4IcvLength(algorithm);
        full[..length].CopyTo(destination);
        return length;
    }

    /// <summary>Verifies the RAKP 4 ICV (console side). With authentication none any ICV is accepted.</summary>
    public bool VerifyRakp4Icv(SessionKeys keys, ReadOnlySpan<byte> received)
    {
        Span<byte> expected = stackalloc byte[IpmiHmac.MaxDigestLength];
        var length = ComputeRakp4Icv(keys, expected);
        return length == 0 || IpmiHmac.FixedTimeEqualsPrefix(expected[..length], received);
    }

    private int WriteRoleAndName(Span<byte> input, int offset)
    {
        input[offset] = Role;
        input[offset + 1] = (byte)_userName.Length;
        _userName.CopyTo(input[(offset + 2)..]);
        return offset + 2 + _userName.Length;
    }
}

using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Session;
using static BmcExporter.Ipmi.Tests.Crypto.VectorInputs;

namespace BmcExporter.Ipmi.Tests.Crypto;

public sealed class RakpVectorTests
{
    public static TheoryData<byte, string, string, string, string, string, string> Vectors => new()
    {
        {
            3,
            "9508518bfb43673d0eb84d935ac25439b06a7ab8",
            "4ab420258775814f120682c8ab9275c29997effd",
            "122c77c4b11ccd93251cbae6c34a9cb6310da154",
            "e4472be78f9a81fa68297aab696a7be8c97fc9f8",
            "2b6552012a2517cb3b5713901d757a6efc7d8301",
            "5aca955789109a61974ad7a1"
        },
        {
            17,
            "79b07cf99f6fd074691206ca7d16d7dd4f3839265fb50a773376369454929e88",
            "72a845290e0504673b2177d93a8dd844954778f3fe6b0476b2e7055a21663586",
            "e5935f7199865ad961063477b0662684e2ce9b1da8f2b8d41c5ce127d37e9bcf",
            "dc4fe73d075306f6897115dd63257385e845c10404fa1d73991790c6a101bec2",
            "2a4f969ea6dfa83066f36674fdc2fea289fa1a21da90303e9b5269b54ec5adb5",
            "f9794eeba255f475851d0dc1957efda9"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Handshake_ReferenceVectors_MatchByteForByte(byte suiteId, string rakp2, string rakp3, string sik, string k1, string k2, string icv)
    {
        var suite = CipherSuite.Get(suiteId);
        var exchange = Exchange();
        Span<byte> buffer = stackalloc byte[IpmiHmac.MaxDigestLength];

        var n = exchange.ComputeRakp2Code(suite.Authentication, Password, buffer);
        Assert.Equal(Hex(rakp2), buffer[..n].ToArray());
        n = exchange.ComputeRakp3Code(suite.Authentication, Password, buffer);
        Assert.Equal(Hex(rakp3), buffer[..n].ToArray());

        using var keys = exchange.DeriveKeys(suite, Password, default);
        Assert.Equal(Hex(sik), keys.Sik.ToArray());
        Assert.Equal(Hex(k1), keys.K1.ToArray());
        Assert.Equal(Hex(k2), keys.K2.ToArray());
        n = exchange.ComputeRakp4Icv(keys, buffer);
        Assert.Equal(Hex(icv), buffer[..n].ToArray());
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_ReferenceCodes_AcceptedAndTamperedRejected(byte suiteId, string rakp2, string rakp3, string sik, string k1, string k2, string icv)
    {
        _ = (sik, k1, k2);
        var suite = CipherSuite.Get(suiteId);
        var exchange = Exchange();
        using var keys = exchange.DeriveKeys(suite, Password, default);

        Assert.True(exchange.VerifyRakp2Code(suite.Authentication, Password, Hex(rakp2)));
        Assert.True(exchange.VerifyRakp2Code(suite.Authentication, Password, [.. Hex(rakp2), 0x00]));
        Assert.True(exchange.VerifyRakp3Code(suite.Authentication, Password, Hex(rakp3)));
        Assert.True(exchange.VerifyRakp4Icv(keys, Hex(icv)));

        var bad = Hex(rakp2);
        bad[0] ^= 1;
        Assert.False(exchange.VerifyRakp2Code(suite.Authentication, Password, bad));
        Assert.False(exchange.VerifyRakp2Code(suite.Authentication, "wrong"u8, Hex(rakp2)));
        Assert.False(exchange.VerifyRakp3Code(suite.Authentication, Password, Hex(rakp3)[..^1]));
        var badIcv = Hex(icv);
        badIcv[^1] ^= 0x80;
        Assert.False(exchange.VerifyRakp4Icv(keys, badIcv));
    }

    [Fact]
    public void DeriveKeys_AllZeroKg_SameAsNoKg()
    {
        var suite = CipherSuite.Get(3);
        using var withoutKg = Exchange().DeriveKeys(suite, Password, default);
        using var zeroKg = Exchange().DeriveKeys(suite, Password, new byte[20]);
        using var realKg = Exchange().DeriveKeys(suite, Password, "bmckey"u8);

        Assert.Equal(withoutKg.Sik.ToArray(), zeroKg.Sik.ToArray());
        Assert.NotEqual(withoutKg.Sik.ToArray(), realKg.Sik.ToArray());
    }

    [Fact]
    public void SessionKeysAndSecret_ToString_DoNotRevealBytes()
    {
        using var keys = Exchange().DeriveKeys(CipherSuite.Get(3), Password, default);
        using var secret = IpmiSecret.FromString("password");

        Assert.DoesNotContain("122c", keys.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("***", secret.ToString());
        Assert.Throws<ArgumentException>(() => IpmiSecret.FromString(new string('x', 21)));
    }
}

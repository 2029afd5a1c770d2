using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;
using static BmcExporter.Ipmi.Tests.Crypto.VectorInputs;

namespace BmcExporter.Ipmi.Tests.Session;

public sealed class SessionCipherVectorTests
{
    internal const string RequestPacket =
        "0600ff07 06 c0 78563412 01000000 2000 a0a1a2a3a4a5a6a7a8a9aaabacadaeaf 0f158b160569a9eb362e3706adde6379 ffff 02 07 feed1f69c1f175cf54cea752";

    internal const string ResponsePacket =
        "0600ff07 06 c0 a4a3a2a0 01000000 3000 b0b1b2b3b4b5b6b7b8b9babbbcbdbebf 93bfbe4f5ac68abfb2c144cb733787684354480c38442a05eab8ed0a47effd5a ffff 02 07 caa2f183b02181b166455ead";

    internal const string ResponseMessage = "81 1c 63 20 04 01 00 00 03 09 08 02 9f 91 12 00 02 0f 72";

    internal static SessionCipher Suite3Cipher()
    {
        using var keys = Exchange().DeriveKeys(CipherSuite.Get(3), Password, default);
        return new SessionCipher(keys);
    }

    [Fact]
    public void SealRequest_Suite3GetDeviceId_MatchesReferencePacket()
    {
        using var cipher = Suite3Cipher();
        var message = new byte[7];
        IpmiLanMessage.WriteRequest(message, IpmiMessageHeader.ForRequest(NetFn.App, 0x01, 1), default);
        Assert.Equal(Hex("20 18 c8 81 04 01 7a"), message);

        var packet = new byte[cipher.GetSealedLength(message.Length)];
        var written = cipher.Seal(packet, PayloadType.Ipmi, BmcSessionId, 1, message, Sequence(0xA0));

        Assert.Equal(64, written);
        Assert.Equal(Hex(RequestPacket), packet);
    }

    [Fact]
    public void SealResponse_Suite3GetDeviceId_MatchesReferencePacket()
    {
        using var cipher = Suite3Cipher();
        var message = Hex(ResponseMessage);
        var packet = new byte[cipher.GetSealedLength(message.Length)];
        cipher.Seal(packet, PayloadType.Ipmi, ConsoleSessionId, 1, message, Sequence(0xB0));

        Assert.Equal(Hex(ResponsePacket), packet);
    }

    [Fact]
    public void Open_ReferenceResponse_YieldsGetDeviceIdResponse()
    {
        using var cipher = Suite3Cipher();
        var plain = new byte[128];
        var opened = cipher.Open(Hex(ResponsePacket), ConsoleSessionId, plain);

        Assert.Equal(PayloadType.Ipmi, opened.PayloadType);
        Assert.Equal(1u, opened.SequenceNumber);
        var response = IpmiLanMessage.ParseResponse(plain.AsSpan(0, opened.Length));
        Assert.Equal(0x07, response.Header.NetFn);
        Assert.Equal(0x01, response.Header.Command);
        Assert.Equal(1, response.Header.Sequence);
        Assert.Equal(0, response.CompletionCode);
        Assert.Equal(Hex("00 03 09 08 02 9f 91 12 00 02 0f"), response.Data.ToArray());
    }

    [Fact]
    public void Open_ReferenceRequest_AsBmc_YieldsGetDeviceIdRequest()
    {
        using var cipher = Suite3Cipher();
        var plain = new byte[128];
        var opened = cipher.Open(Hex(RequestPacket), BmcSessionId, plain);

        var request = IpmiLanMessage.ParseRequest(plain.AsSpan(0, opened.Length));
        Assert.Equal((byte)NetFn.App, request.Header.NetFn);
        Assert.Equal(0x01, request.Header.Command);
        Assert.Equal(0, request.Data.Length);
    }

    [Fact]
    public void Open_WrongSessionIdOrFlippedMac_Throws()
    {
        using var cipher = Suite3Cipher();
        var plain = new byte[128];
        Assert.Throws<IpmiProtocolException>(() => cipher.Open(Hex(ResponsePacket), BmcSessionId, plain));

        var tampered = Hex(ResponsePacket);
        tampered[^1] ^= 1;
        Assert.Throws<IpmiProtocolException>(() => cipher.Open(tampered, ConsoleSessionId, plain));
    }
}

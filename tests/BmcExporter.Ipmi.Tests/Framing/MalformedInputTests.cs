using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;
using BmcExporter.Ipmi.Tests.Session;
using static BmcExporter.Ipmi.Tests.Crypto.VectorInputs;

namespace BmcExporter.Ipmi.Tests.Framing;

/// <summary>Truncation at every length, every single-bit flip and random bytes only ever raise IpmiProtocolException.</summary>
public sealed class MalformedInputTests
{
    public static TheoryData<string> ValidPackets()
    {
        var data = new TheoryData<string>
        {
            SessionCipherVectorTests.RequestPacket,
            SessionCipherVectorTests.ResponsePacket,
            "0600ff07 00 00000000 00000000 09 20 18 c8 81 00 38 8e 04 b5",
        };
        var ping = new byte[AsfMessage.PingLength];
        AsfMessage.WritePing(ping, 9);
        data.Add(Convert.ToHexString(ping));
        var pong = new byte[AsfMessage.PongLength];
        AsfMessage.WritePong(pong, 9);
        data.Add(Convert.ToHexString(pong));

        Span<byte> buffer = stackalloc byte[128];
        var open = new byte[OpenSessionRequest.Length];
        new OpenSessionRequest(1, PrivilegeLevel.User, ConsoleSessionId, CipherSuite.Get(3)).Write(open);
        data.Add(Packet(PayloadType.OpenSessionRequest, open));
        var openResponse = new byte[OpenSessionResponse.Length];
        OpenSessionResponse.Success(1, PrivilegeLevel.User, ConsoleSessionId, BmcSessionId, CipherSuite.Get(17)).Write(openResponse);
        data.Add(Packet(PayloadType.OpenSessionResponse, openResponse));
        var rakp1 = new Rakp1(1, BmcSessionId, ConsoleRandom, Role, UserName);
        data.Add(Packet(PayloadType.Rakp1, buffer[..rakp1.Write(buffer)].ToArray()));
        var rakp2 = new Rakp2(1, RmcpPlusStatus.NoErrors, ConsoleSessionId, BmcRandom, BmcGuid, new byte[20]);
        data.Add(Packet(PayloadType.Rakp2, buffer[..rakp2.Write(buffer)].ToArray()));
        var rakp3 = new Rakp3(1, RmcpPlusStatus.NoErrors, BmcSessionId, new byte[32]);
        data.Add(Packet(PayloadType.Rakp3, buffer[..rakp3.Write(buffer)].ToArray()));
        var rakp4 = new Rakp4(1, RmcpPlusStatus.NoErrors, ConsoleSessionId, new byte[12]);
        data.Add(Packet(PayloadType.Rakp4, buffer[..rakp4.Write(buffer)].ToArray()));
        var bridged = new byte[SendMessageBridge.GetRequestDataLength(1)];
        SendMessageBridge.WriteRequestData(bridged, 0, 0x2C, 0, NetFn.SensorEvent, 0x2D, 5, [0x05]);
        var outer = new byte[RmcpPlusPacket.GetLength(IpmiLanMessage.GetRequestLength(bridged.Length))];
        RmcpPlusPacket.WriteRequest(outer, 0, 0, IpmiMessageHeader.ForRequest(NetFn.App, SendMessageBridge.Command, 3), bridged);
        data.Add(Convert.ToHexString(outer));
        return data;
    }

    private static string Packet(byte payloadType, byte[] payload)
    {
        var packet = new byte[RmcpPlusPacket.GetLength(payload.Length)];
        RmcpPlusPacket.Write(packet, payloadType, 0, 0, payload);
        return Convert.ToHexString(packet);
    }

    [Theory]
    [MemberData(nameof(ValidPackets))]
    public void Parse_ValidPacket_PayloadEndsWithinDatagram(string hex)
    {
        var packet = Hex(hex);

        var parsed = RmcpDatagram.Parse(packet);

        Assert.NotEqual(DatagramKind.RmcpAck, parsed.Kind);
        Assert.True(parsed.PayloadOffset + parsed.Payload.Length <= packet.Length);
        Assert.False(parsed.Payload.IsEmpty);
    }

    [Theory]
    [MemberData(nameof(ValidPackets))]
    public void Decode_TruncatedAtEveryLength_OnlyProtocolException(string hex)
    {
        using var cipher = SessionCipherVectorTests.Suite3Cipher();
        var packet = Hex(hex);
        for (var length = 0; length < packet.Length; length++)
        {
            var truncated = packet[..length];
            var ex = Record.Exception(() => DecodeAsClientOrBmc(truncated, cipher));
            Assert.True(ex is null or IpmiProtocolException, $"length {length}: {ex}");
        }
    }

    [Theory]
    [MemberData(nameof(ValidPackets))]
    public void Decode_EverySingleBitFlipped_OnlyProtocolException(string hex)
    {
        using var cipher = SessionCipherVectorTests.Suite3Cipher();
        var packet = Hex(hex);
        for (var bit = 0; bit < packet.Length * 8; bit++)
        {
            var flipped = (byte[])packet.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            var ex = Record.Exception(() => DecodeAsClientOrBmc(flipped, cipher));
            Assert.True(ex is null or IpmiProtocolException, $"bit {bit}: {ex}");
        }
    }

    [Fact]
    public void Decode_RandomDatagrams_OnlyProtocolException()
    {
        using var cipher = SessionCipherVectorTests.Suite3Cipher();
        var random = new Random(20261125);
        for (var i = 0; i < 20_000; i++)
        {
            var datagram = new byte[random.Next(0, 120)];
            random.NextBytes(datagram);
            if (datagram.Length >= 5 && i % 2 == 0)
            {
                // Half of the cases get a valid RMCP/IPMI prefix so the deeper decoders are reached.
                datagram[0] = 0x06;
                datagram[1] = 0;
                datagram[2] = 0xFF;
                datagram[3] = 0x07;
                datagram[4] = (byte)(i % 4 == 0 ? 0x06 : 0x00);
            }

            var ex = Record.Exception(() => DecodeAsClientOrBmc(datagram, cipher));
            Assert.True(ex is null or IpmiProtocolException, $"case {i} {Convert.ToHexString(datagram)}: {ex}");
        }
    }

    [Fact]
    public void Open_FlippedCiphertextOrTrailer_AlwaysRejected()
    {
        using var cipher = SessionCipherVectorTests.Suite3Cipher();
        var packet = Hex(SessionCipherVectorTests.ResponsePacket);
        var plain = new byte[packet.Length];
        for (var bit = 4 * 8; bit < packet.Length * 8; bit++)
        {
            var flipped = (byte[])packet.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Throws<IpmiProtocolException>(() => cipher.Open(flipped, ConsoleSessionId, plain));
        }
    }

    private static void DecodeAsClientOrBmc(byte[] datagram, SessionCipher cipher) => DecodeEverything.Decode(datagram, cipher);
}

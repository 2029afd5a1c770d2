using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;
using static BmcExporter.Ipmi.Tests.Crypto.VectorInputs;

namespace BmcExporter.Ipmi.Tests.Session;

public sealed class HandshakeMessageVectorTests
{
    [Fact]
    public void OpenSessionRequest_Suite3_MatchesReferenceBytes()
    {
        var request = new OpenSessionRequest(0, PrivilegeLevel.Administrator, ConsoleSessionId, CipherSuite.Get(3));
        var payload = new byte[OpenSessionRequest.Length];
        request.Write(payload);

        Assert.Equal(Hex("00 04 0000 a4a3a2a0 00 0000 08 01 000000 01 0000 08 01 000000 02 0000 08 01 000000"), payload);
        var parsed = OpenSessionRequest.Parse(payload, out var status);
        Assert.Equal(RmcpPlusStatus.NoErrors, status);
        Assert.Equal(request, parsed);
    }

    [Fact]
    public void OpenSessionRequest_InPacket_HasPreSessionHeader()
    {
        var payload = new byte[OpenSessionRequest.Length];
        new OpenSessionRequest(0, PrivilegeLevel.Administrator, ConsoleSessionId, CipherSuite.Get(3)).Write(payload);
        var packet = new byte[RmcpPlusPacket.GetLength(payload.Length)];
        RmcpPlusPacket.Write(packet, PayloadType.OpenSessionRequest, 0, 0, payload);

        Assert.Equal(Hex("0600ff07 06 10 00000000 00000000 2000"), packet[..16]);
        var datagram = RmcpDatagram.Parse(packet);
        Assert.Equal(DatagramKind.RmcpPlus, datagram.Kind);
        Assert.Equal(PayloadType.OpenSessionRequest, datagram.PayloadType);
        Assert.Equal(payload, datagram.Payload.ToArray());
    }

    [Fact]
    public void Rakp1_ReferenceInputs_MatchesReferenceBytes()
    {
        var rakp1 = new Rakp1(0, BmcSessionId, ConsoleRandom, Role, UserName);
        var payload = new byte[rakp1.GetLength()];
        rakp1.Write(payload);

        Assert.Equal(33, payload.Length);
        Assert.Equal(Hex("00 000000 78563412 000102030405060708090a0b0c0d0e0f 14 0000 05 61646d696e"), payload);
        var parsed = Rakp1.Parse(payload);
        Assert.Equal(Role, parsed.Role);
        Assert.Equal(UserName, parsed.UserName.ToArray());
        Assert.Equal(ConsoleRandom, parsed.ConsoleRandom.ToArray());
    }

    [Fact]
    public void OpenSessionResponse_TwoByteError_Parses()
    {
        var parsed = OpenSessionResponse.Parse([0x07, 0x11]);

        Assert.Equal(7, parsed.Tag);
        Assert.Equal(RmcpPlusStatus.NoCipherSuiteMatch, parsed.Status);
    }

    [Fact]
    public void OpenSessionResponse_Success_RoundTrips()
    {
        var response = OpenSessionResponse.Success(3, PrivilegeLevel.User, ConsoleSessionId, BmcSessionId, CipherSuite.Get(17));
        var payload = new byte[response.GetLength()];
        response.Write(payload);
        var parsed = OpenSessionResponse.Parse(payload);

        Assert.Equal(response, parsed);
        Assert.True(parsed.Matches(CipherSuite.Get(17)));
        Assert.False(parsed.Matches(CipherSuite.Get(3)));
    }

    [Fact]
    public void Rakp2_SupermicroExtraByte_KeptAndVerified()
    {
        var exchange = Exchange();
        var code = new byte[21];
        exchange.ComputeRakp2Code(AuthenticationAlgorithm.HmacSha1, Password, code);
        var rakp2 = new Rakp2(0, RmcpPlusStatus.NoErrors, ConsoleSessionId, BmcRandom, BmcGuid, code);
        var payload = new byte[rakp2.GetLength()];
        rakp2.Write(payload);
        var parsed = Rakp2.Parse(payload);

        Assert.Equal(21, parsed.KeyExchangeCode.Length);
        Assert.True(exchange.VerifyRakp2Code(AuthenticationAlgorithm.HmacSha1, Password, parsed.KeyExchangeCode.Span));
    }

    [Fact]
    public void GetChannelAuthCaps_ReferenceRequest_MatchesWorkedPacket()
    {
        Span<byte> data = stackalloc byte[2];
        ChannelAuthCapabilities.WriteRequestData(data, PrivilegeLevel.Administrator);
        var packet = new byte[Ipmi15Packet.GetLength(IpmiLanMessage.GetRequestLength(2))];
        Ipmi15Packet.WriteRequest(packet, 0, 0, IpmiMessageHeader.ForRequest(NetFn.App, ChannelAuthCapabilities.Command, 0), data);

        Assert.Equal(Hex("0600ff07 00 00000000 00000000 09 20 18 c8 81 00 38 8e 04 b5"), packet);
    }

    [Fact]
    public void CipherSuiteRecords_StandardAndOem_Parsed()
    {
        var ids = ChannelCipherSuites.ParseSuiteIds(Hex("c0 03 01 41 81 c1 11 a2 02 00 03 44 81 c0 11 03 44 81"));

        Assert.Equal([3, 0x11, 0x11], ids);
    }
}

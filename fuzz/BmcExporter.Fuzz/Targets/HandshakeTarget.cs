using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Fuzz.Targets;

/// <summary>Open Session and RAKP 1-4 payloads (both sides), chosen by the RMCP+ payload type of the datagram.</summary>
internal sealed class HandshakeTarget : IFuzzTarget
{
    public string Name => "handshake";

    public void Run(ReadOnlySpan<byte> data)
    {
        var packet = RmcpDatagram.Parse(data);
        if (packet.Kind != DatagramKind.RmcpPlus)
        {
            return;
        }

        var payload = packet.Payload;
        switch (packet.PayloadTypeByte)
        {
            case PayloadType.OpenSessionRequest:
                OpenSessionRequest.Parse(payload, out _);
                break;
            case PayloadType.OpenSessionResponse:
                var open = OpenSessionResponse.Parse(payload);
                open.Matches(CipherSuite.Get(3));
                break;
            case PayloadType.Rakp1:
                Rakp1.Parse(payload);
                break;
            case PayloadType.Rakp2:
                Rakp2.Parse(payload);
                break;
            case PayloadType.Rakp3:
                Rakp3.Parse(payload);
                break;
            case PayloadType.Rakp4:
                Rakp4.Parse(payload);
                break;
        }
    }

    public IEnumerable<byte[]> Seeds()
    {
        var suite = CipherSuite.Get(17);
        var random = new byte[16];
        var guid = new byte[16];
        byte[] code = new byte[32];
        yield return Wrap(PayloadType.OpenSessionRequest, b => new OpenSessionRequest(1, PrivilegeLevel.User, 0xA0A2A3A4, suite).Write(b));
        yield return Wrap(PayloadType.OpenSessionResponse, b => OpenSessionResponse.Success(1, PrivilegeLevel.User, 0xA0A2A3A4, 0x12345678, suite).Write(b));
        yield return Wrap(PayloadType.OpenSessionResponse, b => OpenSessionResponse.Error(1, RmcpPlusStatus.InsufficientResources, 0xA0A2A3A4).Write(b));
        yield return Wrap(PayloadType.Rakp1, b => new Rakp1(1, 0x12345678, random, RakpRole.Create(PrivilegeLevel.User, true), "reader"u8.ToArray()).Write(b));
        yield return Wrap(PayloadType.Rakp2, b => new Rakp2(1, RmcpPlusStatus.NoErrors, 0xA0A2A3A4, random, guid, code).Write(b));
        yield return Wrap(PayloadType.Rakp3, b => new Rakp3(1, RmcpPlusStatus.NoErrors, 0x12345678, code).Write(b));
        yield return Wrap(PayloadType.Rakp4, b => new Rakp4(1, RmcpPlusStatus.NoErrors, 0xA0A2A3A4, code.AsMemory(0, 16)).Write(b));
    }

    private delegate int PayloadWriter(Span<byte> destination);

    private static byte[] Wrap(byte payloadType, PayloadWriter write)
    {
        var payload = new byte[128];
        var length = write(payload);
        var packet = new byte[RmcpPlusPacket.GetLength(length)];
        RmcpPlusPacket.Write(packet, payloadType, 0, 0, payload.AsSpan(0, length));
        return packet;
    }
}

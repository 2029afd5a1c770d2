using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Fuzz.Targets;

/// <summary>A whole datagram: RMCP, ASF, IPMI 1.5 and RMCP+ framing, then the LAN message inside (both directions, bridging).</summary>
internal sealed class FramingTarget : IFuzzTarget
{
    public string Name => "framing";

    public void Run(ReadOnlySpan<byte> data)
    {
        var packet = RmcpDatagram.Parse(data);
        switch (packet.Kind)
        {
            case DatagramKind.Asf:
                AsfMessage.Parse(data);
                break;
            case DatagramKind.Ipmi15:
            case DatagramKind.RmcpPlus when packet.PayloadTypeByte == PayloadType.Ipmi && !packet.IsAuthenticated:
                DecodeMessage(packet.Payload);
                break;
        }
    }

    internal static void DecodeMessage(ReadOnlySpan<byte> message)
    {
        var response = IpmiLanMessage.ParseResponse(message, verifyChecksums: false);
        IpmiLanMessage.ParseRequest(message, verifyChecksums: false);
        if (response.Header.Command == SendMessageBridge.Command)
        {
            SendMessageBridge.TryParseEmbeddedResponse(response.Data, out _);
            SendMessageBridge.ParseRequestData(response.Data, out _);
        }

        if (response.Header.Command == ChannelAuthCapabilities.Command)
        {
            ChannelAuthCapabilities.Parse(response.Data);
        }
    }

    public IEnumerable<byte[]> Seeds()
    {
        var buffer = new byte[256];
        yield return buffer[..AsfMessage.WritePing(buffer, 7)].ToArray();
        var request = IpmiMessageHeader.ForRequest(NetFn.App, ChannelAuthCapabilities.Command, 1);
        var caps = new byte[2];
        ChannelAuthCapabilities.WriteRequestData(caps, PrivilegeLevel.User);
        yield return buffer[..Ipmi15Packet.WriteRequest(buffer, 0, 0, request, caps)].ToArray();
        var answer = new byte[ChannelAuthCapabilities.ResponseDataLength];
        ChannelAuthCapabilities.ForIpmi20Bmc(1).Write(answer);
        yield return buffer[..Ipmi15Packet.WriteResponse(buffer, 0, 0, request.ToResponse(), 0, answer)].ToArray();
        yield return buffer[..RmcpPlusPacket.WriteResponse(buffer, 0, 0, request.ToResponse(), 0, answer)].ToArray();
        var bridged = new byte[64];
        var length = SendMessageBridge.WriteRequestData(bridged, 0, 0x2C, 0, NetFn.SensorEvent, 0x2D, 5, [0x01]);
        var send = IpmiMessageHeader.ForRequest(NetFn.App, SendMessageBridge.Command, 2);
        yield return buffer[..RmcpPlusPacket.WriteResponse(buffer, 0, 0, send.ToResponse(), 0, bridged.AsSpan(0, length))].ToArray();
    }
}

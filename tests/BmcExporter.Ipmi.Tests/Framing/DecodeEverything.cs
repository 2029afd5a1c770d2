using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.Tests.Framing;

/// <summary>Runs every decoder that could see a datagram, the way a client or BMC would dispatch it.</summary>
internal static class DecodeEverything
{
    public static void Decode(ReadOnlySpan<byte> datagram, SessionCipher cipher)
    {
        var packet = RmcpDatagram.Parse(datagram);
        switch (packet.Kind)
        {
            case DatagramKind.Asf:
                AsfMessage.Parse(datagram);
                break;
            case DatagramKind.Ipmi15:
                DecodeMessage(packet.Payload);
                break;
            case DatagramKind.RmcpPlus:
                DecodePlus(datagram, packet.PayloadType, packet.Payload, packet.SessionId, cipher);
                break;
        }
    }

    private static void DecodePlus(ReadOnlySpan<byte> datagram, byte payloadType, ReadOnlySpan<byte> payload, uint sessionId, SessionCipher cipher)
    {
        switch (payloadType)
        {
            case PayloadType.OpenSessionRequest:
                OpenSessionRequest.Parse(payload, out _);
                break;
            case PayloadType.OpenSessionResponse:
                OpenSessionResponse.Parse(payload);
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
            case PayloadType.Ipmi when sessionId == 0:
                DecodeMessage(payload);
                break;
            case PayloadType.Ipmi:
                var plain = new byte[datagram.Length];
                var opened = cipher.Open(datagram, sessionId, plain);
                DecodeMessage(plain.AsSpan(0, opened.Length));
                break;
        }
    }

    private static void DecodeMessage(ReadOnlySpan<byte> message)
    {
        var response = IpmiLanMessage.ParseResponse(message);
        IpmiLanMessage.ParseRequest(message);
        if (response.Header.Command == ChannelAuthCapabilities.Command)
        {
            ChannelAuthCapabilities.Parse(response.Data);
        }

        if (response.Header.Command == SendMessageBridge.Command)
        {
            SendMessageBridge.TryParseEmbeddedResponse(response.Data, out _);
            SendMessageBridge.ParseRequestData(response.Data, out _);
        }

        ChannelCipherSuites.ParseSuiteIds(response.Data);
    }
}

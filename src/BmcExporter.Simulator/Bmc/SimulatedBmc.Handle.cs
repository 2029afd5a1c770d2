using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Bmc;

internal sealed partial class SimulatedBmc
{
    /// <summary>
    /// Routes one datagram by RMCP class and auth-type byte (IPMI v2.0 §13.6): ASF ping, IPMI 1.5 pre-session
    /// commands, RMCP+ handshake payloads, RMCP+ pre-session commands and in-session packets. Returns the reply
    /// length, 0 for "no reply" (malformed or not for us: a BMC silently discards those, §13.6).
    /// </summary>
    private int Handle(ReadOnlySpan<byte> datagram, Span<byte> reply, TimeSpan elapsed)
    {
        try
        {
            var packet = RmcpDatagram.Parse(datagram);
            switch (packet.Kind)
            {
                case DatagramKind.Asf:
                    var asf = AsfMessage.Parse(datagram);
                    return asf.MessageType == AsfMessage.TypePing ? AsfMessage.WritePong(reply, asf.Tag) : 0;
                case DatagramKind.Ipmi15:
                    // Only session-less 1.5 traffic is served; this BMC offers no IPMI 1.5 sessions.
                    return packet.SessionId == 0 ? PreSession(packet.Payload, reply, rmcpPlus: false, elapsed) : 0;
                case DatagramKind.RmcpPlus:
                    return packet.PayloadType switch
                    {
                        PayloadType.OpenSessionRequest => OpenSession(packet.Payload, reply, elapsed),
                        PayloadType.Rakp1 => Rakp1Received(packet.Payload, reply, elapsed),
                        PayloadType.Rakp3 => Rakp3Received(packet.Payload, reply, elapsed),
                        PayloadType.Ipmi when packet.SessionId == 0 && !packet.IsAuthenticated
                            => PreSession(packet.Payload, reply, rmcpPlus: true, elapsed),
                        PayloadType.Ipmi => InSession(datagram, packet.SessionId, reply, elapsed),
                        _ => 0,
                    };
                default:
                    return 0;
            }
        }
        catch (IpmiProtocolException)
        {
            _fleet.Statistics.OnMalformed();
            return 0;
        }
    }

    /// <summary>Commands a BMC answers without a session (IPMI v2.0 §22.13, §22.14, §22.15; DCMI capabilities).</summary>
    private int PreSession(ReadOnlySpan<byte> message, Span<byte> reply, bool rmcpPlus, TimeSpan elapsed)
    {
        var request = IpmiLanMessage.ParseRequest(message);
        var h = request.Header;
        Span<byte> data = stackalloc byte[64];
        int length;
        byte cc;
        if (h.NetFn == (byte)NetFn.App && h.Command == ChannelCipherSuites.Command
            && rmcpPlus && (Quirks & QuirkSet.CipherSuitesRefusedPreSession) != 0)
        {
            return 0; // ipmi_sim-like: pre-session Get Channel Cipher Suites is ignored (reference §6.6)
        }

        if (h.NetFn == (byte)NetFn.App && h.Command is 0x37 or ChannelAuthCapabilities.Command or ChannelCipherSuites.Command
            || (h.NetFn == (byte)NetFn.GroupExtension && h.Command == 0x01))
        {
            cc = Dispatch(h, request.Data, null, data, out length, elapsed);
        }
        else
        {
            cc = (byte)CompletionCode.InsufficientPrivilege;
            length = 0;
        }

        var response = h.ToResponse();
        return rmcpPlus
            ? RmcpPlusPacket.WriteResponse(reply, 0, 0, response, cc, data[..length])
            : Ipmi15Packet.WriteResponse(reply, 0, 0, response, cc, data[..length]);
    }
}

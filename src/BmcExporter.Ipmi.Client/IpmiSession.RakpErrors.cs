using System.Buffers;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.Client;

public sealed partial class IpmiSession
{
    /// <summary>Maps a RAKP 2/4 status to the specific error, or to a suite rejection (IPMI v2.0 §13.24).</summary>
    private HandshakeOutcome ClassifyRakpStatus(RmcpPlusStatus status, CipherSuite suite, string step)
    {
        var text = $"status 0x{(byte)status:X2} ({RmcpPlusStatuses.Describe(status)})";
        switch (status)
        {
            case RmcpPlusStatus.UnauthorizedName:
            case RmcpPlusStatus.InvalidNameLength:
                throw new IpmiUnknownUserException(Target, $"BMC {Target} does not know user '{_options.UserName}': {step} {text}.");
            case RmcpPlusStatus.InsufficientResourcesForRole:
                throw new IpmiSessionSlotsExhaustedException(
                    Target,
                    $"BMC {Target} has no free session slot for privilege {_options.Privilege}: {step} {text}. Close idle sessions on the BMC (other tools, stale exporters) or retry later.");
            case RmcpPlusStatus.InvalidRole:
            case RmcpPlusStatus.UnauthorizedRole:
                throw new IpmiPrivilegeException(
                    Target,
                    $"BMC {Target} refused privilege {_options.Privilege} for user '{_options.UserName}': {step} {text}. Lower the Privilege setting.");
            case RmcpPlusStatus.InvalidIntegrityCheckValue:
                throw new IpmiAuthenticationException(
                    Target,
                    $"BMC {Target} rejected the login of user '{_options.UserName}': {step} {text} (wrong password or K_g).");
            case RmcpPlusStatus.InvalidAuthenticationAlgorithm:
            case RmcpPlusStatus.InvalidIntegrityAlgorithm:
            case RmcpPlusStatus.InvalidConfidentialityAlgorithm:
            case RmcpPlusStatus.NoCipherSuiteMatch:
            case RmcpPlusStatus.NoMatchingAuthenticationPayload:
            case RmcpPlusStatus.NoMatchingIntegrityPayload:
            case RmcpPlusStatus.IllegalParameter:
                _rejection = $"{suite} rejected at {step}: {text}";
                return HandshakeOutcome.Rejected;
            default:
                throw new IpmiSessionSetupException(Target, $"BMC {Target} failed the RMCP+ handshake at {step}: {text}.");
        }
    }

    /// <summary>Tells the BMC we reject RAKP 2 (status 0x0F) so it frees the half-open session; sent once.</summary>
    private async ValueTask SendRakp3RejectionAsync(byte tag, uint bmcSessionId, CancellationToken cancellationToken)
    {
        Span<byte> payload = stackalloc byte[Rakp3.FixedLength];
        new Rakp3(tag, RmcpPlusStatus.InvalidIntegrityCheckValue, bmcSessionId, default).Write(payload);
        var send = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var length = RmcpPlusPacket.Write(send.AsSpan(0, BufferSize), PayloadType.Rakp3, 0, 0, payload);
            await _transport.SendAsync(send.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        catch (System.Net.Sockets.SocketException)
        {
            // Best effort: the BMC will time the half-open session out anyway.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(send);
        }
    }

    private delegate bool HandshakePayloadHandler(ReadOnlySpan<byte> payload);

    private static ReplyVerdict MatchHandshake(ReadOnlySpan<byte> datagram, byte payloadType, byte tag, HandshakePayloadHandler handler)
    {
        var packet = RmcpDatagram.Parse(datagram);
        if (packet.Kind != DatagramKind.RmcpPlus || packet.PayloadTypeByte != payloadType || packet.Payload.IsEmpty || packet.Payload[0] != tag)
        {
            return ReplyVerdict.Ignore;
        }

        return handler(packet.Payload) ? ReplyVerdict.Accept : ReplyVerdict.Ignore;
    }
}

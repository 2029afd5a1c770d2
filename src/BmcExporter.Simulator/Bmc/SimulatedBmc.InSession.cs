using System.Buffers.Binary;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Bmc;

internal sealed partial class SimulatedBmc
{
    private const byte SetSessionPrivilegeCommand = 0x3B;
    private const byte CloseSessionCommand = 0x3C;

    /// <summary>
    /// An in-session packet: find the session by our session ID, verify and decrypt with its keys, check the
    /// sequence window, then run the command and seal the response (IPMI v2.0 §13.28-§13.29).
    /// </summary>
    private int InSession(ReadOnlySpan<byte> datagram, uint sessionId, Span<byte> reply, TimeSpan elapsed)
    {
        ExpireSessions(elapsed);
        var session = FindSession(sessionId);
        if (session is not { State: SessionState.Active, Cipher: not null })
        {
            return 0;
        }

        Span<byte> plaintext = stackalloc byte[datagram.Length];
        var opened = session.Cipher.Open(datagram, session.BmcSessionId, plaintext);
        if (opened.PayloadType != PayloadType.Ipmi || !session.AcceptInbound(opened.SequenceNumber))
        {
            return 0;
        }

        session.LastActivity = elapsed;
        var request = IpmiLanMessage.ParseRequest(plaintext[..opened.Length]);
        var h = request.Header;
        Span<byte> data = stackalloc byte[160];
        int length;
        byte cc;
        if (h.NetFn == (byte)NetFn.App && h.Command == CloseSessionCommand)
        {
            return CloseSession(session, h, request.Data, reply);
        }

        if (h.NetFn == (byte)NetFn.App && h.Command == SetSessionPrivilegeCommand)
        {
            cc = SetSessionPrivilege(session, request.Data, data, out length);
        }
        else if (_faults.NodeBusy > 0 && _random.NextDouble() < _faults.NodeBusy)
        {
            _fleet.Statistics.OnBusy();
            cc = (byte)CompletionCode.NodeBusy;
            length = 0;
        }
        else if (h.NetFn == (byte)NetFn.App && h.Command == SendMessageBridge.Command)
        {
            cc = SendMessage(request.Data, session, data, out length, elapsed);
        }
        else
        {
            cc = Dispatch(h, request.Data, session, data, out length, elapsed);
        }

        if (_faults.Mutate > 0 && _random.NextDouble() < _faults.Mutate)
        {
            // Fault "mutate": one byte of the completion code or data changes before sealing (checksums and MAC stay valid).
            var at = (int)(_random.NextDouble() * (length + 1));
            var flip = (byte)(1 + (int)(_random.NextDouble() * 255));
            if (at == 0)
            {
                cc ^= flip;
            }
            else
            {
                data[at - 1] ^= flip;
            }

            _fleet.Statistics.OnMutated();
        }

        return SealResponse(session, h, cc, data[..length], reply);
    }

    private int SealResponse(BmcSession session, in IpmiMessageHeader request, byte cc, ReadOnlySpan<byte> data, Span<byte> reply)
    {
        var response = request.ToResponse();
        Span<byte> message = stackalloc byte[IpmiLanMessage.GetResponseLength(data.Length)];
        IpmiLanMessage.WriteResponse(message, response, cc, data);
        if ((Quirks & QuirkSet.BadChecksums) != 0)
        {
            message[^1] ^= 0xFF; // nochecksumcheck quirk: a wrong second checksum on every response
        }

        var sequence = session.NextOutboundSequence((Quirks & QuirkSet.SequenceNumbersSkip) != 0);
        var length = session.Cipher!.Seal(reply, PayloadType.Ipmi, session.ConsoleSessionId, sequence, message);
        if (_faults.WrongIntegrity > 0 && request.NetFn == (byte)NetFn.SensorEvent && (reply[5] & PayloadType.AuthenticatedFlag) != 0
            && _random.NextDouble() < _faults.WrongIntegrity)
        {
            // Fault "wrongIntegrity": the AuthCode trailer (IPMI v2.0 §13.28.4) of a sensor reply is wrong.
            reply[length - 1] ^= 0x5A;
            _fleet.Statistics.OnWrongAuth();
        }

        return length;
    }

    /// <summary>Close Session, App 0x3C (IPMI v2.0 §22.19): 0x87 for an unknown session ID.</summary>
    private int CloseSession(BmcSession session, in IpmiMessageHeader h, ReadOnlySpan<byte> requestData, Span<byte> reply)
    {
        if (requestData.Length < 4)
        {
            return SealResponse(session, h, (byte)CompletionCode.RequestDataLengthInvalid, [], reply);
        }

        var target = FindSession(BinaryPrimitives.ReadUInt32LittleEndian(requestData));
        if (target is null)
        {
            return SealResponse(session, h, 0x87, [], reply);
        }

        if (target != session && session.CurrentPrivilege < PrivilegeLevel.Administrator)
        {
            return SealResponse(session, h, (byte)CompletionCode.InsufficientPrivilege, [], reply);
        }

        // The reply is sealed with the closing session's keys before its slot is freed.
        var length = (Quirks & QuirkSet.NoCloseSessionReply) != 0 && target == session ? 0 : SealResponse(session, h, 0, [], reply);
        RemoveSession(target);
        return length;
    }

    /// <summary>Set Session Privilege Level, App 0x3B (IPMI v2.0 §22.18).</summary>
    private static byte SetSessionPrivilege(BmcSession session, ReadOnlySpan<byte> requestData, Span<byte> data, out int length)
    {
        length = 0;
        if (requestData.Length < 1)
        {
            return (byte)CompletionCode.RequestDataLengthInvalid;
        }

        var requested = (PrivilegeLevel)(requestData[0] & 0x0F);
        if (requested != PrivilegeLevel.Highest)
        {
            if (requested > PrivilegeLevel.Oem || requested < PrivilegeLevel.User)
            {
                return 0x80; // requested level not available for this user
            }

            if (requested > session.MaxPrivilege)
            {
                return 0x81; // requested level exceeds the session's (user/channel) limit
            }

            session.CurrentPrivilege = requested;
        }

        data[0] = (byte)session.CurrentPrivilege;
        length = 1;
        return 0;
    }
}

using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.Tests.Client;

internal sealed partial class FakeBmc
{
    /// <summary>Completion code answered to the next N requests of a given command (0xCF duplicates, 0xC0 busy...).</summary>
    public Queue<byte> ScriptedCompletionCodes { get; } = new();

    /// <summary>Answers in-session commands (other than session control) from this synchronous channel, e.g. the operations' fake BMC.</summary>
    public IIpmiChannel? Commands { get; set; }

    private IReadOnlyList<byte[]> InSession(byte[] datagram, uint sessionId)
    {
        if (!_sessions.TryGetValue(sessionId, out var session) || session.Cipher is null)
        {
            return [];
        }

        var plain = new byte[datagram.Length];
        var opened = session.Cipher.Open(datagram, session.BmcSessionId, plain);
        var request = IpmiLanMessage.ParseRequest(plain.AsSpan(0, opened.Length));
        var header = request.Header;
        InSessionRequests.Add((header.NetFn, header.Command, header.Sequence, opened.SequenceNumber));
        if (ScriptedCompletionCodes.TryDequeue(out var scripted))
        {
            return [Reply(session, header, scripted, [])];
        }

        if (Commands is { } commands && (header.NetFn, header.Command) is not ((byte)NetFn.App, 0x3B or 0x3C))
        {
            var answer = commands.SendAsync(new IpmiRequest((NetFn)header.NetFn, header.Command, request.Data.ToArray()), CancellationToken.None);
            var response = answer.IsCompleted ? answer.Result : throw new InvalidOperationException("the command channel must answer synchronously");
            return [Reply(session, header, response.CompletionCode, response.Data.Span)];
        }

        return (header.NetFn, header.Command) switch
        {
            ((byte)NetFn.App, 0x01) => [Reply(session, header, 0, [0x20, 0x81, 0x02, 0x10, 0x02, 0xBF, 0x57, 0x01, 0x00, 0x34, 0x12])],
            ((byte)NetFn.App, 0x3B) => [SetPrivilege(session, header, request.Data)],
            ((byte)NetFn.App, 0x3C) => CloseSession(session, header),
            ((byte)NetFn.App, SendMessageBridge.Command) => Bridge(session, header, request.Data),
            _ => [Reply(session, header, (byte)CompletionCode.InvalidCommand, [])],
        };
    }

    private byte[] SetPrivilege(BmcSession session, IpmiMessageHeader header, ReadOnlySpan<byte> data)
    {
        var requested = (PrivilegeLevel)(data[0] & 0x0F);
        return requested > session.Limit
            ? Reply(session, header, 0x81, [])
            : Reply(session, header, 0, [(byte)requested]);
    }

    private IReadOnlyList<byte[]> CloseSession(BmcSession session, IpmiMessageHeader header)
    {
        CloseSessionCount++;
        var reply = Reply(session, header, 0, []);
        _sessions.Remove(session.BmcSessionId);
        return [reply];
    }

    private IReadOnlyList<byte[]> Bridge(BmcSession session, IpmiMessageHeader header, ReadOnlySpan<byte> data)
    {
        var inner = SendMessageBridge.ParseRequestData(data, out _);
        byte[] innerData = [inner.Header.ResponderAddress, (byte)inner.Data.Length];
        if (EmbedBridgedResponses)
        {
            var embedded = new byte[IpmiLanMessage.GetResponseLength(innerData.Length)];
            SendMessageBridge.WriteEmbeddedResponseData(embedded, inner.Header, 0, innerData);
            return [Reply(session, header, 0, embedded)];
        }

        var second = header with { NetFn = inner.Header.NetFn, Command = inner.Header.Command };
        return [Reply(session, header, 0, []), Reply(session, second, 0, innerData)];
    }

    private static byte[] Reply(BmcSession session, IpmiMessageHeader requestHeader, byte completionCode, ReadOnlySpan<byte> data)
    {
        var cipher = session.Cipher!;
        var buffer = new byte[cipher.GetSealedLength(IpmiLanMessage.GetResponseLength(data.Length))];
        session.OutboundSequence++;
        var length = cipher.SealResponse(buffer, session.ConsoleSessionId, session.OutboundSequence, requestHeader.ToResponse(), completionCode, data);
        return buffer[..length];
    }
}

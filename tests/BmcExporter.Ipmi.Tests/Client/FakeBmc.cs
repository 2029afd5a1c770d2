using System.Security.Cryptography;
using System.Text;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.Tests.Client;

/// <summary>
/// A BMC built only from the codec's BMC-side functions: answers Get Channel Authentication Capabilities in 1.5
/// framing, runs Open Session and RAKP 1-4 for the suites it enables, and serves a few in-session commands.
/// Together with the client it proves both sides of the codec.
/// </summary>
internal sealed partial class FakeBmc
{
    private readonly Dictionary<uint, BmcSession> _sessions = [];
    private readonly Lock _lock = new();
    private uint _nextSessionId = 0x0200_0000;

    public FakeBmc(params byte[] suites) => Suites = suites.Length == 0 ? [3, 17] : [.. suites];

    public HashSet<byte> Suites { get; }

    public Dictionary<string, (string Password, PrivilegeLevel Limit)> Users { get; } = new()
    {
        ["reader"] = ("readpass", PrivilegeLevel.User),
        ["admin"] = ("secret", PrivilegeLevel.Administrator),
    };

    public byte[] Guid { get; } = Convert.FromHexString("A123456789ABCDEFA123456789ABCDEF");

    /// <summary>When set, every datagram is ignored (the BMC stopped answering).</summary>
    public bool Silent { get; set; }

    /// <summary>Embed bridged responses in the Send Message response (else send a second packet).</summary>
    public bool EmbedBridgedResponses { get; set; } = true;

    public List<(byte NetFn, byte Command, byte RqSeq, uint SessionSequence)> InSessionRequests { get; } = [];

    public List<byte> OpenSessionSuites { get; } = [];

    /// <summary>Answer 0xCC to the IPMI v2.0 extended form of Get Channel Authentication Capabilities (pre-2.0 firmware).</summary>
    public bool RejectExtendedAuthCaps { get; set; }

    public List<byte> AuthCapsRequests { get; } = [];

    /// <summary>Answer pre-session Get Channel Cipher Suites (ipmi_sim does not).</summary>
    public bool AnswerCipherSuites { get; set; }

    private byte[] CipherSuitesReply(IpmiMessageHeader header)
    {
        var data = new List<byte> { 1 };
        foreach (var id in Suites.Order())
        {
            var suite = CipherSuite.Get(id);
            data.AddRange([0xC0, id, (byte)suite.Authentication, (byte)(0x40 | (byte)suite.Integrity), (byte)(0x80 | (byte)suite.Confidentiality)]);
        }

        var reply = new byte[RmcpPlusPacket.HeaderLength + IpmiLanMessage.GetResponseLength(data.Count)];
        RmcpPlusPacket.WriteResponse(reply, 0, 0, header.ToResponse(), 0, data.ToArray());
        return reply;
    }

    public int CloseSessionCount { get; private set; }

    /// <summary>Every session slot is taken: Open Session answers status 0x01 for any suite.</summary>
    public bool OutOfSessions { get; set; }

    /// <summary>RAKP 2 answers this status (e.g. 0x0B: no slot at the requested role) instead of proceeding.</summary>
    public RmcpPlusStatus? Rakp2Status { get; set; }

    public int ActiveSessions
    {
        get
        {
            lock (_lock)
            {
                return _sessions.Values.Count(s => s.Cipher is not null);
            }
        }
    }

    /// <summary>Simulates a reboot: every session is forgotten.</summary>
    public void ForgetSessions()
    {
        lock (_lock)
        {
            _sessions.Clear();
        }
    }

    public IReadOnlyList<byte[]> Handle(byte[] datagram)
    {
        if (Silent)
        {
            return [];
        }

        lock (_lock)
        {
            var packet = RmcpDatagram.Parse(datagram);
            if (packet.Kind == DatagramKind.Ipmi15 || (packet.SessionId == 0 && packet.PayloadType == PayloadType.Ipmi))
            {
                return PreSession(packet.Payload);
            }

            return packet.PayloadType switch
            {
                PayloadType.OpenSessionRequest => [OpenSession(packet.Payload)],
                PayloadType.Rakp1 => [Rakp1Reply(packet.Payload)],
                PayloadType.Rakp3 => Rakp3Reply(packet.Payload),
                PayloadType.Ipmi => InSession(datagram, packet.SessionId),
                _ => [],
            };
        }
    }

    private IReadOnlyList<byte[]> PreSession(ReadOnlySpan<byte> message)
    {
        var request = IpmiLanMessage.ParseRequest(message);
        if (request.Header.Command == ChannelCipherSuites.Command)
        {
            return AnswerCipherSuites ? [CipherSuitesReply(request.Header)] : [];
        }

        if (request.Header.Command != ChannelAuthCapabilities.Command)
        {
            return [];
        }

        AuthCapsRequests.Add(request.Data[0]);
        if (RejectExtendedAuthCaps && (request.Data[0] & ChannelAuthCapabilities.ExtendedDataFlag) != 0)
        {
            var refusal = new byte[Ipmi15Packet.GetLength(IpmiLanMessage.GetResponseLength(0))];
            Ipmi15Packet.WriteResponse(refusal, 0, 0, request.Header.ToResponse(), (byte)CompletionCode.InvalidDataField, []);
            return [refusal];
        }

        Span<byte> data = stackalloc byte[ChannelAuthCapabilities.ResponseDataLength];
        ChannelAuthCapabilities.ForIpmi20Bmc(1).Write(data);
        var reply = new byte[Ipmi15Packet.GetLength(IpmiLanMessage.GetResponseLength(data.Length))];
        Ipmi15Packet.WriteResponse(reply, 0, 0, request.Header.ToResponse(), 0, data);
        return [reply];
    }

    private byte[] OpenSession(ReadOnlySpan<byte> payload)
    {
        var request = OpenSessionRequest.Parse(payload, out var status);
        OpenSessionSuites.Add(request.Suite.Id);
        OpenSessionResponse response;
        if (OutOfSessions)
        {
            response = OpenSessionResponse.Error(request.Tag, RmcpPlusStatus.InsufficientResources, request.ConsoleSessionId);
        }
        else if (status != RmcpPlusStatus.NoErrors || !Suites.Contains(request.Suite.Id))
        {
            response = OpenSessionResponse.Error(request.Tag, RmcpPlusStatus.NoCipherSuiteMatch, request.ConsoleSessionId);
        }
        else
        {
            var id = _nextSessionId++;
            _sessions[id] = new BmcSession(id, request.ConsoleSessionId, request.Suite);
            response = OpenSessionResponse.Success(request.Tag, request.RequestedPrivilege, request.ConsoleSessionId, id, request.Suite);
        }

        var body = new byte[response.GetLength()];
        response.Write(body);
        return Wrap(PayloadType.OpenSessionResponse, body);
    }

    private byte[] Rakp1Reply(ReadOnlySpan<byte> payload)
    {
        var rakp1 = Rakp1.Parse(payload);
        if (!_sessions.TryGetValue(rakp1.BmcSessionId, out var session))
        {
            return Rakp2Error(rakp1.Tag, RmcpPlusStatus.InvalidSessionId, 0);
        }

        if (Rakp2Status is { } forced)
        {
            return Rakp2Error(rakp1.Tag, forced, session.ConsoleSessionId);
        }

        var name = Encoding.ASCII.GetString(rakp1.UserName.Span);
        if (!Users.TryGetValue(name, out var user))
        {
            return Rakp2Error(rakp1.Tag, RmcpPlusStatus.UnauthorizedName, session.ConsoleSessionId);
        }

        if (RakpRole.Privilege(rakp1.Role) > user.Limit)
        {
            return Rakp2Error(rakp1.Tag, RmcpPlusStatus.UnauthorizedRole, session.ConsoleSessionId);
        }

        session.Password = Encoding.ASCII.GetBytes(user.Password);
        session.Limit = user.Limit;
        var bmcRandom = RandomNumberGenerator.GetBytes(16);
        session.Exchange = new RakpExchange(session.ConsoleSessionId, session.BmcSessionId, rakp1.ConsoleRandom.Span, bmcRandom, Guid, rakp1.Role, rakp1.UserName.Span);
        var code = new byte[IpmiHmac.MaxDigestLength];
        var length = session.Exchange.ComputeRakp2Code(session.Suite.Authentication, session.Password, code);
        var rakp2 = new Rakp2(rakp1.Tag, RmcpPlusStatus.NoErrors, session.ConsoleSessionId, bmcRandom, Guid, code.AsMemory(0, length));
        var body = new byte[rakp2.GetLength()];
        rakp2.Write(body);
        return Wrap(PayloadType.Rakp2, body);
    }

    private IReadOnlyList<byte[]> Rakp3Reply(ReadOnlySpan<byte> payload)
    {
        var rakp3 = Rakp3.Parse(payload);
        if (!_sessions.TryGetValue(rakp3.BmcSessionId, out var session) || session.Exchange is null)
        {
            return [];
        }

        if (rakp3.Status != RmcpPlusStatus.NoErrors)
        {
            _sessions.Remove(session.BmcSessionId);
            return [];
        }

        Rakp4 rakp4;
        if (!session.Exchange.VerifyRakp3Code(session.Suite.Authentication, session.Password, rakp3.KeyExchangeCode.Span))
        {
            _sessions.Remove(session.BmcSessionId);
            rakp4 = new Rakp4(rakp3.Tag, RmcpPlusStatus.InvalidIntegrityCheckValue, session.ConsoleSessionId, default);
        }
        else
        {
            using var keys = session.Exchange.DeriveKeys(session.Suite, session.Password, default);
            var icv = new byte[IpmiHmac.MaxDigestLength];
            var length = session.Exchange.ComputeRakp4Icv(keys, icv);
            session.Cipher = new SessionCipher(keys);
            rakp4 = new Rakp4(rakp3.Tag, RmcpPlusStatus.NoErrors, session.ConsoleSessionId, icv.AsMemory(0, length));
        }

        var body = new byte[rakp4.GetLength()];
        rakp4.Write(body);
        return [Wrap(PayloadType.Rakp4, body)];
    }

    private static byte[] Rakp2Error(byte tag, RmcpPlusStatus status, uint consoleSessionId)
    {
        var rakp2 = new Rakp2(tag, status, consoleSessionId, default, default, default);
        var body = new byte[rakp2.GetLength()];
        rakp2.Write(body);
        return Wrap(PayloadType.Rakp2, body);
    }

    private static byte[] Wrap(byte payloadType, byte[] body)
    {
        var packet = new byte[RmcpPlusPacket.GetLength(body.Length)];
        RmcpPlusPacket.Write(packet, payloadType, 0, 0, body);
        return packet;
    }

    private sealed class BmcSession(uint bmcSessionId, uint consoleSessionId, CipherSuite suite)
    {
        public uint BmcSessionId { get; } = bmcSessionId;

        public uint ConsoleSessionId { get; } = consoleSessionId;

        public CipherSuite Suite { get; } = suite;

        public byte[] Password { get; set; } = [];

        public PrivilegeLevel Limit { get; set; }

        public RakpExchange? Exchange { get; set; }

        public SessionCipher? Cipher { get; set; }

        public uint OutboundSequence { get; set; }
    }
}

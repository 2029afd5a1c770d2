using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Framing;

/// <summary>What an inbound datagram turned out to be.</summary>
public enum DatagramKind
{
    /// <summary>An RMCP ACK (class bit 7): ignore it.</summary>
    RmcpAck,

    /// <summary>ASF (class 6): ping or pong; decode with <see cref="AsfMessage.Parse"/>.</summary>
    Asf,

    /// <summary>IPMI 1.5 session header (auth type 0-5): <see cref="RmcpDatagram.Payload"/> is an IPMI message.</summary>
    Ipmi15,

    /// <summary>RMCP+ session header (auth type 6).</summary>
    RmcpPlus,
}

/// <summary>
/// First step of handling ANY inbound datagram, on either side: <see cref="Parse"/> classifies it by RMCP class
/// and auth-type byte (never by expectation, §6.6 of the reference: ipmi_sim answers RMCP+ pre-session
/// requests in 1.5 framing) and exposes the session header fields.
/// <para>
/// BMC side: parse, then switch on <see cref="Kind"/> and <see cref="PayloadType"/>: 1.5 or RMCP+ payload 0 with
/// session ID 0 is a pre-session IPMI request (<see cref="IpmiLanMessage.ParseRequest"/>; answer Get Channel
/// Authentication Capabilities with <see cref="Ipmi15Packet.WriteResponse"/>); payload 0x10/0x12/0x14 are the
/// handshake (see <c>BmcExporter.Ipmi.Session.OpenSessionRequest</c>, <c>Rakp1</c>, <c>Rakp3</c>, <c>RakpExchange</c>);
/// a non-zero session ID is an in-session packet to open with <c>SessionCipher.Open</c>.
/// </para>
/// For authenticated packets the trailer is not checked here; <c>SessionCipher.Open</c> verifies it.
/// </summary>
public readonly ref struct RmcpDatagram
{
    private RmcpDatagram(
        DatagramKind kind, byte authType, byte payloadTypeByte, uint sessionId, uint sequence,
        ReadOnlySpan<byte> payload, int payloadOffset, uint oemIana, ushort oemPayloadId)
    {
        Kind = kind;
        AuthType = authType;
        PayloadTypeByte = payloadTypeByte;
        SessionId = sessionId;
        SequenceNumber = sequence;
        Payload = payload;
        PayloadOffset = payloadOffset;
        OemIana = oemIana;
        OemPayloadId = oemPayloadId;
    }

    public DatagramKind Kind { get; }

    /// <summary>The auth type/format byte (0x06 for RMCP+).</summary>
    public byte AuthType { get; }

    /// <summary>The raw payload-type byte including the encrypted/authenticated flags (0 for 1.5).</summary>
    public byte PayloadTypeByte { get; }

    /// <summary>Payload type, bits 5:0 (see <see cref="Framing.PayloadType"/>).</summary>
    public byte PayloadType => (byte)(PayloadTypeByte & 0x3F);

    public bool IsEncrypted => (PayloadTypeByte & Framing.PayloadType.EncryptedFlag) != 0;

    public bool IsAuthenticated => (PayloadTypeByte & Framing.PayloadType.AuthenticatedFlag) != 0;

    /// <summary>Session ID from the header: the receiver's ID (0 before a session exists).</summary>
    public uint SessionId { get; }

    public uint SequenceNumber { get; }

    /// <summary>The payload as transmitted (ciphertext with IV when encrypted); for 1.5, the IPMI message.</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>Offset of <see cref="Payload"/> within the datagram.</summary>
    public int PayloadOffset { get; }

    public uint OemIana { get; }

    public ushort OemPayloadId { get; }

    /// <summary>Classifies and decodes the session header of a datagram. Malformed input throws <see cref="IpmiProtocolException"/>.</summary>
    public static RmcpDatagram Parse(ReadOnlySpan<byte> datagram)
    {
        var reader = new SpanReader(datagram);
        var rmcp = Rmcp.ReadHeader(ref reader);
        if (rmcp.IsAck)
        {
            return new RmcpDatagram(DatagramKind.RmcpAck, 0, 0, 0, 0, default, reader.Position, 0, 0);
        }

        if (rmcp.MessageClass == Rmcp.ClassAsf)
        {
            return new RmcpDatagram(DatagramKind.Asf, 0, 0, 0, 0, reader.RemainingSpan, reader.Position, 0, 0);
        }

        if (rmcp.MessageClass != Rmcp.ClassIpmi)
        {
            throw new IpmiProtocolException($"Unsupported RMCP class 0x{rmcp.MessageClass:X2}.");
        }

        var authType = reader.ReadByte("auth type");
        return authType == Framing.AuthType.RmcpPlus ? ParsePlus(datagram) : Parse15(datagram, authType);
    }

    private static RmcpDatagram ParsePlus(ReadOnlySpan<byte> datagram)
    {
        var reader = new SpanReader(datagram);
        reader.Skip(Rmcp.HeaderLength + 1, "RMCP header and auth type");
        // IPMI v2.0 §13.6, table 13-8: payload type, [OEM IANA + payload ID], session ID, sequence, length.
        var payloadTypeByte = reader.ReadByte("payload type");
        uint oemIana = 0;
        ushort oemPayloadId = 0;
        if ((payloadTypeByte & 0x3F) == Framing.PayloadType.OemExplicit)
        {
            var iana = reader.ReadBytes(4, "OEM IANA");
            oemIana = (uint)(iana[0] | (iana[1] << 8) | (iana[2] << 16));
            oemPayloadId = reader.ReadUInt16("OEM payload ID");
        }

        var sessionId = reader.ReadUInt32("session ID");
        var sequence = reader.ReadUInt32("session sequence number");
        var length = reader.ReadUInt16("payload length");
        var offset = reader.Position;
        var payload = reader.ReadBytes(length, "payload");
        return new RmcpDatagram(DatagramKind.RmcpPlus, Framing.AuthType.RmcpPlus, payloadTypeByte, sessionId, sequence, payload, offset, oemIana, oemPayloadId);
    }

    private static RmcpDatagram Parse15(ReadOnlySpan<byte> datagram, byte authType)
    {
        var reader = new SpanReader(datagram);
        reader.Skip(Rmcp.HeaderLength + 1, "RMCP header and auth type");
        // IPMI v2.0 §13.6, table 13-7 (IPMI 1.5 session header): sequence comes before the session ID.
        var sequence = reader.ReadUInt32("session sequence number");
        var sessionId = reader.ReadUInt32("session ID");
        if (authType != Framing.AuthType.None)
        {
            reader.Skip(16, "auth code");
        }

        var length = reader.ReadByte("message length");
        var offset = reader.Position;
        var payload = reader.ReadBytes(length, "IPMI message");
        return new RmcpDatagram(DatagramKind.Ipmi15, authType, 0, sessionId, sequence, payload, offset, 0, 0);
    }

    /// <summary>Reads the session ID of an RMCP+ header without a full parse (0 if the datagram is not RMCP+).</summary>
    public static uint PeekRmcpPlusSessionId(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length < 14 || datagram[3] != Rmcp.ClassIpmi || datagram[4] != Framing.AuthType.RmcpPlus
            || (datagram[5] & 0x3F) == Framing.PayloadType.OemExplicit)
        {
            return 0;
        }

        return BinaryPrimitives.ReadUInt32LittleEndian(datagram.Slice(6, 4));
    }
}

using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Framing;

/// <summary>
/// ASF presence ping and pong carried in RMCP class 6 (DMTF ASF 2.0 §3.2.4.1, IPMI v2.0 §13.2). The IANA
/// enterprise numbers in this class are the only big-endian fields on the wire.
/// </summary>
public static class AsfMessage
{
    public const uint AsfIana = 4542;
    public const byte TypePing = 0x80;
    public const byte TypePong = 0x40;
    public const int PingLength = Rmcp.HeaderLength + 8;
    public const int PongLength = Rmcp.HeaderLength + 8 + 16;

    /// <summary>Writes a 12-byte presence ping with the given tag; returns the bytes written.</summary>
    public static int WritePing(Span<byte> destination, byte tag)
    {
        RequireLength(destination, PingLength);
        Rmcp.WriteHeader(destination, Rmcp.ClassAsf);
        WriteAsfHeader(destination[Rmcp.HeaderLength..], TypePing, tag, 0);
        return PingLength;
    }

    /// <summary>Writes a 28-byte pong answering <paramref name="tag"/>, advertising IPMI support (BMC side).</summary>
    public static int WritePong(Span<byte> destination, byte tag)
    {
        RequireLength(destination, PongLength);
        Rmcp.WriteHeader(destination, Rmcp.ClassAsf);
        var body = destination[Rmcp.HeaderLength..];
        WriteAsfHeader(body, TypePong, tag, 16);
        var data = body.Slice(8, 16);
        data.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(data, AsfIana);
        data[8] = 0x81; // bit 7: IPMI supported; bits 3:0: ASF 1.0
        return PongLength;
    }

    /// <summary>Parses an ASF datagram (RMCP header included).</summary>
    public static AsfInfo Parse(ReadOnlySpan<byte> datagram)
    {
        var reader = new SpanReader(datagram);
        var header = Rmcp.ReadHeader(ref reader);
        if (header.MessageClass != Rmcp.ClassAsf)
        {
            throw new IpmiProtocolException($"RMCP class 0x{header.MessageClass:X2} is not ASF.");
        }

        var iana = reader.ReadUInt32BigEndian("ASF IANA");
        if (iana != AsfIana)
        {
            throw new IpmiProtocolException($"Unexpected ASF IANA {iana}.");
        }

        var type = reader.ReadByte("ASF message type");
        var tag = reader.ReadByte("ASF message tag");
        reader.Skip(1, "ASF reserved");
        var length = reader.ReadByte("ASF data length");
        var data = reader.ReadBytes(length, "ASF data");
        var supportsIpmi = type == TypePong && data.Length >= 9 && (data[8] & 0x80) != 0;
        return new AsfInfo(type, tag, supportsIpmi);
    }

    private static void WriteAsfHeader(Span<byte> body, byte type, byte tag, byte dataLength)
    {
        BinaryPrimitives.WriteUInt32BigEndian(body, AsfIana);
        body[4] = type;
        body[5] = tag;
        body[6] = 0;
        body[7] = dataLength;
    }

    private static void RequireLength(Span<byte> destination, int length)
    {
        if (destination.Length < length)
        {
            throw new ArgumentException($"Destination needs {length} bytes.", nameof(destination));
        }
    }
}

/// <summary>Decoded ASF message: type (ping 0x80 / pong 0x40), tag, and for a pong whether IPMI is supported.</summary>
public readonly record struct AsfInfo(byte MessageType, byte Tag, bool SupportsIpmi);

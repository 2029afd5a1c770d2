using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Framing;

/// <summary>
/// Unprotected RMCP+ packets (IPMI v2.0 §13.6, table 13-8): pre-session payloads (Open Session, RAKP, session-less
/// IPMI commands) and in-session packets of suites without integrity. Protected packets are built by
/// <c>BmcExporter.Ipmi.Session.SessionCipher</c>.
/// </summary>
public static class RmcpPlusPacket
{
    /// <summary>RMCP (4) + auth format (1) + payload type (1) + session ID (4) + sequence (4) + payload length (2).</summary>
    public const int HeaderLength = 16;

    public static int GetLength(int payloadLength) => HeaderLength + payloadLength;

    /// <summary>Writes the 16-byte header; the payload goes at offset <see cref="HeaderLength"/>.</summary>
    public static void WriteHeader(Span<byte> destination, byte payloadTypeByte, uint sessionId, uint sequence, int payloadLength)
    {
        if (payloadLength > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(payloadLength));
        }

        if (destination.Length < HeaderLength)
        {
            throw new ArgumentException($"Destination needs {HeaderLength} bytes.", nameof(destination));
        }

        Rmcp.WriteHeader(destination, Rmcp.ClassIpmi);
        destination[4] = AuthType.RmcpPlus;
        destination[5] = payloadTypeByte;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[6..], sessionId);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[10..], sequence);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[14..], (ushort)payloadLength);
    }

    /// <summary>Writes an unprotected packet carrying <paramref name="payload"/>. Returns the bytes written.</summary>
    public static int Write(Span<byte> destination, byte payloadType, uint sessionId, uint sequence, ReadOnlySpan<byte> payload)
    {
        var length = GetLength(payload.Length);
        if (destination.Length < length)
        {
            throw new ArgumentException($"Destination needs {length} bytes.", nameof(destination));
        }

        WriteHeader(destination, (byte)(payloadType & 0x3F), sessionId, sequence, payload.Length);
        payload.CopyTo(destination[HeaderLength..]);
        return length;
    }

    /// <summary>Writes an unprotected IPMI request (payload type 0), message built in place.</summary>
    public static int WriteRequest(Span<byte> destination, uint sessionId, uint sequence, in IpmiMessageHeader header, ReadOnlySpan<byte> data)
    {
        var messageLength = IpmiLanMessage.GetRequestLength(data.Length);
        WriteHeader(destination, PayloadType.Ipmi, sessionId, sequence, messageLength);
        return HeaderLength + IpmiLanMessage.WriteRequest(destination[HeaderLength..], header, data);
    }

    /// <summary>Writes an unprotected IPMI response (payload type 0), message built in place.</summary>
    public static int WriteResponse(
        Span<byte> destination, uint sessionId, uint sequence, in IpmiMessageHeader header, byte completionCode, ReadOnlySpan<byte> data)
    {
        var messageLength = IpmiLanMessage.GetResponseLength(data.Length);
        WriteHeader(destination, PayloadType.Ipmi, sessionId, sequence, messageLength);
        return HeaderLength + IpmiLanMessage.WriteResponse(destination[HeaderLength..], header, completionCode, data);
    }
}

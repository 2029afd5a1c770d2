using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Framing;

/// <summary>
/// IPMI 1.5 session framing with auth type none (IPMI v2.0 §13.6, table 13-7). An RMCP+ client uses it only for
/// pre-session Get Channel Authentication Capabilities; a BMC answers pre-session commands with it.
/// </summary>
public static class Ipmi15Packet
{
    /// <summary>RMCP header (4) + auth type (1) + sequence (4) + session ID (4) + message length (1).</summary>
    public const int HeaderLength = 14;

    /// <summary>
    /// Total length for a message of <paramref name="messageLength"/> bytes, including the legacy zero pad byte
    /// IPMI 1.5 §12.3 asks for when the length would otherwise be 56, 84, 112, 128 or 156.
    /// </summary>
    public static int GetLength(int messageLength)
    {
        var length = HeaderLength + messageLength;
        return length is 56 or 84 or 112 or 128 or 156 ? length + 1 : length;
    }

    /// <summary>Writes a 1.5-framed request (auth none) with the IPMI message built in place.</summary>
    public static int WriteRequest(Span<byte> destination, uint sequence, uint sessionId, in IpmiMessageHeader header, ReadOnlySpan<byte> data)
    {
        var messageLength = IpmiLanMessage.GetRequestLength(data.Length);
        var length = WriteHeader(destination, sequence, sessionId, messageLength);
        IpmiLanMessage.WriteRequest(destination[HeaderLength..], header, data);
        return length;
    }

    /// <summary>Writes a 1.5-framed response (auth none), as a BMC answers pre-session commands.</summary>
    public static int WriteResponse(
        Span<byte> destination, uint sequence, uint sessionId, in IpmiMessageHeader header, byte completionCode, ReadOnlySpan<byte> data)
    {
        var messageLength = IpmiLanMessage.GetResponseLength(data.Length);
        var length = WriteHeader(destination, sequence, sessionId, messageLength);
        IpmiLanMessage.WriteResponse(destination[HeaderLength..], header, completionCode, data);
        return length;
    }

    private static int WriteHeader(Span<byte> destination, uint sequence, uint sessionId, int messageLength)
    {
        if (messageLength > byte.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(messageLength), "IPMI 1.5 messages are at most 255 bytes.");
        }

        var length = GetLength(messageLength);
        if (destination.Length < length)
        {
            throw new ArgumentException($"Destination needs {length} bytes.", nameof(destination));
        }

        Rmcp.WriteHeader(destination, Rmcp.ClassIpmi);
        destination[4] = AuthType.None;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[5..], sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[9..], sessionId);
        destination[13] = (byte)messageLength;
        if (length > HeaderLength + messageLength)
        {
            destination[length - 1] = 0;
        }

        return length;
    }
}

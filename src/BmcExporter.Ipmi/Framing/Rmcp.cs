namespace BmcExporter.Ipmi.Framing;

/// <summary>
/// The 4-byte RMCP header that starts every datagram (DMTF ASF 2.0 §3.2.2.1, IPMI v2.0 §13.1.3):
/// version 0x06, reserved, sequence 0xFF (no RMCP ACK) and the message class.
/// </summary>
public static class Rmcp
{
    public const int HeaderLength = 4;
    public const byte Version = 0x06;
    public const byte NoAckSequence = 0xFF;
    public const byte ClassAsf = 0x06;
    public const byte ClassIpmi = 0x07;

    /// <summary>The IANA-assigned UDP port for RMCP (IPMI v2.0 §13.1.3).</summary>
    public const int DefaultPort = 623;

    /// <summary>Writes <c>06 00 FF class</c>.</summary>
    public static void WriteHeader(Span<byte> destination, byte messageClass)
    {
        if (destination.Length < HeaderLength)
        {
            throw new ArgumentException("Destination too small for the RMCP header.", nameof(destination));
        }

        destination[0] = Version;
        destination[1] = 0;
        destination[2] = NoAckSequence;
        destination[3] = messageClass;
    }

    /// <summary>
    /// Reads the RMCP header and returns the message class (bits 4:0). RMCP ACKs (class bit 7) are reported as
    /// such so a receiver can ignore them (IPMI v2.0 §13.1.3).
    /// </summary>
    public static RmcpHeader ReadHeader(ref SpanReader reader)
    {
        var version = reader.ReadByte("RMCP version");
        if (version != Version)
        {
            throw new IpmiProtocolException($"Unsupported RMCP version 0x{version:X2}.");
        }

        reader.Skip(1, "RMCP reserved byte");
        var sequence = reader.ReadByte("RMCP sequence");
        var classByte = reader.ReadByte("RMCP class");
        return new RmcpHeader(sequence, (byte)(classByte & 0x1F), (classByte & 0x80) != 0);
    }
}

/// <summary>Decoded RMCP header fields.</summary>
public readonly record struct RmcpHeader(byte Sequence, byte MessageClass, bool IsAck);

using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Session;

/// <summary>
/// RAKP Message 3, payload 0x14 (IPMI v2.0 §13.22, table 13-22), console to BMC: status (non-zero when the
/// console rejects RAKP 2, so the BMC frees the session) and the console's key-exchange authentication code.
/// </summary>
public readonly record struct Rakp3(byte Tag, RmcpPlusStatus Status, uint BmcSessionId, ReadOnlyMemory<byte> KeyExchangeCode)
{
    public const int FixedLength = 8;

    public int GetLength() => FixedLength + KeyExchangeCode.Length;

    public int Write(Span<byte> destination)
    {
        var length = GetLength();
        if (destination.Length < length)
        {
            throw new ArgumentException($"Destination needs {length} bytes.", nameof(destination));
        }

        destination[..FixedLength].Clear();
        destination[0] = Tag;
        destination[1] = (byte)Status;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], BmcSessionId);
        KeyExchangeCode.Span.CopyTo(destination[8..]);
        return length;
    }

    /// <summary>Parses RAKP 3 (BMC side); every byte after the header is the code.</summary>
    public static Rakp3 Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new SpanReader(payload);
        var tag = reader.ReadByte("message tag");
        var status = (RmcpPlusStatus)reader.ReadByte("status code");
        reader.Skip(2, "reserved");
        var bmcSessionId = reader.ReadUInt32("BMC session ID");
        return new Rakp3(tag, status, bmcSessionId, reader.RemainingSpan.ToArray());
    }
}

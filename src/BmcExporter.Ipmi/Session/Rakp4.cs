using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Session;

/// <summary>
/// RAKP Message 4, payload 0x15 (IPMI v2.0 §13.23, table 13-23), BMC to console: status and the integrity check
/// value computed with SIK. With authentication "none" any ICV bytes are ignored (integritycheckvalue quirk).
/// </summary>
public readonly record struct Rakp4(byte Tag, RmcpPlusStatus Status, uint ConsoleSessionId, ReadOnlyMemory<byte> IntegrityCheckValue)
{
    public const int FixedLength = 8;

    public int GetLength() => FixedLength + IntegrityCheckValue.Length;

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
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], ConsoleSessionId);
        IntegrityCheckValue.Span.CopyTo(destination[8..]);
        return length;
    }

    /// <summary>Parses RAKP 4 (console side). Error messages may stop after the status byte.</summary>
    public static Rakp4 Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new SpanReader(payload);
        var tag = reader.ReadByte("message tag");
        var status = (RmcpPlusStatus)reader.ReadByte("status code");
        if (status != RmcpPlusStatus.NoErrors && reader.Remaining < 6)
        {
            return new Rakp4(tag, status, 0, default);
        }

        reader.Skip(2, "reserved");
        var consoleSessionId = reader.ReadUInt32("console session ID");
        return new Rakp4(tag, status, consoleSessionId, reader.RemainingSpan.ToArray());
    }
}

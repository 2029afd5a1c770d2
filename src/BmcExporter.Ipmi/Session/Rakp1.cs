using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Session;

/// <summary>
/// RAKP Message 1, payload 0x12 (IPMI v2.0 §13.20, table 13-20), console to BMC: the BMC session ID, the
/// console random number, the role byte (privilege | name-only bit) and the user name (0-16 bytes).
/// </summary>
public readonly record struct Rakp1(byte Tag, uint BmcSessionId, ReadOnlyMemory<byte> ConsoleRandom, byte Role, ReadOnlyMemory<byte> UserName)
{
    public const int RandomLength = 16;
    public const int MaxUserNameLength = 16;
    public const int FixedLength = 28;

    public int GetLength() => FixedLength + UserName.Length;

    public int Write(Span<byte> destination)
    {
        if (ConsoleRandom.Length != RandomLength || UserName.Length > MaxUserNameLength)
        {
            throw new ArgumentException("RAKP 1 needs a 16-byte random and a user name of at most 16 bytes.", nameof(destination));
        }

        var length = GetLength();
        if (destination.Length < length)
        {
            throw new ArgumentException($"Destination needs {length} bytes.", nameof(destination));
        }

        destination[..FixedLength].Clear();
        destination[0] = Tag;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], BmcSessionId);
        ConsoleRandom.Span.CopyTo(destination[8..]);
        destination[24] = Role;
        destination[27] = (byte)UserName.Length;
        UserName.Span.CopyTo(destination[28..]);
        return length;
    }

    /// <summary>Parses RAKP 1 (BMC side). A user name longer than 16 bytes is a protocol error.</summary>
    public static Rakp1 Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new SpanReader(payload);
        var tag = reader.ReadByte("message tag");
        reader.Skip(3, "reserved");
        var bmcSessionId = reader.ReadUInt32("BMC session ID");
        var random = reader.ReadBytes(RandomLength, "console random number").ToArray();
        var role = reader.ReadByte("role");
        reader.Skip(2, "reserved");
        var nameLength = reader.ReadByte("user name length");
        if (nameLength > MaxUserNameLength)
        {
            throw new IpmiProtocolException($"RAKP 1 user name length {nameLength} exceeds {MaxUserNameLength}.");
        }

        var name = reader.ReadBytes(nameLength, "user name").ToArray();
        return new Rakp1(tag, bmcSessionId, random, role, name);
    }
}

using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Session;

/// <summary>
/// RAKP Message 2, payload 0x13 (IPMI v2.0 §13.21, table 13-21), BMC to console: BMC random number, BMC GUID and
/// the key-exchange authentication code. <see cref="Parse"/> keeps every byte after the GUID as the code so a
/// verifier can compare only the expected digest length (supermicro20/sun20 quirks, reference §5.1).
/// </summary>
public readonly record struct Rakp2(
    byte Tag,
    RmcpPlusStatus Status,
    uint ConsoleSessionId,
    ReadOnlyMemory<byte> BmcRandom,
    ReadOnlyMemory<byte> BmcGuid,
    ReadOnlyMemory<byte> KeyExchangeCode)
{
    public const int FixedLength = 40;

    public int GetLength() => Status == RmcpPlusStatus.NoErrors ? FixedLength + KeyExchangeCode.Length : 8;

    public int Write(Span<byte> destination)
    {
        var length = GetLength();
        if (destination.Length < length)
        {
            throw new ArgumentException($"Destination needs {length} bytes.", nameof(destination));
        }

        destination[..length].Clear();
        destination[0] = Tag;
        destination[1] = (byte)Status;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], ConsoleSessionId);
        if (Status == RmcpPlusStatus.NoErrors)
        {
            if (BmcRandom.Length != 16 || BmcGuid.Length != 16)
            {
                throw new ArgumentException("RAKP 2 needs a 16-byte random and a 16-byte GUID.", nameof(destination));
            }

            BmcRandom.Span.CopyTo(destination[8..]);
            BmcGuid.Span.CopyTo(destination[24..]);
            KeyExchangeCode.Span.CopyTo(destination[40..]);
        }

        return length;
    }

    /// <summary>Parses RAKP 2 (console side). Error messages may stop after the status byte.</summary>
    public static Rakp2 Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new SpanReader(payload);
        var tag = reader.ReadByte("message tag");
        var status = (RmcpPlusStatus)reader.ReadByte("status code");
        if (status != RmcpPlusStatus.NoErrors)
        {
            uint console = 0;
            if (reader.Remaining >= 6)
            {
                reader.Skip(2, "reserved");
                console = reader.ReadUInt32("console session ID");
            }

            return new Rakp2(tag, status, console, default, default, default);
        }

        reader.Skip(2, "reserved");
        var consoleSessionId = reader.ReadUInt32("console session ID");
        var random = reader.ReadBytes(16, "BMC random number").ToArray();
        var guid = reader.ReadBytes(16, "BMC GUID").ToArray();
        var code = reader.RemainingSpan.ToArray();
        return new Rakp2(tag, status, consoleSessionId, random, guid, code);
    }
}

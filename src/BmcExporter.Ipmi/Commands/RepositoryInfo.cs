using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Commands;

/// <summary>
/// Get SDR Repository Info and Get SEL Info share one layout (IPMI v2.0 §33.9, §31.2): version, count, free
/// space, addition and erase timestamps, operation support.
/// </summary>
public readonly record struct RepositoryInfo(
    byte Version,
    ushort EntryCount,
    ushort FreeSpace,
    uint AdditionTimestamp,
    uint EraseTimestamp,
    byte OperationSupport)
{
    public const int Size = 14;

    /// <summary>b7: events or records were dropped because the store overflowed.</summary>
    public bool Overflow => (OperationSupport & 0x80) != 0;

    /// <summary>b1: the Reserve command is supported.</summary>
    public bool ReserveSupported => (OperationSupport & 0x02) != 0;

    public static RepositoryInfo Decode(ReadOnlySpan<byte> data, string what)
    {
        // The field names of a truncated answer are formatted only when one is missing: both repositories are read
        // every scrape.
        var r = new SpanReader(data);
        if (r.Remaining < Size)
        {
            return Truncated(data, what);
        }

        return new RepositoryInfo(
            r.ReadByte("version"),
            r.ReadUInt16("entry count"),
            r.ReadUInt16("free space"),
            r.ReadUInt32("addition timestamp"),
            r.ReadUInt32("erase timestamp"),
            r.ReadByte("operation support"));
    }

    private static RepositoryInfo Truncated(ReadOnlySpan<byte> data, string what)
    {
        var r = new SpanReader(data);
        return new RepositoryInfo(
            r.ReadByte($"{what} version"),
            r.ReadUInt16($"{what} entry count"),
            r.ReadUInt16($"{what} free space"),
            r.ReadUInt32($"{what} addition timestamp"),
            r.ReadUInt32($"{what} erase timestamp"),
            r.ReadByte($"{what} operation support"));
    }

    public byte[] Encode()
    {
        var b = new byte[Size];
        b[0] = Version;
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(1), EntryCount);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(3), FreeSpace);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(5), AdditionTimestamp);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(9), EraseTimestamp);
        b[13] = OperationSupport;
        return b;
    }
}

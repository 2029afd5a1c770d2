using System.Buffers.Binary;
using System.Collections.Concurrent;

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

    // Field names for a truncated answer's message, formatted once per kind ("SDR", "SEL", ...): both repositories
    // are read every scrape.
    private static readonly ConcurrentDictionary<string, string[]> FieldNames = new(StringComparer.Ordinal);

    public static RepositoryInfo Decode(ReadOnlySpan<byte> data, string what)
    {
        var names = FieldNames.GetOrAdd(what, static w =>
            [$"{w} version", $"{w} entry count", $"{w} free space", $"{w} addition timestamp", $"{w} erase timestamp", $"{w} operation support"]);
        var r = new SpanReader(data);
        return new RepositoryInfo(
            r.ReadByte(names[0]),
            r.ReadUInt16(names[1]),
            r.ReadUInt16(names[2]),
            r.ReadUInt32(names[3]),
            r.ReadUInt32(names[4]),
            r.ReadByte(names[5]));
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

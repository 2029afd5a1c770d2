using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Sdr;

/// <summary>
/// The 5-byte header every SDR starts with (IPMI v2.0 §43.1): record ID, SDR version, record type and the
/// number of bytes that follow the header.
/// </summary>
public readonly record struct SdrRecordHeader(ushort RecordId, byte Version, byte RecordType, byte Length)
{
    /// <summary>Header size in bytes.</summary>
    public const int Size = 5;

    /// <summary>SDR version 1.5 / 2.0 records, BCD 0x51.</summary>
    public const byte CurrentVersion = 0x51;

    /// <summary>Header plus body: the number of bytes the whole record occupies.</summary>
    public int TotalLength => Size + Length;

    public static SdrRecordHeader Decode(ReadOnlySpan<byte> data)
    {
        var reader = new SpanReader(data);
        var id = reader.ReadUInt16("SDR record ID");
        var version = reader.ReadByte("SDR version");
        var type = reader.ReadByte("SDR record type");
        var length = reader.ReadByte("SDR record length");
        return new SdrRecordHeader(id, version, type, length);
    }

    public void Write(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException("Destination too small for an SDR header.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt16LittleEndian(destination, RecordId);
        destination[2] = Version;
        destination[3] = RecordType;
        destination[4] = Length;
    }
}

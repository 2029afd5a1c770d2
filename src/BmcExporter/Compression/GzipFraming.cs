using System.Buffers.Binary;

namespace BmcExporter.Compression;

/// <summary>
/// One gzip member (RFC 1952) around independently compressed deflate pieces: a 10-byte header, the pieces in
/// order, an empty final block, then CRC-32 and length of the uncompressed text. The CRC is combined from the
/// pieces' own CRCs (<see cref="Crc32Combine"/>) while they are written.
/// </summary>
internal static class GzipFraming
{
    /// <summary>ID1 ID2 CM=deflate FLG=0 MTIME=0 XFL=0 OS=255 (unknown).</summary>
    public static ReadOnlySpan<byte> Header => [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF];

    /// <summary>A final fixed-Huffman block holding only end-of-block (BFINAL=1, BTYPE=01, code 0000000).</summary>
    public static ReadOnlySpan<byte> FinalBlock => [0x03, 0x00];

    /// <summary>Trailer length: CRC-32 and ISIZE.</summary>
    public const int TrailerLength = 8;

    /// <summary>Writes CRC-32 and the length modulo 2^32, little-endian.</summary>
    public static void WriteTrailer(Span<byte> destination, uint crc, long length)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, crc);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], unchecked((uint)length));
    }
}

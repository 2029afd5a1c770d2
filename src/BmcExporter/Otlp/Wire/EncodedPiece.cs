using System.IO.Compression;
using System.IO.Hashing;

namespace BmcExporter.Otlp.Wire;

/// <summary>
/// Encoded protobuf fields kept compressed: raw deflate ending in a sync flush, so
/// pieces of many BMCs can be put one after another into one gzip member, with the length and CRC-32 of the
/// uncompressed bytes that the gzip trailer needs. Immutable; a request copies it, a retry copies it again.
/// </summary>
internal sealed class EncodedPiece
{
    [ThreadStatic]
    private static MemoryStream? t_output;

    private EncodedPiece(byte[] deflate, int rawLength, uint crc, int items)
    {
        Deflate = deflate;
        RawLength = rawLength;
        Crc = crc;
        Items = items;
    }

    /// <summary>The compressed bytes (no final block).</summary>
    public byte[] Deflate { get; }

    /// <summary>Length of the uncompressed fields.</summary>
    public int RawLength { get; }

    /// <summary>CRC-32 (ISO-HDLC, as gzip) of the uncompressed fields.</summary>
    public uint Crc { get; }

    /// <summary>What the piece holds: data points or log records.</summary>
    public int Items { get; }

    /// <summary>Compresses <paramref name="raw"/> into a piece holding <paramref name="items"/> items.</summary>
    public static EncodedPiece Compress(ReadOnlySpan<byte> raw, int items)
    {
        // A fresh deflate stream per piece (no shared dictionary) ended by a sync flush: the output stops on a byte
        // boundary with an empty stored block and no final block, so pieces concatenate (RFC 1951 §3.2.4). The
        // runtime's deflater is zlib-ng, several times faster than the system zlib at the fastest level.
        var output = t_output ??= new MemoryStream(64 * 1024);
        output.SetLength(0);
        int length;
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(raw);
            deflate.Flush();
            length = (int)output.Length;
        }

        return new EncodedPiece(output.GetBuffer().AsSpan(0, length).ToArray(), raw.Length, Crc32.HashToUInt32(raw), items);
    }
}

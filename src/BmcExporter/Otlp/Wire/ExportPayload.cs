using System.Buffers.Binary;
using System.IO.Compression;
using BmcExporter.Compression;

namespace BmcExporter.Otlp.Wire;

/// <summary>
/// The body of one export request: the encoded pieces in order, sent as one gzip member built from the
/// pre-compressed pieces (no compression at send time) or, without compression, inflated while written. For gRPC
/// the message gets its 5-byte prefix (gRPC over HTTP/2, "Length-Prefixed-Message": compressed flag, big-endian
/// length). The length is known before the first byte, so nothing is buffered.
/// </summary>
internal sealed class ExportPayload
{
    private const int GrpcPrefixLength = 5;
    private const int GzipTrailerLength = 8;

    /// <summary>gzip member header (RFC 1952 §2.3): ID1 ID2, CM=8 (deflate), no flags, MTIME=0, XFL=0, OS=255 (unknown).</summary>
    private static readonly byte[] GzipHeader = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF];

    /// <summary>A final fixed-Huffman block holding only end-of-block (RFC 1951 §3.2.3/§3.2.6: BFINAL=1, BTYPE=01, code 0).</summary>
    private static readonly byte[] FinalBlock = [0x03, 0x00];

    public ExportPayload(IReadOnlyList<EncodedPiece> pieces, bool gzip)
    {
        Pieces = pieces;
        Gzip = gzip;
        long raw = 0, deflated = 0;
        foreach (var piece in pieces)
        {
            raw += piece.RawLength;
            deflated += piece.Deflate.Length;
            Items += piece.Items;
        }

        RawLength = raw;
        MessageLength = gzip ? GzipHeader.Length + deflated + FinalBlock.Length + GzipTrailerLength : raw;
    }

    public IReadOnlyList<EncodedPiece> Pieces { get; }

    /// <summary>Whether the message is sent as gzip.</summary>
    public bool Gzip { get; }

    /// <summary>Data points or log records in the request.</summary>
    public int Items { get; }

    /// <summary>Length of the protobuf message uncompressed.</summary>
    public long RawLength { get; }

    /// <summary>Length of the message as sent (compressed or not), without the gRPC prefix.</summary>
    public long MessageLength { get; }

    /// <summary>Body length: the message, plus 5 bytes with <paramref name="grpc"/>.</summary>
    public long BodyLength(bool grpc) => MessageLength + (grpc ? GrpcPrefixLength : 0);

    /// <summary>Writes the body to <paramref name="destination"/>.</summary>
    public async Task WriteAsync(Stream destination, bool grpc, CancellationToken cancellationToken)
    {
        if (grpc)
        {
            var prefix = new byte[GrpcPrefixLength];
            prefix[0] = Gzip ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteUInt32BigEndian(prefix.AsSpan(1), checked((uint)MessageLength));
            await destination.WriteAsync(prefix, cancellationToken).ConfigureAwait(false);
        }

        if (Gzip)
        {
            await WriteGzipAsync(destination, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            foreach (var piece in Pieces)
            {
                await InflateAsync(piece, destination, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The whole body in memory (tests and the log queue's small requests).</summary>
    public async Task<byte[]> ToArrayAsync(bool grpc, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(checked((int)BodyLength(grpc)));
        await WriteAsync(buffer, grpc, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private async Task WriteGzipAsync(Stream destination, CancellationToken cancellationToken)
    {
        await destination.WriteAsync(GzipHeader, cancellationToken).ConfigureAwait(false);
        uint crc = 0;
        foreach (var piece in Pieces)
        {
            await destination.WriteAsync(piece.Deflate, cancellationToken).ConfigureAwait(false);
            crc = Crc32Combine.Combine(crc, piece.Crc, piece.RawLength);
        }

        // Trailer (RFC 1952 §2.3.1): CRC-32 and length modulo 2^32 of the uncompressed message, little-endian.
        var tail = new byte[FinalBlock.Length + GzipTrailerLength];
        FinalBlock.CopyTo(tail, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(tail.AsSpan(FinalBlock.Length), crc);
        BinaryPrimitives.WriteUInt32LittleEndian(tail.AsSpan(FinalBlock.Length + 4), unchecked((uint)RawLength));
        await destination.WriteAsync(tail, cancellationToken).ConfigureAwait(false);
    }

    private static async Task InflateAsync(EncodedPiece piece, Stream destination, CancellationToken cancellationToken)
    {
        // A piece ends in a full flush, not a final block: append one so the inflater sees a complete stream.
        var complete = new byte[piece.Deflate.Length + FinalBlock.Length];
        piece.Deflate.CopyTo(complete, 0);
        FinalBlock.CopyTo(complete, piece.Deflate.Length);
        using var source = new MemoryStream(complete, writable: false);
        await using var inflater = new DeflateStream(source, CompressionMode.Decompress);
        await inflater.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }
}

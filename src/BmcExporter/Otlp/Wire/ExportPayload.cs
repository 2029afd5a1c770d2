using System.Buffers.Binary;
using System.IO.Compression;
using BmcExporter.Output.Prometheus;

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
        MessageLength = gzip ? GzipFraming.Header.Length + deflated + GzipFraming.FinalBlock.Length + GzipFraming.TrailerLength : raw;
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
        await destination.WriteAsync(GzipFraming.Header.ToArray(), cancellationToken).ConfigureAwait(false);
        uint crc = 0;
        foreach (var piece in Pieces)
        {
            await destination.WriteAsync(piece.Deflate, cancellationToken).ConfigureAwait(false);
            crc = Crc32Combine.Combine(crc, piece.Crc, piece.RawLength);
        }

        var tail = new byte[GzipFraming.FinalBlock.Length + GzipFraming.TrailerLength];
        GzipFraming.FinalBlock.CopyTo(tail);
        BinaryPrimitives.WriteUInt32LittleEndian(tail.AsSpan(GzipFraming.FinalBlock.Length), crc);
        BinaryPrimitives.WriteUInt32LittleEndian(tail.AsSpan(GzipFraming.FinalBlock.Length + 4), unchecked((uint)RawLength));
        await destination.WriteAsync(tail, cancellationToken).ConfigureAwait(false);
    }

    private static async Task InflateAsync(EncodedPiece piece, Stream destination, CancellationToken cancellationToken)
    {
        // A piece ends in a full flush, not a final block: append one so the inflater sees a complete stream.
        var complete = new byte[piece.Deflate.Length + GzipFraming.FinalBlock.Length];
        piece.Deflate.CopyTo(complete, 0);
        GzipFraming.FinalBlock.CopyTo(complete.AsSpan(piece.Deflate.Length));
        using var source = new MemoryStream(complete, writable: false);
        await using var inflater = new DeflateStream(source, CompressionMode.Decompress);
        await inflater.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }
}

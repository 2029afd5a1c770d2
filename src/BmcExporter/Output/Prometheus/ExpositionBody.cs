using System.Buffers;
using System.IO.Compression;
using System.IO.Hashing;
using System.IO.Pipelines;
using BmcExporter.Compression;

namespace BmcExporter.Output.Prometheus;

/// <summary>
/// A response body assembled from renderings made earlier: every family's HELP/TYPE once, then that family's
/// sample lines of each target in order, then the process-wide block. With gzip, the fleet page is one gzip
/// member built from the pieces compressed at render time (<see cref="GzipFraming"/>); the length is known
/// before the first byte is written.
/// </summary>
public sealed class ExpositionBody
{
    private const int FlushThreshold = 256 * 1024;

    private readonly IReadOnlyList<RenderedExposition> _targets;
    private readonly ReadOnlyMemory<byte> _tailText;
    private readonly ReadOnlyMemory<byte> _tailDeflate;
    private readonly bool[] _present;
    private readonly byte[]? _whole;

    private ExpositionBody(IReadOnlyList<RenderedExposition> targets, ReadOnlyMemory<byte> tailText, ExpositionFormat format, bool gzip, byte[]? whole)
    {
        _targets = targets;
        _tailText = tailText;
        Format = format;
        Gzip = gzip;
        _whole = whole;
        _present = new bool[MetricNames.All.Count];
        if (whole is not null)
        {
            Length = whole.Length;
            return;
        }

        if (gzip)
        {
            var buffer = new ArrayBufferWriter<byte>(Math.Max(256, tailText.Length / 2));
            DeflatePieces.ForThread.Compress(tailText.Span, buffer);
            _tailDeflate = buffer.WrittenMemory;
        }

        long length = 0;
        foreach (var family in MetricNames.All)
        {
            foreach (var target in targets)
            {
                var text = target.TextLengthOf(family.Index);
                if (text > 0)
                {
                    _present[family.Index] = true;
                    length += gzip ? target.Deflate(family.Index).Length : text;
                }
            }

            if (_present[family.Index])
            {
                length += Header(family).Length;
            }
        }

        length += gzip ? _tailDeflate.Length + GzipFraming.Header.Length + GzipFraming.FinalBlock.Length + GzipFraming.TrailerLength : tailText.Length;
        Length = length;
    }

    /// <summary>Body length in bytes (the <c>Content-Length</c>).</summary>
    public long Length { get; }

    /// <summary>The exposition format.</summary>
    public ExpositionFormat Format { get; }

    /// <summary><c>true</c> when the body is gzip-encoded.</summary>
    public bool Gzip { get; }

    /// <summary>The <c>Content-Type</c>.</summary>
    public string ContentType => ContentNegotiation.ContentType(Format);

    /// <summary>
    /// The fleet page: <paramref name="targets"/> must have been rendered with compression when
    /// <paramref name="gzip"/> is set; <paramref name="tail"/> (process-wide families, and in OpenMetrics the
    /// <c># EOF</c>) goes last.
    /// </summary>
    public static ExpositionBody Fleet(IReadOnlyList<RenderedExposition> targets, ReadOnlyMemory<byte> tail, ExpositionFormat format, bool gzip) =>
        new(targets, tail, format, gzip, null);

    /// <summary>One target's page (<c>/ipmi</c>), compressed now when <paramref name="gzip"/> is set (it is small).</summary>
    public static ExpositionBody Single(RenderedExposition target, ExpositionFormat format, bool gzip)
    {
        ArgumentNullException.ThrowIfNull(target);
        var eof = format == ExpositionFormat.OpenMetrics ? "# EOF\n"u8.ToArray() : [];
        var plain = new ExpositionBody([target], eof, format, gzip: false, null);
        if (!gzip)
        {
            return plain;
        }

        var text = new ArrayBufferWriter<byte>((int)plain.Length);
        plain.WriteTo(text);
        using var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(text.WrittenSpan);
        }

        return new ExpositionBody([target], eof, format, gzip: true, compressed.ToArray());
    }

    /// <summary>Writes the body, flushing every 256 KB so a slow client applies back-pressure.</summary>
    public async Task WriteAsync(PipeWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_whole is not null)
        {
            await writer.WriteAsync(_whole, cancellationToken).ConfigureAwait(false);
            return;
        }

        var state = new WriteState();
        while (!WriteSome(writer, state, FlushThreshold))
        {
            var flushed = await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (flushed.IsCanceled || flushed.IsCompleted)
            {
                return;
            }
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the whole body at once (tests, benchmarks, small bodies).</summary>
    public void WriteTo(IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_whole is not null)
        {
            destination.Write(_whole);
            return;
        }

        WriteSome(destination, new WriteState(), long.MaxValue);
    }

    /// <summary>The whole body as bytes (tests, benchmarks).</summary>
    public byte[] ToArray()
    {
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(Length, int.MaxValue));
        WriteTo(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes segments from where <paramref name="state"/> stopped until about <paramref name="budget"/> bytes were
    /// written; <c>true</c> once the body is complete. Segments are the family headers, each target's piece of each
    /// family (its text, or its deflate piece with gzip, the CRC-32 combined from the pieces' own), and the tail.
    /// </summary>
    private bool WriteSome(IBufferWriter<byte> output, WriteState state, long budget)
    {
        long written = 0;
        if (!state.Started)
        {
            state.Started = true;
            if (Gzip)
            {
                output.Write(GzipFraming.Header);
            }
        }

        var families = MetricNames.All;
        for (; state.Family < families.Count; state.Family++, state.Target = -1)
        {
            var family = families[state.Family];
            if (!_present[family.Index])
            {
                continue;
            }

            if (state.Target == -1)
            {
                written += EmitHeader(output, state, family);
                state.Target = 0;
            }

            for (; state.Target < _targets.Count; state.Target++)
            {
                if (written >= budget)
                {
                    return false;
                }

                var target = _targets[state.Target];
                var length = target.TextLengthOf(family.Index);
                if (length == 0)
                {
                    continue;
                }

                if (Gzip)
                {
                    // The piece's CRC and combine operator were computed when it was rendered: the text is not read.
                    var piece = target.Deflate(family.Index);
                    output.Write(piece.Span);
                    state.Crc = Crc32Combine.Apply(target.Sums.CrcOperator[family.Index], state.Crc, target.Sums.Crc[family.Index]);
                    state.TextLength += length;
                    written += piece.Length;
                }
                else
                {
                    target.WriteText(family.Index, output);
                    written += length;
                }
            }
        }

        if (Gzip)
        {
            output.Write(_tailDeflate.Span);
            state.Crc = Crc32Combine.Combine(state.Crc, Crc32.HashToUInt32(_tailText.Span), _tailText.Length);
            state.TextLength += _tailText.Length;
            output.Write(GzipFraming.FinalBlock);
            GzipFraming.WriteTrailer(output.GetSpan(GzipFraming.TrailerLength), state.Crc, state.TextLength);
            output.Advance(GzipFraming.TrailerLength);
        }
        else
        {
            output.Write(_tailText.Span);
        }

        return true;
    }

    private int EmitHeader(IBufferWriter<byte> output, WriteState state, Family family)
    {
        if (!Gzip)
        {
            var text = HeaderText(family);
            output.Write(text.Span);
            return text.Length;
        }

        var header = DeflatedHeaders.Get(family, Format);
        output.Write(header.Piece.Span);
        state.Crc = Crc32Combine.Apply(header.CrcOperator, state.Crc, header.Crc);
        state.TextLength += header.TextLength;
        return header.Piece.Length;
    }

    private ReadOnlyMemory<byte> Header(Family family) => Gzip ? DeflatedHeaders.Get(family, Format).Piece : HeaderText(family);

    private ReadOnlyMemory<byte> HeaderText(Family family) => ExpositionText.HeaderMemory(family, Format);

    /// <summary>Where a write stopped: the family, the target within it (-1: header not yet written), the running CRC.</summary>
    private sealed class WriteState
    {
        public bool Started { get; set; }

        public int Family { get; set; }

        public int Target { get; set; } = -1;

        public uint Crc { get; set; }

        public long TextLength { get; set; }
    }

    /// <summary>HELP/TYPE headers compressed once per format, with the sums a gzip trailer needs.</summary>
    private static class DeflatedHeaders
    {
        private static readonly HeaderPiece[][] ByFormat = [Build(ExpositionFormat.Text), Build(ExpositionFormat.OpenMetrics)];

        public static HeaderPiece Get(Family family, ExpositionFormat format) => ByFormat[(int)format][family.Index];

        private static HeaderPiece[] Build(ExpositionFormat format) => MetricNames.All.Select(f =>
        {
            var text = ExpositionText.HeaderMemory(f, format).Span;
            var buffer = new ArrayBufferWriter<byte>(128);
            DeflatePieces.ForThread.Compress(text, buffer);
            return new HeaderPiece(buffer.WrittenMemory, text.Length, Crc32.HashToUInt32(text), Crc32Combine.Operator(text.Length));
        }).ToArray();
    }

    private sealed record HeaderPiece(ReadOnlyMemory<byte> Piece, int TextLength, uint Crc, uint CrcOperator);
}

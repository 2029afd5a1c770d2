using System.Buffers;
using System.IO.Compression;
using System.IO.Hashing;
using System.IO.Pipelines;

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
                var piece = gzip ? target.Deflate(family.Index) : target.Text(family.Index);
                if (piece.Length > 0)
                {
                    _present[family.Index] = true;
                    length += piece.Length;
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

        var crc = new Crc32();
        long textLength = 0;
        var pending = 0;
        if (Gzip)
        {
            writer.Write(GzipFraming.Header);
        }

        foreach (var (text, output) in Segments())
        {
            if (Gzip)
            {
                crc.Append(text.Span);
                textLength += text.Length;
            }

            writer.Write(output.Span);
            pending += output.Length;
            if (pending >= FlushThreshold)
            {
                pending = 0;
                var flushed = await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (flushed.IsCanceled || flushed.IsCompleted)
                {
                    return;
                }
            }
        }

        if (Gzip)
        {
            writer.Write(GzipFraming.FinalBlock);
            var trailer = writer.GetSpan(GzipFraming.TrailerLength);
            GzipFraming.WriteTrailer(trailer, crc, textLength);
            writer.Advance(GzipFraming.TrailerLength);
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

        var crc = new Crc32();
        long textLength = 0;
        if (Gzip)
        {
            destination.Write(GzipFraming.Header);
        }

        foreach (var (text, output) in Segments())
        {
            crc.Append(text.Span);
            textLength += text.Length;
            destination.Write(output.Span);
        }

        if (Gzip)
        {
            destination.Write(GzipFraming.FinalBlock);
            GzipFraming.WriteTrailer(destination.GetSpan(GzipFraming.TrailerLength), crc, textLength);
            destination.Advance(GzipFraming.TrailerLength);
        }
    }

    /// <summary>The whole body as bytes (tests, benchmarks).</summary>
    public byte[] ToArray()
    {
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(Length, int.MaxValue));
        WriteTo(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private ReadOnlyMemory<byte> Header(Family family) => Gzip ? DeflatedHeaders.Get(family, Format) : HeaderText(family);

    private ReadOnlyMemory<byte> HeaderText(Family family) => ExpositionText.HeaderMemory(family, Format);

    /// <summary>Each segment's text (for the CRC) and the bytes to send (the text itself, or its deflate piece).</summary>
    private IEnumerable<(ReadOnlyMemory<byte> Text, ReadOnlyMemory<byte> Output)> Segments()
    {
        foreach (var family in MetricNames.All)
        {
            if (!_present[family.Index])
            {
                continue;
            }

            yield return (HeaderText(family), Header(family));
            foreach (var target in _targets)
            {
                var text = target.Text(family.Index);
                if (text.Length > 0)
                {
                    yield return (text, Gzip ? target.Deflate(family.Index) : text);
                }
            }
        }

        yield return (_tailText, Gzip ? _tailDeflate : _tailText);
    }

    /// <summary>HELP/TYPE headers compressed once per format.</summary>
    private static class DeflatedHeaders
    {
        private static readonly ReadOnlyMemory<byte>[][] ByFormat = [Build(ExpositionFormat.Text), Build(ExpositionFormat.OpenMetrics)];

        public static ReadOnlyMemory<byte> Get(Family family, ExpositionFormat format) => ByFormat[(int)format][family.Index];

        private static ReadOnlyMemory<byte>[] Build(ExpositionFormat format) => MetricNames.All.Select(f =>
        {
            var buffer = new ArrayBufferWriter<byte>(128);
            DeflatePieces.ForThread.Compress(ExpositionText.HeaderMemory(f, format).Span, buffer);
            return buffer.WrittenMemory;
        }).ToArray();
    }
}

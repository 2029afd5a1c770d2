using System.Buffers;
using BmcExporter.Compression;

namespace BmcExporter.Output.Prometheus;

/// <summary>
/// One target's series, rendered once when its snapshot was stored: the sample lines of every family (no
/// HELP/TYPE: those are written once per response). A plain rendering (<c>/ipmi</c>) keeps the UTF-8 text. A
/// compressed rendering (the fleet view) keeps only independently compressed deflate pieces, with each piece's text
/// length, CRC-32 and CRC combine operator (so a gzip response never touches the text) and a 64-bit hash (so the next
/// render can reuse an unchanged piece); plain text is decompressed from the pieces when a client asks for it.
/// Immutable; a response copies slices of it.
/// </summary>
public sealed class RenderedExposition
{
    private readonly byte[]? _text;
    private readonly int[] _textOffsets;
    private readonly byte[]? _deflate;
    private readonly int[]? _deflateOffsets;
    private readonly PieceSums? _sums;

    internal RenderedExposition(byte[] text, int[] textOffsets, int series)
    {
        _text = text;
        _textOffsets = textOffsets;
        Series = series;
    }

    internal RenderedExposition(int[] textOffsets, byte[] deflate, int[] deflateOffsets, PieceSums sums, int series)
    {
        _textOffsets = textOffsets;
        _deflate = deflate;
        _deflateOffsets = deflateOffsets;
        _sums = sums;
        Series = series;
    }

    /// <summary>Number of samples (series).</summary>
    public int Series { get; }

    /// <summary>Length of all sample lines in bytes.</summary>
    public int TextLength => _textOffsets[^1];

    /// <summary>Length of all compressed pieces in bytes (0 without compression).</summary>
    public int DeflateLength => _deflate?.Length ?? 0;

    /// <summary><c>true</c> when only the compressed pieces are kept.</summary>
    public bool IsCompressed => _deflate is not null;

    /// <summary>Bytes of sample lines of the family at <paramref name="familyIndex"/> (0 when it has none).</summary>
    public int TextLengthOf(int familyIndex) => _textOffsets[familyIndex + 1] - _textOffsets[familyIndex];

    /// <summary>
    /// The sample lines of the family at <paramref name="familyIndex"/>; empty when it has none. A compressed
    /// rendering decompresses them into a new array.
    /// </summary>
    public ReadOnlyMemory<byte> Text(int familyIndex)
    {
        if (_text is not null)
        {
            return _text.AsMemory(_textOffsets[familyIndex], TextLengthOf(familyIndex));
        }

        var buffer = new ArrayBufferWriter<byte>(Math.Max(1, TextLengthOf(familyIndex) + 1));
        WriteText(familyIndex, buffer);
        return buffer.WrittenMemory;
    }

    /// <summary>Appends the sample lines of the family at <paramref name="familyIndex"/> to <paramref name="output"/>.</summary>
    public void WriteText(int familyIndex, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_text is not null)
        {
            output.Write(_text.AsSpan(_textOffsets[familyIndex], TextLengthOf(familyIndex)));
            return;
        }

        InflatePieces.ForThread.Decompress(Deflate(familyIndex).Span, TextLengthOf(familyIndex), output);
    }

    /// <summary>The compressed sample lines of the family at <paramref name="familyIndex"/>.</summary>
    public ReadOnlyMemory<byte> Deflate(int familyIndex) => _deflate is null || _deflateOffsets is null
        ? throw new InvalidOperationException("this exposition was rendered without compression")
        : _deflate.AsMemory(_deflateOffsets[familyIndex], _deflateOffsets[familyIndex + 1] - _deflateOffsets[familyIndex]);

    /// <summary>CRC-32 and combine operator and hash of each piece (compressed renderings only).</summary>
    internal PieceSums Sums => _sums ?? throw new InvalidOperationException("this exposition was rendered without compression");
}

/// <summary>
/// Per family of a compressed rendering: the CRC-32 of its text (gzip's, RFC 1952 §8), the
/// <see cref="Crc32Combine.Operator"/> for its length, and a 64-bit XXH3 hash of its text that tells the next render
/// whether the piece changed (a false match would need a 64-bit collision).
/// </summary>
internal sealed record PieceSums(uint[] Crc, uint[] CrcOperator, ulong[] Hash);

namespace BmcExporter.Output.Prometheus;

/// <summary>
/// One target's series, rendered once when its snapshot was stored: the sample lines of every family (no
/// HELP/TYPE: those are written once per response), as UTF-8 text and, for the fleet view, as independently
/// compressed deflate pieces. Immutable; a response copies slices of it.
/// </summary>
public sealed class RenderedExposition
{
    private readonly byte[] _text;
    private readonly int[] _textOffsets;
    private readonly byte[]? _deflate;
    private readonly int[]? _deflateOffsets;

    internal RenderedExposition(byte[] text, int[] textOffsets, byte[]? deflate, int[]? deflateOffsets, int series)
    {
        _text = text;
        _textOffsets = textOffsets;
        _deflate = deflate;
        _deflateOffsets = deflateOffsets;
        Series = series;
    }

    /// <summary>Number of samples (series).</summary>
    public int Series { get; }

    /// <summary>Length of all sample lines in bytes.</summary>
    public int TextLength => _text.Length;

    /// <summary>Length of all compressed pieces in bytes (0 without compression).</summary>
    public int DeflateLength => _deflate?.Length ?? 0;

    /// <summary><c>true</c> when the pieces were compressed too.</summary>
    public bool IsCompressed => _deflate is not null;

    /// <summary>The sample lines of the family at <paramref name="familyIndex"/>; empty when it has none.</summary>
    public ReadOnlyMemory<byte> Text(int familyIndex) =>
        _text.AsMemory(_textOffsets[familyIndex], _textOffsets[familyIndex + 1] - _textOffsets[familyIndex]);

    /// <summary>The compressed sample lines of the family at <paramref name="familyIndex"/>.</summary>
    public ReadOnlyMemory<byte> Deflate(int familyIndex) => _deflate is null || _deflateOffsets is null
        ? throw new InvalidOperationException("this exposition was rendered without compression")
        : _deflate.AsMemory(_deflateOffsets[familyIndex], _deflateOffsets[familyIndex + 1] - _deflateOffsets[familyIndex]);
}

using System.Buffers;
using System.IO.Hashing;
using System.Text;
using BmcExporter.Compression;

namespace BmcExporter.Output.Prometheus;

/// <summary>
/// Collects sample lines per family while one target is rendered, then packs them family by family into a
/// <see cref="RenderedExposition"/>. Reused per thread; every series of a render starts with the same prefix labels.
/// </summary>
internal sealed class SampleSink
{
    [ThreadStatic]
    private static SampleSink? t_current;

    private readonly ArrayBufferWriter<byte>[] _families = MetricNames.All.Select(_ => new ArrayBufferWriter<byte>(256)).ToArray();
    private readonly ArrayBufferWriter<byte> _prefix = new(128);
    private readonly ArrayBufferWriter<byte> _packed = new(8192);
    private readonly byte[][] _names = MetricNames.All.Select(f => Encoding.UTF8.GetBytes(f.Name)).ToArray();

    // Per family and label: `,label="` (the leading comma dropped for the first label of an unprefixed series).
    private readonly byte[][][] _labelOpeners = MetricNames.All.Select(f => f.Labels.Select(l => Encoding.UTF8.GetBytes($",{l}=\"")).ToArray()).ToArray();
    private int _count;

    /// <summary>This thread's sink.</summary>
    public static SampleSink ForThread => t_current ??= new SampleSink();

    /// <summary>Samples added since <see cref="Reset"/>.</summary>
    public int Count => _count;

    /// <summary>Starts a render whose series carry <paramref name="prefixLabels"/> first, in that order.</summary>
    public void Reset(IReadOnlyList<KeyValuePair<string, string>> prefixLabels)
    {
        foreach (var family in _families)
        {
            family.ResetWrittenCount();
        }

        _prefix.ResetWrittenCount();
        for (var i = 0; i < prefixLabels.Count; i++)
        {
            if (i > 0)
            {
                ExpositionText.WriteAscii(_prefix, ","u8);
            }

            ExpositionText.Write(_prefix, prefixLabels[i].Key);
            ExpositionText.WriteAscii(_prefix, "=\""u8);
            ExpositionText.WriteLabelValue(_prefix, prefixLabels[i].Value);
            ExpositionText.WriteAscii(_prefix, "\""u8);
        }

        _count = 0;
    }

    /// <summary>Adds one sample of <paramref name="family"/>, its own label values in the family's label order.</summary>
    public void Add(Family family, double value, params ReadOnlySpan<string> labelValues)
    {
        if (labelValues.Length != family.Labels.Count)
        {
            throw new ArgumentException($"{family.Name} takes {family.Labels.Count} label values, got {labelValues.Length}", nameof(labelValues));
        }

        var output = _families[family.Index];
        output.Write(_names[family.Index]);
        if (_prefix.WrittenCount > 0 || labelValues.Length > 0)
        {
            ExpositionText.WriteAscii(output, "{"u8);
            output.Write(_prefix.WrittenSpan);
            var openers = _labelOpeners[family.Index];
            for (var i = 0; i < labelValues.Length; i++)
            {
                output.Write(i > 0 || _prefix.WrittenCount > 0 ? openers[i] : openers[i].AsSpan(1));
                ExpositionText.WriteLabelValue(output, labelValues[i]);
                ExpositionText.WriteAscii(output, "\""u8);
            }

            ExpositionText.WriteAscii(output, "}"u8);
        }

        ExpositionText.WriteAscii(output, " "u8);
        ExpositionText.WriteValue(output, value);
        ExpositionText.WriteAscii(output, "\n"u8);
        _count++;
    }

    /// <summary>
    /// Packs what was added, family by family: as text, or with <paramref name="compress"/> as deflate pieces with their
    /// sums (<see cref="PieceSums"/>) and no text. A family whose text hashes and measures as in
    /// <paramref name="previous"/> reuses that piece instead of being compressed again (identity, chassis, FRU, states
    /// and many readings do not change between scrapes).
    /// </summary>
    public RenderedExposition Pack(bool compress, RenderedExposition? previous = null)
    {
        var offsets = new int[_families.Length + 1];
        var total = 0;
        for (var i = 0; i < _families.Length; i++)
        {
            offsets[i] = total;
            total += _families[i].WrittenCount;
        }

        offsets[^1] = total;
        if (!compress)
        {
            var text = new byte[total];
            for (var i = 0; i < _families.Length; i++)
            {
                _families[i].WrittenSpan.CopyTo(text.AsSpan(offsets[i]));
            }

            return new RenderedExposition(text, offsets, _count);
        }

        _packed.ResetWrittenCount();
        var deflateOffsets = new int[_families.Length + 1];
        var sums = new PieceSums(new uint[_families.Length], new uint[_families.Length], new ulong[_families.Length]);
        var deflater = DeflatePieces.ForThread;
        var before = previous is { IsCompressed: true } ? previous : null;
        for (var i = 0; i < _families.Length; i++)
        {
            deflateOffsets[i] = _packed.WrittenCount;
            var piece = _families[i].WrittenSpan;
            if (piece.IsEmpty)
            {
                continue;
            }

            var hash = XxHash3.HashToUInt64(piece);
            sums.Hash[i] = hash;
            if (before is not null && before.TextLengthOf(i) == piece.Length && before.Sums.Hash[i] == hash)
            {
                _packed.Write(before.Deflate(i).Span);
                sums.Crc[i] = before.Sums.Crc[i];
                sums.CrcOperator[i] = before.Sums.CrcOperator[i];
            }
            else
            {
                deflater.Compress(piece, _packed);
                sums.Crc[i] = Crc32.HashToUInt32(piece);
                sums.CrcOperator[i] = Crc32Combine.Operator(piece.Length);
            }
        }

        deflateOffsets[^1] = _packed.WrittenCount;
        return new RenderedExposition(offsets, _packed.WrittenSpan.ToArray(), deflateOffsets, sums, _count);
    }
}

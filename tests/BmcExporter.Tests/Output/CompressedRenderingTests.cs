using System.Buffers;
using System.IO.Compression;
using System.IO.Hashing;
using BmcExporter.Compression;
using BmcExporter.Output.Prometheus;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Fakes;

namespace BmcExporter.Tests.Output;

/// <summary>
/// A fleet rendering keeps only deflate pieces and their sums: the text decoded by our zlib inflater must be what
/// .NET's own inflater (zlib-ng) decodes, and match the CRC-32 and length recorded when the text still existed.
/// </summary>
public sealed class CompressedRenderingTests
{
    private static RenderedExposition Rendered() =>
        TargetRenderer.Render(SampleSnapshots.Full("10.0.0.1:623", new Dictionary<string, string> { ["rack"] = "r12" }), new TargetStatsRegistry().For("10.0.0.1:623"), RenderVariant.Fleet);

    [Fact]
    public void Text_CompressedRendering_EqualsIndependentInflateAndRecordedCrc()
    {
        var rendered = Rendered();
        var families = 0;

        foreach (var family in MetricNames.All)
        {
            var text = rendered.Text(family.Index).ToArray();
            Assert.Equal(rendered.TextLengthOf(family.Index), text.Length);
            if (text.Length == 0)
            {
                continue;
            }

            families++;
            Assert.Equal(DotnetInflate(rendered.Deflate(family.Index).ToArray()), text);
            Assert.Equal(Crc32.HashToUInt32(text), rendered.Sums.Crc[family.Index]);
            Assert.Equal(Crc32Combine.Operator(text.Length), rendered.Sums.CrcOperator[family.Index]);
            Assert.Equal(XxHash3.HashToUInt64(text), rendered.Sums.Hash[family.Index]);
        }

        Assert.True(rendered.IsCompressed);
        Assert.True(families > 5, $"only {families} families rendered");
        Assert.Equal(rendered.TextLength, MetricNames.All.Sum(f => rendered.TextLengthOf(f.Index)));
    }

    [Fact]
    public void Decompress_CorruptOrWrongLength_ThrowsInvalidData()
    {
        var rendered = Rendered();
        var family = MetricNames.All.First(f => rendered.TextLengthOf(f.Index) > 0).Index;
        var piece = rendered.Deflate(family).ToArray();
        var output = new ArrayBufferWriter<byte>();

        Assert.Throws<InvalidDataException>(() => InflatePieces.ForThread.Decompress(piece, rendered.TextLengthOf(family) + 1, output));
        Assert.Throws<InvalidDataException>(() => InflatePieces.ForThread.Decompress(piece, rendered.TextLengthOf(family) - 1, output));
        Assert.Throws<InvalidDataException>(() => InflatePieces.ForThread.Decompress([0xFF, 0xFF, 0xFF, 0xFF], 10, output));
        Assert.Throws<InvalidDataException>(() => InflatePieces.ForThread.Decompress([], 3, output));

        // The inflater is reset per piece: after failures the right length still decodes.
        InflatePieces.ForThread.Decompress(piece, rendered.TextLengthOf(family), output);
        Assert.Equal(rendered.Text(family).ToArray(), output.WrittenSpan.ToArray()[^rendered.TextLengthOf(family)..]);
    }

    [Fact]
    public void Crc32Combine_RandomSplits_ApplyAndCombineEqualCrcOfConcatenation()
    {
        var random = new Random(11);
        for (var i = 0; i < 200; i++)
        {
            var a = new byte[random.Next(0, 5000)];
            var b = new byte[random.Next(0, 5000)];
            random.NextBytes(a);
            random.NextBytes(b);
            var expected = Crc32.HashToUInt32([.. a, .. b]);

            Assert.Equal(expected, Crc32Combine.Apply(Crc32Combine.Operator(b.Length), Crc32.HashToUInt32(a), Crc32.HashToUInt32(b)));
            Assert.Equal(expected, Crc32Combine.Combine(Crc32.HashToUInt32(a), Crc32.HashToUInt32(b), b.Length));
        }
    }

    [Fact]
    public void Crc32Combine_CarrylessMultiply_EqualsTheBitwiseProduct()
    {
        // Edge words (x^0 alone, x^31 alone, all ones, zero) and random ones; on a CPU without carry-less multiply
        // both sides run the bit loop and the test proves nothing more than the other tests here.
        uint[] edges = [0, 1, 0x8000_0000, 0xFFFF_FFFF, 0xEDB8_8320, 0x4000_0000];
        foreach (var a in edges)
        {
            foreach (var b in edges)
            {
                Assert.Equal(Crc32Combine.MultiplyBitwise(a, b), Crc32Combine.Multiply(a, b));
            }
        }

        var random = new Random(12);
        for (var i = 0; i < 100_000; i++)
        {
            var a = (uint)random.NextInt64(0, 1L << 32);
            var b = (uint)random.NextInt64(0, 1L << 32);
            Assert.Equal(Crc32Combine.MultiplyBitwise(a, b), Crc32Combine.Multiply(a, b));
        }
    }

    [Fact]
    public void DeflatePieces_OnThisRuntime_CompressWithTheRuntimeZLib()
    {
        // The fast path must not fall back silently: if a runtime update drops the shim's exports, this says so.
        Assert.True(RuntimeZLib.Available, "the runtime's System.IO.Compression native shim or its deflate exports were not found");
        Assert.True(DeflatePieces.ForThread.OnRuntimeZLib);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DeflatePieces_EitherZLib_PiecesDecodeAloneAndConcatenatedInAnyOrder(bool runtime)
    {
        var random = new Random(7);
        var line = "ipmi_temperature_celsius{target=\"10.0.0.1:623\",id=\"12\",name=\"CPU1 Temp\"} 41\n"u8.ToArray();
        var texts = new List<byte[]> { Array.Empty<byte>(), new byte[] { 0x41 }, line };
        foreach (var size in new[] { 37, 600, 4_096, 25_000, 70_000 })
        {
            // Repetitive exposition-like text and incompressible bytes, as a piece can be either.
            texts.Add([.. Enumerable.Range(0, (size / line.Length) + 1).SelectMany(i => line.Select(b => b == (byte)'1' ? (byte)('0' + (i % 10)) : b)).Take(size)]);
            var noise = new byte[size];
            random.NextBytes(noise);
            texts.Add(noise);
        }

        using var deflater = new DeflatePieces(runtime);
        Assert.Equal(runtime, deflater.OnRuntimeZLib);
        var pieces = new List<byte[]>();
        foreach (var text in texts)
        {
            var output = new ArrayBufferWriter<byte>();
            deflater.Compress(text, output);
            pieces.Add(output.WrittenSpan.ToArray());
            Assert.Equal(text.Length == 0, output.WrittenCount == 0);
            var decoded = new ArrayBufferWriter<byte>();
            InflatePieces.ForThread.Decompress(output.WrittenSpan, text.Length, decoded);
            Assert.Equal(text, decoded.WrittenSpan.ToArray());
        }

        var order = Enumerable.Range(0, texts.Count).OrderBy(_ => random.Next()).ToList();
        Assert.Equal(order.SelectMany(i => texts[i]).ToArray(), DotnetInflate([.. order.SelectMany(i => pieces[i])]));
    }

    private static byte[] DotnetInflate(byte[] piece)
    {
        // A piece ends in a full flush, not a final block: add one so the stream is complete (RFC 1951 §3.2.3).
        using var input = new MemoryStream([.. piece, 0x03, 0x00]);
        using var inflater = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflater.CopyTo(output);
        return output.ToArray();
    }
}

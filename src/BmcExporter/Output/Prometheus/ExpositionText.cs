using System.Buffers;
using System.Globalization;
using System.Text;

namespace BmcExporter.Output.Prometheus;

/// <summary>
/// Byte-level pieces of the text formats (Prometheus 0.0.4 and OpenMetrics 1.0.0 share the sample syntax):
/// escaped label values, numbers as Prometheus parses them, and each family's HELP/TYPE header.
/// </summary>
internal static class ExpositionText
{
    private static readonly byte[][] TextHeaders = MetricNames.All.Select(f => Encode(Header(f, ExpositionFormat.Text))).ToArray();
    private static readonly byte[][] OpenMetricsHeaders = MetricNames.All.Select(f => Encode(Header(f, ExpositionFormat.OpenMetrics))).ToArray();

    /// <summary>The HELP and TYPE lines of <paramref name="family"/> in <paramref name="format"/>, UTF-8.</summary>
    public static ReadOnlyMemory<byte> HeaderMemory(Family family, ExpositionFormat format) =>
        format == ExpositionFormat.OpenMetrics ? OpenMetricsHeaders[family.Index] : TextHeaders[family.Index];

    /// <summary>The HELP and TYPE lines as text.</summary>
    public static string Header(Family family, ExpositionFormat format)
    {
        var name = format == ExpositionFormat.OpenMetrics ? family.OpenMetricsName : family.Name;
        var type = family.Type == MetricType.Counter ? "counter" : "gauge";
        return $"# HELP {name} {EscapeHelp(family.Help)}\n# TYPE {name} {type}\n";
    }

    /// <summary>Writes ASCII/UTF-8 text verbatim.</summary>
    public static void Write(IBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    /// <summary>Writes a label value with <c>\</c>, <c>"</c> and newline escaped (the only escapes both formats define).</summary>
    public static void WriteLabelValue(IBufferWriter<byte> output, string value)
    {
        if (value.AsSpan().IndexOfAny('\\', '"', '\n') < 0)
        {
            Write(output, value);
            return;
        }

        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            escaped.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                _ => c.ToString(),
            });
        }

        Write(output, escaped.ToString());
    }

    /// <summary>Writes a sample value: shortest round-trip form, <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>.</summary>
    public static void WriteValue(IBufferWriter<byte> output, double value)
    {
        if (double.IsNaN(value))
        {
            WriteAscii(output, "NaN"u8);
        }
        else if (double.IsPositiveInfinity(value))
        {
            WriteAscii(output, "+Inf"u8);
        }
        else if (double.IsNegativeInfinity(value))
        {
            WriteAscii(output, "-Inf"u8);
        }
        else
        {
            var span = output.GetSpan(32);
            int written;
            // Most readings and counters are whole numbers: format those as integers, the rest shortest round-trip.
            var ok = value == Math.Floor(value) && Math.Abs(value) < 1e15
                ? ((long)value).TryFormat(span, out written, default, CultureInfo.InvariantCulture)
                : value.TryFormat(span, out written, default, CultureInfo.InvariantCulture);
            if (!ok)
            {
                throw new InvalidOperationException("a number did not fit 32 bytes");
            }

            output.Advance(written);
        }
    }

    /// <summary>Writes bytes verbatim.</summary>
    public static void WriteAscii(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes) => output.Write(bytes);

    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static byte[] Encode(string s) => Encoding.UTF8.GetBytes(s);
}

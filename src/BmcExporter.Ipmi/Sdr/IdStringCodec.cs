using System.Text;

namespace BmcExporter.Ipmi.Sdr;

/// <summary>
/// Decodes and encodes the string encodings of a type/length byte (IPMI v2.0 §43.15, Platform Management FRU
/// Information Storage Definition §13; protocol reference §4.7). The length is a byte count.
/// </summary>
public static class IdStringCodec
{
    private const string BcdPlusAlphabet = "0123456789 -.:,_";

    /// <summary>
    /// Decodes <paramref name="bytes"/> in the given encoding and strips trailing NULs. Trailing spaces of 8-bit
    /// strings are kept:
    /// they are part of the ID string as the BMC stores it, and FreeIPMI and ipmi_exporter keep them in the
    /// <c>name</c> label ("12V "), so series stay identical for users switching over.
    /// </summary>
    public static string Decode(IdStringEncoding encoding, ReadOnlySpan<byte> bytes)
    {
        return encoding switch
        {
            // Packed encodings pad the last byte with a space code (BCD+ nibble 0xA, 6-bit value 0): an artefact.
            IdStringEncoding.BcdPlus => DecodeBcdPlus(bytes).TrimEnd(' '),
            IdStringEncoding.Packed6BitAscii => DecodePacked6Bit(bytes).TrimEnd(' '),
            _ => DecodeLatin1(bytes).TrimEnd('\0'),
        };
    }

    /// <summary>The number of bytes <see cref="Encode"/> produces for <paramref name="text"/>.</summary>
    public static int GetByteCount(IdStringEncoding encoding, string text) => encoding switch
    {
        IdStringEncoding.BcdPlus => (text.Length + 1) / 2,
        IdStringEncoding.Packed6BitAscii => ((text.Length * 6) + 7) / 8,
        _ => text.Length,
    };

    /// <summary>Encodes <paramref name="text"/>; characters the encoding cannot carry raise <see cref="ArgumentException"/>.</summary>
    public static byte[] Encode(IdStringEncoding encoding, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return encoding switch
        {
            IdStringEncoding.BcdPlus => EncodeBcdPlus(text),
            IdStringEncoding.Packed6BitAscii => EncodePacked6Bit(text),
            _ => EncodeLatin1(text),
        };
    }

    private static string DecodeLatin1(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return Encoding.Latin1.GetString(end >= 0 ? bytes[..end] : bytes);
    }

    // BCD plus: high nibble first (FRU spec §13.1).
    private static string DecodeBcdPlus(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            sb.Append(BcdPlusAlphabet[b >> 4]);
            sb.Append(BcdPlusAlphabet[b & 0x0F]);
        }

        return sb.ToString();
    }

    // 6-bit packed ASCII: value v is character 0x20 + v, first character in the low bits (IPMI v2.0 §43.15).
    private static string DecodePacked6Bit(ReadOnlySpan<byte> bytes)
    {
        var count = bytes.Length * 8 / 6;
        var sb = new StringBuilder(count);
        for (var i = 0; i < count; i++)
        {
            var bit = i * 6;
            var value = bytes[bit / 8] >> (bit % 8);
            if ((bit % 8) > 2 && (bit / 8) + 1 < bytes.Length)
            {
                value |= bytes[(bit / 8) + 1] << (8 - (bit % 8));
            }

            sb.Append((char)(0x20 + (value & 0x3F)));
        }

        return sb.ToString();
    }

    private static byte[] EncodeLatin1(string text)
    {
        foreach (var c in text)
        {
            if (c > 0xFF)
            {
                throw new ArgumentException($"Character U+{(int)c:X4} cannot be encoded as Latin-1.", nameof(text));
            }
        }

        return Encoding.Latin1.GetBytes(text);
    }

    private static byte[] EncodeBcdPlus(string text)
    {
        var result = new byte[(text.Length + 1) / 2];
        for (var i = 0; i < text.Length; i++)
        {
            var nibble = BcdPlusAlphabet.IndexOf(text[i], StringComparison.Ordinal);
            if (nibble < 0)
            {
                throw new ArgumentException($"Character '{text[i]}' cannot be encoded as BCD plus.", nameof(text));
            }

            result[i / 2] |= (byte)(i % 2 == 0 ? nibble << 4 : nibble);
        }

        if (text.Length % 2 == 1)
        {
            // Pad the unused low nibble with a space.
            result[^1] |= 0x0A;
        }

        return result;
    }

    private static byte[] EncodePacked6Bit(string text)
    {
        var result = new byte[((text.Length * 6) + 7) / 8];
        for (var i = 0; i < text.Length; i++)
        {
            var c = char.ToUpperInvariant(text[i]);
            if (c < 0x20 || c > 0x5F)
            {
                throw new ArgumentException($"Character '{text[i]}' cannot be encoded as 6-bit ASCII.", nameof(text));
            }

            var value = (c - 0x20) & 0x3F;
            var bit = i * 6;
            result[bit / 8] |= (byte)(value << (bit % 8));
            if ((bit % 8) > 2)
            {
                result[(bit / 8) + 1] |= (byte)(value >> (8 - (bit % 8)));
            }
        }

        return result;
    }
}

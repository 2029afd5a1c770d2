namespace BmcExporter.Ipmi.Commands;

/// <summary>
/// Get System Info Parameters, App 0x59 (IPMI v2.0 §22.14a, table 22-16a): string parameters such as the
/// System Firmware Version (parameter 1) come in 16-byte blocks selected by set selector. Block 0 starts with the
/// encoding and the string length, so it carries 14 string bytes.
/// </summary>
public static class GetSystemInfoParameters
{
    public const NetFn NetFunction = NetFn.App;
    public const byte Command = 0x59;

    /// <summary>Parameter 1: System Firmware Version.</summary>
    public const byte SystemFirmwareVersion = 1;

    /// <summary>Completion code 80h for this command: parameter not supported.</summary>
    public const byte ParameterNotSupported = 0x80;

    /// <summary>The most set selectors a 255-byte string needs (14 + 16 × 15 ≥ 255).</summary>
    public const int MaxSetSelectors = 17;

    public static IpmiRequest CreateRequest(byte parameter, byte setSelector) =>
        new(NetFunction, Command, new byte[] { 0x00, parameter, setSelector, 0x00 });

    /// <summary>Decodes the request (simulator side): parameter and set selector.</summary>
    public static (bool RevisionOnly, byte Parameter, byte SetSelector) DecodeRequest(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var flags = r.ReadByte("get parameter / revision only");
        var parameter = r.ReadByte("parameter selector");
        var set = r.ReadByte("set selector");
        r.ReadByte("block selector");
        return ((flags & 0x80) != 0, parameter, set);
    }

    /// <summary>
    /// Decodes one block of a string parameter: its string bytes, and for block 0 the declared string length
    /// (<c>null</c> when the BMC sent no length byte, which FreeIPMI treats as an empty string).
    /// </summary>
    public static SystemInfoBlock DecodeStringBlock(ReadOnlySpan<byte> data, byte setSelector)
    {
        var r = new SpanReader(data);
        r.ReadByte("parameter revision");
        if (r.Remaining == 0)
        {
            return new SystemInfoBlock(null, []);
        }

        r.ReadByte("set selector");
        if (setSelector != 0)
        {
            return new SystemInfoBlock(null, r.RemainingSpan.ToArray());
        }

        if (r.Remaining < 2)
        {
            return new SystemInfoBlock(null, []);
        }

        r.ReadByte("string encoding");
        var length = r.ReadByte("string length");
        return new SystemInfoBlock(length, r.RemainingSpan.ToArray());
    }

    /// <summary>Encodes the blocks of an ASCII string parameter (simulator side).</summary>
    public static byte[] EncodeStringBlock(ReadOnlySpan<byte> text, byte setSelector)
    {
        const byte Revision = 0x11;
        if (setSelector == 0)
        {
            var first = new byte[4 + 14];
            first[0] = Revision;
            first[1] = 0;
            first[2] = 0; // encoding: ASCII+Latin1
            first[3] = (byte)Math.Min(text.Length, 255);
            text[..Math.Min(text.Length, 14)].CopyTo(first.AsSpan(4));
            return first;
        }

        var block = new byte[2 + 16];
        block[0] = Revision;
        block[1] = setSelector;
        var start = 14 + ((setSelector - 1) * 16);
        if (start < text.Length)
        {
            text[start..Math.Min(text.Length, start + 16)].CopyTo(block.AsSpan(2));
        }

        return block;
    }
}

/// <summary>One block of a string system info parameter.</summary>
/// <param name="DeclaredLength">The string length from block 0; <c>null</c> for other blocks or when absent.</param>
/// <param name="Bytes">The block's string bytes (padding included).</param>
public readonly record struct SystemInfoBlock(byte? DeclaredLength, byte[] Bytes);

namespace BmcExporter.Ipmi.Sdr;

/// <summary>Encodings of a type/length-prefixed string, bits 7:6 of the type/length byte (IPMI v2.0 §43.15).</summary>
public enum IdStringEncoding : byte
{
    /// <summary>Unicode per the spec; in practice bytes, decoded as Latin-1.</summary>
    Unicode = 0,

    /// <summary>BCD plus: digits, space, dash, period, colon, comma, underscore.</summary>
    BcdPlus = 1,

    /// <summary>6-bit packed ASCII, four characters per three bytes.</summary>
    Packed6BitAscii = 2,

    /// <summary>8-bit ASCII + Latin-1, what virtually every BMC uses.</summary>
    Latin1 = 3,
}

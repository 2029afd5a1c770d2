namespace BmcExporter.Ipmi.Sdr;

/// <summary>
/// The conversion factors packed in full SDR bytes 25-30 and in the Get Sensor Reading Factors response
/// (IPMI v2.0 §43.1, §35.5): 10-bit signed M and B, tolerance, 10-bit accuracy with its exponent, sensor
/// direction, and the 4-bit signed result (R) and B exponents.
/// </summary>
public readonly record struct ReadingFactors(
    short M,
    short B,
    sbyte ResultExponent,
    sbyte BExponent,
    byte Tolerance = 0,
    ushort Accuracy = 0,
    byte AccuracyExponent = 0,
    byte SensorDirection = 0)
{
    /// <summary>Encoded size in bytes.</summary>
    public const int Size = 6;

    public static ReadingFactors Identity => new(1, 0, 0, 0);

    public static ReadingFactors Decode(ReadOnlySpan<byte> data)
    {
        var reader = new SpanReader(data);
        var b0 = reader.ReadByte("M low");
        var b1 = reader.ReadByte("M high / tolerance");
        var b2 = reader.ReadByte("B low");
        var b3 = reader.ReadByte("B high / accuracy low");
        var b4 = reader.ReadByte("accuracy high / exponent / direction");
        var b5 = reader.ReadByte("R and B exponents");
        var m = SignExtend(b0 | ((b1 & 0xC0) << 2), 10);
        var b = SignExtend(b2 | ((b3 & 0xC0) << 2), 10);
        var accuracy = (ushort)((b3 & 0x3F) | ((b4 & 0xF0) << 2));
        return new ReadingFactors(
            (short)m,
            (short)b,
            (sbyte)SignExtend(b5 >> 4, 4),
            (sbyte)SignExtend(b5 & 0x0F, 4),
            (byte)(b1 & 0x3F),
            accuracy,
            (byte)((b4 >> 2) & 0x03),
            (byte)(b4 & 0x03));
    }

    public void Write(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException("Destination too small for reading factors.", nameof(destination));
        }

        if (M is < -512 or > 511 || B is < -512 or > 511 || ResultExponent is < -8 or > 7 || BExponent is < -8 or > 7)
        {
            throw new InvalidOperationException("Reading factors out of range: M and B are 10-bit, exponents 4-bit signed.");
        }

        var m = M & 0x3FF;
        var b = B & 0x3FF;
        destination[0] = (byte)m;
        destination[1] = (byte)(((m >> 2) & 0xC0) | (Tolerance & 0x3F));
        destination[2] = (byte)b;
        destination[3] = (byte)(((b >> 2) & 0xC0) | (Accuracy & 0x3F));
        destination[4] = (byte)(((Accuracy >> 2) & 0xF0) | ((AccuracyExponent & 0x03) << 2) | (SensorDirection & 0x03));
        destination[5] = (byte)(((ResultExponent & 0x0F) << 4) | (BExponent & 0x0F));
    }

    public byte[] ToArray()
    {
        var result = new byte[Size];
        Write(result);
        return result;
    }

    internal static int SignExtend(int value, int bits)
    {
        var sign = 1 << (bits - 1);
        return (value & sign) != 0 ? value - (1 << bits) : value;
    }
}

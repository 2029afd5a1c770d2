namespace BmcExporter.Ipmi.Sdr;

/// <summary>
/// Raw reading to value and back: y = L[(M·x + B·10^Bexp)·10^Rexp] (IPMI v2.0 §36.3; protocol reference §4.8).
/// Negative exponents divide by an exact power of ten so that e.g. 6·200·10^-2 gives exactly 12.
/// </summary>
public static class SensorConversion
{
    /// <summary>Converts a raw byte; null when the format has no numeric value or L is undefined for the input.</summary>
    public static double? ToValue(byte raw, AnalogDataFormat format, ReadingFactors factors, byte linearization)
    {
        if (!TryInterpretRaw(raw, format, out var x))
        {
            return null;
        }

        var inner = (factors.M * x) + Scale(factors.B, factors.BExponent);
        return Linearize(Scale(inner, factors.ResultExponent), linearization);
    }

    /// <summary>Converts a hysteresis or other raw count: y = L[M·h·10^Rexp] (no B term, unsigned count).</summary>
    public static double? HysteresisToValue(byte raw, ReadingFactors factors, byte linearization)
        => Linearize(Scale(factors.M * (double)raw, factors.ResultExponent), linearization);

    /// <summary>Tolerance in units: y = L[M·t/2·10^Rexp].</summary>
    public static double? ToleranceToValue(ReadingFactors factors, byte linearization)
        => Linearize(Scale(factors.M * factors.Tolerance / 2.0, factors.ResultExponent), linearization);

    /// <summary>
    /// The raw byte whose conversion is closest to <paramref name="value"/> (inverse of <see cref="ToValue"/>),
    /// clamped to the range of the data format. Used by the simulator to publish readings.
    /// </summary>
    public static byte ToRaw(double value, AnalogDataFormat format, ReadingFactors factors, byte linearization)
    {
        if (format == AnalogDataFormat.None)
        {
            throw new ArgumentException("A sensor without analog data format has no raw reading.", nameof(format));
        }

        if (factors.M == 0)
        {
            throw new ArgumentException("M = 0 cannot be inverted.", nameof(factors));
        }

        var unlinearized = Unlinearize(value, linearization);
        var x = (Unscale(unlinearized, factors.ResultExponent) - Scale(factors.B, factors.BExponent)) / factors.M;
        var rounded = double.IsFinite(x) ? Math.Round(x, MidpointRounding.AwayFromZero) : 0;
        return format switch
        {
            AnalogDataFormat.TwosComplement => (byte)(sbyte)Math.Clamp(rounded, -128, 127),
            AnalogDataFormat.OnesComplement => EncodeOnesComplement(Math.Clamp(rounded, -127, 127)),
            _ => (byte)Math.Clamp(rounded, 0, 255),
        };
    }

    /// <summary>Interprets a raw byte per the analog data format; false for <see cref="AnalogDataFormat.None"/>.</summary>
    public static bool TryInterpretRaw(byte raw, AnalogDataFormat format, out double x)
    {
        switch (format)
        {
            case AnalogDataFormat.Unsigned:
                x = raw;
                return true;
            case AnalogDataFormat.OnesComplement:
                // 0xFF is -0, 0xFE is -1.
                x = (raw & 0x80) != 0 ? raw - 255 : raw;
                return true;
            case AnalogDataFormat.TwosComplement:
                x = (sbyte)raw;
                return true;
            default:
                x = 0;
                return false;
        }
    }

    /// <summary>Applies linearization L (IPMI v2.0 §36.3 table 36-2); 0x70-0x7F and unknown codes are identity/undefined.</summary>
    public static double? Linearize(double v, byte linearization)
    {
        var code = linearization & 0x7F;
        double y = code switch
        {
            0x00 => v,
            0x01 => Math.Log(v),
            0x02 => Math.Log10(v),
            0x03 => Math.Log2(v),
            0x04 => Math.Exp(v),
            0x05 => Math.Pow(10, v),
            0x06 => Math.Pow(2, v),
            0x07 => v == 0 ? double.NaN : 1.0 / v,
            0x08 => v * v,
            0x09 => v * v * v,
            0x0A => Math.Sqrt(v),
            0x0B => Math.Cbrt(v),
            >= 0x70 => v,
            _ => double.NaN,
        };
        return double.IsFinite(y) ? y : null;
    }

    /// <summary>True for the non-linear codes 0x70-0x7F whose factors come from Get Sensor Reading Factors.</summary>
    public static bool IsNonLinear(byte linearization) => (linearization & 0x7F) >= 0x70;

    private static double Unlinearize(double y, byte linearization) => (linearization & 0x7F) switch
    {
        0x01 => Math.Exp(y),
        0x02 => Math.Pow(10, y),
        0x03 => Math.Pow(2, y),
        0x04 => Math.Log(y),
        0x05 => Math.Log10(y),
        0x06 => Math.Log2(y),
        0x07 => y == 0 ? double.NaN : 1.0 / y,
        0x08 => Math.Sqrt(y),
        0x09 => Math.Cbrt(y),
        0x0A => y * y,
        0x0B => y * y * y,
        _ => y,
    };

    private static double Scale(double value, int exponent) => exponent >= 0
        ? value * Pow10(exponent)
        : value / Pow10(-exponent);

    private static double Unscale(double value, int exponent) => exponent >= 0
        ? value / Pow10(exponent)
        : value * Pow10(-exponent);

    private static double Pow10(int exponent)
    {
        double result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static byte EncodeOnesComplement(double x) => x < 0 ? (byte)(255 + (int)x) : (byte)x;
}

using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Tests.Sdr;

public sealed class SensorConversionTests
{
    // Protocol reference §4.8 table (verified against libfreeipmi): Rexp, Bexp, M, B, L, format, raw, y.
    [Theory]
    [InlineData(0, 0, 1, 0, 0x00, AnalogDataFormat.Unsigned, 45, 45.0)]
    [InlineData(0, 0, 50, 0, 0x00, AnalogDataFormat.Unsigned, 60, 3000.0)]
    [InlineData(-2, 0, 6, 0, 0x00, AnalogDataFormat.Unsigned, 200, 12.0)]
    [InlineData(-1, 1, 1, -5, 0x00, AnalogDataFormat.Unsigned, 100, 5.0)]
    [InlineData(0, 0, 1, 0, 0x00, AnalogDataFormat.TwosComplement, 0xF6, -10.0)]
    [InlineData(0, 0, 1, 0, 0x00, AnalogDataFormat.OnesComplement, 0xFE, -1.0)]
    [InlineData(0, 0, 1, 0, 0x00, AnalogDataFormat.OnesComplement, 0xFF, 0.0)]
    [InlineData(-3, 0, 2, 0, 0x07, AnalogDataFormat.Unsigned, 100, 5.0)]
    [InlineData(0, 0, 1, 0, 0x0A, AnalogDataFormat.Unsigned, 144, 12.0)]
    [InlineData(-2, 0, 1, 0, 0x02, AnalogDataFormat.Unsigned, 200, 0.30103)]
    public void ToValue_ProtocolReferenceTable_Matches(int rexp, int bexp, int m, int b, byte linearization, AnalogDataFormat format, byte raw, double expected)
    {
        var factors = new ReadingFactors((short)m, (short)b, (sbyte)rexp, (sbyte)bexp);

        var value = SensorConversion.ToValue(raw, format, factors, linearization);

        Assert.NotNull(value);
        Assert.Equal(expected, value!.Value, 5);
    }

    // Every linearization function on v = M*x*10^R with M = 1, R = -1, raw 20 => v = 2.
    [Theory]
    [InlineData(0x00, 2.0)]
    [InlineData(0x01, 0.6931471805599453)]
    [InlineData(0x02, 0.3010299956639812)]
    [InlineData(0x03, 1.0)]
    [InlineData(0x04, 7.38905609893065)]
    [InlineData(0x05, 100.0)]
    [InlineData(0x06, 4.0)]
    [InlineData(0x07, 0.5)]
    [InlineData(0x08, 4.0)]
    [InlineData(0x09, 8.0)]
    [InlineData(0x0A, 1.4142135623730951)]
    [InlineData(0x0B, 1.2599210498948732)]
    [InlineData(0x70, 2.0)]
    [InlineData(0x7F, 2.0)]
    public void ToValue_EveryLinearization_AppliesFunction(byte linearization, double expected)
    {
        var factors = new ReadingFactors(1, 0, -1, 0);

        var value = SensorConversion.ToValue(20, AnalogDataFormat.Unsigned, factors, linearization);

        Assert.Equal(expected, value!.Value, 10);
    }

    [Theory]
    [InlineData(0x0C)]
    [InlineData(0x6F)]
    public void ToValue_ReservedLinearization_ReturnsNull(byte linearization)
    {
        Assert.Null(SensorConversion.ToValue(20, AnalogDataFormat.Unsigned, ReadingFactors.Identity, linearization));
    }

    [Fact]
    public void ToValue_NoAnalogFormat_ReturnsNull()
    {
        Assert.Null(SensorConversion.ToValue(20, AnalogDataFormat.None, ReadingFactors.Identity, 0));
    }

    [Fact]
    public void ToValue_InverseOfZero_ReturnsNull()
    {
        Assert.Null(SensorConversion.ToValue(0, AnalogDataFormat.Unsigned, ReadingFactors.Identity, 0x07));
    }

    [Theory]
    [InlineData(AnalogDataFormat.Unsigned, 0x00, 1, 0, 0, 0)]
    [InlineData(AnalogDataFormat.Unsigned, 0x00, 6, 0, -2, 0)]
    [InlineData(AnalogDataFormat.TwosComplement, 0x00, 1, 0, 0, 0)]
    [InlineData(AnalogDataFormat.OnesComplement, 0x00, 1, 0, 0, 0)]
    [InlineData(AnalogDataFormat.Unsigned, 0x07, 2, 0, -3, 0)]
    [InlineData(AnalogDataFormat.Unsigned, 0x0A, 1, 0, 0, 0)]
    [InlineData(AnalogDataFormat.Unsigned, 0x08, 1, 0, -1, 0)]
    [InlineData(AnalogDataFormat.TwosComplement, 0x00, -3, 100, -1, 1)]
    public void ToRaw_EveryRawByte_InvertsToValue(AnalogDataFormat format, byte linearization, int m, int b, int rexp, int bexp)
    {
        var factors = new ReadingFactors((short)m, (short)b, (sbyte)rexp, (sbyte)bexp);
        for (var raw = 1; raw < 255; raw++)
        {
            var value = SensorConversion.ToValue((byte)raw, format, factors, linearization);
            if (value is null)
            {
                continue;
            }

            var back = SensorConversion.ToRaw(value.Value, format, factors, linearization);

            Assert.Equal(
                SensorConversion.ToValue((byte)raw, format, factors, linearization)!.Value,
                SensorConversion.ToValue(back, format, factors, linearization)!.Value,
                9);
        }
    }

    [Fact]
    public void ToRaw_OutOfRange_Clamps()
    {
        Assert.Equal(255, SensorConversion.ToRaw(1e9, AnalogDataFormat.Unsigned, ReadingFactors.Identity, 0));
        Assert.Equal(0, SensorConversion.ToRaw(-5, AnalogDataFormat.Unsigned, ReadingFactors.Identity, 0));
        Assert.Equal(0x80, SensorConversion.ToRaw(-1000, AnalogDataFormat.TwosComplement, ReadingFactors.Identity, 0));
    }

    [Fact]
    public void HysteresisAndTolerance_UseMAndResultExponentOnly()
    {
        var factors = new ReadingFactors(6, 100, -2, 0, Tolerance: 4);

        Assert.Equal(0.12, SensorConversion.HysteresisToValue(2, factors, 0)!.Value, 10);
        Assert.Equal(0.12, SensorConversion.ToleranceToValue(factors, 0)!.Value, 10);
    }

    [Fact]
    public void ReadingFactors_TenBitSignedAndExponents_RoundTrip()
    {
        var factors = new ReadingFactors(-512, 511, -8, 7, 63, 1023, 3, 2);

        var decoded = ReadingFactors.Decode(factors.ToArray());

        Assert.Equal(factors, decoded);
    }

    [Fact]
    public void ReadingFactors_Truncated_ThrowsProtocolException()
    {
        Assert.Throws<IpmiProtocolException>(() => ReadingFactors.Decode(new byte[5]));
    }

    [Fact]
    public void ConvertThresholds_InverseLinearization_SwapsUpperAndLower()
    {
        // Fan period sensor: 1/x with M = 1, R = 0; raw 10 => 0.1, raw 50 => 0.02.
        var record = new FullSensorRecord
        {
            EventReadingType = 0x01,
            Linearization = 0x07,
            ReadingMask = 0x3F3F,
            Units = SensorUnits.Create(22),
        };
        var raw = new RawThresholds(LowerNonCritical: 0, LowerCritical: 0, LowerNonRecoverable: 0, UpperNonCritical: 10, UpperCritical: 20, UpperNonRecoverable: 50);

        var t = record.ConvertThresholds(raw, ThresholdMask.UpperNonCritical | ThresholdMask.UpperCritical | ThresholdMask.UpperNonRecoverable);

        Assert.Equal(0.02, t.LowerNonRecoverable!.Value, 10);
        Assert.Equal(0.05, t.LowerCritical!.Value, 10);
        Assert.Equal(0.1, t.LowerNonCritical!.Value, 10);
        Assert.Null(t.UpperCritical);
    }
}

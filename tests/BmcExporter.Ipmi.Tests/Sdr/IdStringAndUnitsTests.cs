using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Tests.Sdr;

public sealed class IdStringAndUnitsTests
{
    [Fact]
    public void Decode_SixBitPacked_SpecLayout()
    {
        // "IPMI": I=0x29, P=0x30, M=0x2D, I=0x29 as 6-bit values packed low bits first.
        byte[] packed = [0x29 | (0x30 << 6 & 0xFF), (0x30 >> 2) | (0x2D << 4 & 0xFF), (0x2D >> 4) | (0x29 << 2)];

        Assert.Equal("IPMI", IdStringCodec.Decode(IdStringEncoding.Packed6BitAscii, packed));
        Assert.Equal(packed, IdStringCodec.Encode(IdStringEncoding.Packed6BitAscii, "IPMI"));
    }

    [Fact]
    public void Decode_BcdPlus_DigitsAndPunctuation()
    {
        byte[] bcd = [0x12, 0xC3, 0x4B, 0x5A];

        Assert.Equal("12.34-5", IdStringCodec.Decode(IdStringEncoding.BcdPlus, bcd));
        Assert.Equal("12.34-5", IdStringCodec.Decode(IdStringEncoding.BcdPlus, IdStringCodec.Encode(IdStringEncoding.BcdPlus, "12.34-5")));
    }

    [Fact]
    public void Decode_Latin1_StopsAtNulAndKeepsSpaces()
    {
        // FreeIPMI and ipmi_exporter keep an ID string's trailing spaces in the name label ("12V ").
        byte[] bytes = [0x41, 0x42, 0x20, 0x20, 0x00, 0x43];

        Assert.Equal("AB  ", IdStringCodec.Decode(IdStringEncoding.Latin1, bytes));
    }

    [Theory]
    [InlineData(0x00, 1, 0, "degrees C")]
    [InlineData(0x00, 18, 0, "RPM")]
    [InlineData(0x00, 4, 0, "Volts")]
    [InlineData(0x00, 5, 0, "Amps")]
    [InlineData(0x00, 6, 0, "Watts")]
    [InlineData(0x01, 0, 0, "percent")]
    [InlineData(0x01, 6, 0, "% Watts")]
    [InlineData(0x02, 4, 22, "Volts/second")]
    [InlineData(0x04, 6, 24, "Watts * hour")]
    [InlineData(0x00, 200, 0, "unknown")]
    public void ToString_IpmitoolSpelling(byte units1, byte baseUnit, byte modifier, string expected)
    {
        Assert.Equal(expected, new SensorUnits(units1, baseUnit, modifier).ToString());
    }

    [Fact]
    public void Description_IncludesRateUnit()
    {
        var units = SensorUnits.Create(7, rate: RateUnit.PerSecond);

        Assert.Equal("Joules per second", units.Description);
        Assert.Equal(RateUnit.PerSecond, units.Rate);
    }
}

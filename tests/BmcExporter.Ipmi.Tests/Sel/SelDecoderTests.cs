using BmcExporter.Ipmi.Sel;

namespace BmcExporter.Ipmi.Tests.Sel;

public sealed class SelDecoderTests
{
    // ipmi-protocol.md §6.5: sel_add 0x20 0x02 0 0 0 0 0x20 0x00 0x04 0x01 0x01 0x01 0x59 0x5a 0x50
    // (temperature sensor 1, assertion, threshold class, UCR going high, reading 0x5A, threshold 0x50).
    private static readonly byte[] UcrEvent = [0x05, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x20, 0x00, 0x04, 0x01, 0x01, 0x01, 0x59, 0x5A, 0x50];

    [Fact]
    public void Decode_ThresholdEvent_AllFields()
    {
        var e = Assert.IsType<SystemEventRecord>(SelDecoder.Decode(UcrEvent));

        Assert.Equal(5, e.RecordId);
        Assert.True(e.Timestamp.IsRelative);
        Assert.Null(e.Timestamp.ToDateTimeOffset());
        Assert.Equal(0x20, e.GeneratorAddress);
        Assert.False(e.GeneratorIsSoftware);
        Assert.Equal(0x04, e.EvmRevision);
        Assert.Equal("Temperature", e.SensorTypeName);
        Assert.Equal(1, e.SensorNumber);
        Assert.False(e.IsDeassertion);
        Assert.Equal("Asserted", e.DirectionName);
        Assert.Equal(0x01, e.EventReadingType);
        Assert.Equal(9, e.Offset);
        Assert.Equal("Upper Critical going high", e.Description);
        Assert.Equal((byte)0x5A, e.TriggerReading);
        Assert.Equal((byte)0x50, e.TriggerThreshold);
        Assert.Equal(UcrEvent, SelEncoder.Encode(e));
    }

    [Fact]
    public void Decode_DiscreteDeassertionWithAbsoluteTime_DescriptionAndDate()
    {
        var record = new SystemEventRecord
        {
            RecordId = 0x0102,
            Timestamp = new SelTimestamp(1_700_000_000),
            GeneratorAddress = 0x41,
            GeneratorChannelLun = 0x23,
            SensorType = 0x08,
            SensorNumber = 4,
            IsDeassertion = true,
            EventReadingType = 0x6F,
            EventData1 = 0x01,
        };

        var decoded = Assert.IsType<SystemEventRecord>(SelDecoder.Decode(SelEncoder.Encode(record)));

        Assert.Equal(record, decoded);
        Assert.Equal("Failure detected", decoded.Description);
        Assert.True(decoded.GeneratorIsSoftware);
        Assert.Equal(2, decoded.GeneratorChannel);
        Assert.Equal(3, decoded.GeneratorLun);
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero), decoded.Timestamp.ToDateTimeOffset());
        Assert.Null(decoded.TriggerReading);
    }

    [Theory]
    [InlineData(0xC0, true)]
    [InlineData(0xDF, true)]
    [InlineData(0xE0, false)]
    [InlineData(0xFF, false)]
    public void Decode_OemRecords_KeptRaw(byte type, bool timestamped)
    {
        var data = SelEncoder.OemTimestampedData(0x5F5E1000, 0x0002A2, [1, 2, 3, 4, 5, 6]);
        byte[] bytes = [0x10, 0x00, type, .. data];

        var raw = Assert.IsType<RawSelRecord>(SelDecoder.Decode(bytes));

        Assert.Equal(timestamped, raw.IsOemTimestamped);
        Assert.Equal(!timestamped, raw.IsOemNonTimestamped);
        Assert.Equal(timestamped ? 0x5F5E1000u : null, raw.Timestamp?.Raw);
        Assert.Equal(timestamped ? 0x2A2u : null, raw.ManufacturerId);
        Assert.Equal(bytes, SelEncoder.Encode(raw));
    }

    [Fact]
    public void Decode_TruncatedAtEveryLength_ThrowsProtocolException()
    {
        for (var length = 0; length < UcrEvent.Length; length++)
        {
            var prefix = UcrEvent.AsSpan(0, length).ToArray();
            Assert.Throws<IpmiProtocolException>(() => SelDecoder.Decode(prefix));
        }
    }

    [Theory]
    [InlineData(0xFFFFFFFFu, "unspecified")]
    [InlineData(0x00000010u, "+16s after initialization")]
    [InlineData(0x20000000u, "+536870912s after initialization")]
    [InlineData(0x20000001u, "1987-01-05 18:48:33")]
    public void SelTimestamp_RelativeVersusAbsolute(uint raw, string expected)
    {
        Assert.Equal(expected, new SelTimestamp(raw).ToString());
    }
}

using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Tests.Sdr;

public sealed class SdrSensorsTests
{
    [Fact]
    public void Expand_NumericSharing_NamesNumbersAndInstances()
    {
        var dimms = new CompactSensorRecord
        {
            RecordId = 5,
            SensorNumber = 0x30,
            EntityId = 0x20,
            EntityInstance = 1,
            SensorType = 0x0C,
            EventReadingType = 0x6F,
            Sharing = new RecordSharing(4, IdStringModifierType.Numeric, 1, EntityInstanceIncrements: true),
            IdString = "DIMM",
        };

        var sensors = SdrSensors.Expand([SdrDecoder.Decode(SdrEncoder.Encode(dimms))]);

        Assert.Equal(["DIMM 1", "DIMM 2", "DIMM 3", "DIMM 4"], sensors.Select(s => s.Name));
        Assert.Equal([0x30, 0x31, 0x32, 0x33], sensors.Select(s => (int)s.SensorNumber));
        Assert.Equal([1, 2, 3, 4], sensors.Select(s => (int)s.EntityInstance));
        Assert.All(sensors, s => Assert.Equal(5, s.RecordId));
    }

    [Fact]
    public void Expand_AlphaSharingWithoutInstanceIncrement_LettersAndSameInstance()
    {
        var record = new CompactSensorRecord
        {
            SensorNumber = 0x50,
            EntityInstance = 3,
            Sharing = new RecordSharing(3, IdStringModifierType.Alpha, 0),
            IdString = "Drive",
        };

        var sensors = SdrSensors.Expand([record]);

        Assert.Equal(["Drive A", "Drive B", "Drive C"], sensors.Select(s => s.Name));
        Assert.All(sensors, s => Assert.Equal(3, s.EntityInstance));
    }

    [Theory]
    [InlineData(IdStringModifierType.Alpha, 0, 0, "A")]
    [InlineData(IdStringModifierType.Alpha, 25, 0, "Z")]
    [InlineData(IdStringModifierType.Alpha, 25, 1, "AA")]
    [InlineData(IdStringModifierType.Alpha, 27, 0, "AB")]
    [InlineData(IdStringModifierType.Numeric, 0, 0, "0")]
    [InlineData(IdStringModifierType.Numeric, 10, 5, "15")]
    public void Modifier_BaseConversion(IdStringModifierType type, int offset, int index, string expected)
    {
        Assert.Equal(expected, SdrSensors.Modifier(type, offset, index));
    }

    [Fact]
    public void Expand_MixedRecords_OnlySensorRecordsInOrder()
    {
        var records = new[]
        {
            SdrDecoder.Decode(SdrVectors.McLocator),
            SdrDecoder.Decode(SdrVectors.CpuTemp),
            new OpaqueSdrRecord { Type = 0xC0, Body = new byte[] { 1, 2, 3 } },
            SdrDecoder.Decode(SdrVectors.Psu1Status),
            new EventOnlyRecord { SensorNumber = 9, IdString = "Event" },
        };

        var sensors = SdrSensors.Expand(records);

        Assert.Equal(["CPU Temp", "PSU1 Status", "Event"], sensors.Select(s => s.Name));
        Assert.True(sensors[2].IsEventOnly);
        Assert.NotNull(sensors[0].Full);
        Assert.Null(sensors[1].Full);
    }
}

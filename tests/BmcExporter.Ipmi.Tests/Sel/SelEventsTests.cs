using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sel;
using BmcExporter.Ipmi.Tests.Sdr;

namespace BmcExporter.Ipmi.Tests.Sel;

public sealed class SelEventsTests
{
    private static readonly IReadOnlyList<SdrSensor> Sensors = SdrSensors.Expand(
    [
        SdrDecoder.Decode(SdrVectors.CpuTemp),
        SdrDecoder.Decode(SdrVectors.Volt12),
        SdrDecoder.Decode(SdrVectors.Psu1Status),
    ]);

    [Fact]
    public void FindSensorAndConvertTriggers_VoltageUpperCritical()
    {
        var e = new SystemEventRecord { SensorType = 0x02, SensorNumber = 3, EventReadingType = 0x01, EventData1 = 0x59, EventData2 = 0xDA, EventData3 = 0xD7 };

        var sensor = SelEvents.FindSensor(e, Sensors);
        var (reading, threshold) = SelEvents.ConvertTriggers(e, sensor?.Full);

        Assert.Equal("12V", sensor!.Name);
        Assert.Equal(13.08, reading!.Value, 10);
        Assert.Equal(12.9, threshold!.Value, 10);
    }

    [Fact]
    public void FindSensor_UnknownNumberOrGenerator_Null()
    {
        Assert.Null(SelEvents.FindSensor(new SystemEventRecord { SensorNumber = 99 }, Sensors));
        Assert.Null(SelEvents.FindSensor(new SystemEventRecord { SensorNumber = 1, GeneratorAddress = 0x41 }, Sensors));
    }

    [Fact]
    public void ConvertTriggers_DiscreteEvent_NoValues()
    {
        var e = new SystemEventRecord { SensorType = 0x08, SensorNumber = 4, EventReadingType = 0x6F, EventData1 = 0x01 };

        Assert.Equal((null, null), SelEvents.ConvertTriggers(e, SelEvents.FindSensor(e, Sensors)?.Full));
    }
}

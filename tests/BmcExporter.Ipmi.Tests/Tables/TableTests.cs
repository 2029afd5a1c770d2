using BmcExporter.Ipmi.Tables;

namespace BmcExporter.Ipmi.Tests.Tables;

public sealed class TableTests
{
    [Theory]
    [InlineData(0x01, "Temperature")]
    [InlineData(0x04, "Fan")]
    [InlineData(0x08, "Power Supply")]
    [InlineData(0x0D, "Drive Slot")]
    [InlineData(0x0B, "Other Units Based Sensor")]
    [InlineData(0x17, "Add In Card")]
    [InlineData(0x11, "Watchdog 1")]
    [InlineData(0x2C, "FRU State")]
    [InlineData(0x00, "Reserved")]
    [InlineData(0xC5, "OEM Reserved")]
    [InlineData(0x50, "Unrecognized")]
    public void SensorTypeNames_Known(byte code, string expected) => Assert.Equal(expected, SensorTypeNames.Name(code));

    [Theory]
    [InlineData(1, "degrees C")]
    [InlineData(4, "Volts")]
    [InlineData(18, "RPM")]
    [InlineData(92, "grams")]
    [InlineData(93, "unknown")]
    public void UnitNames_Known(byte code, string expected) => Assert.Equal(expected, UnitNames.Name(code));

    [Theory]
    [InlineData(0x03, "Processor")]
    [InlineData(0x07, "System Board")]
    [InlineData(0x0A, "Power Supply")]
    [InlineData(0x1D, "Fan Device")]
    [InlineData(0x40, "Air Inlet")]
    [InlineData(0xD5, "OEM")]
    public void EntityNames_Known(byte code, string expected) => Assert.Equal(expected, EntityNames.Name(code));

    [Theory]
    [InlineData(0x01, 0x01, 0, "Lower Non-critical going low")]
    [InlineData(0x01, 0x01, 11, "Upper Non-recoverable going high")]
    [InlineData(0x03, 0x00, 1, "State Asserted")]
    [InlineData(0x07, 0x00, 2, "Transition to Critical from less severe")]
    [InlineData(0x08, 0x00, 1, "Device Present")]
    [InlineData(0x0B, 0x00, 1, "Redundancy Lost")]
    [InlineData(0x6F, 0x05, 0, "General Chassis intrusion")]
    [InlineData(0x6F, 0x08, 1, "Failure detected")]
    [InlineData(0x6F, 0x0C, 1, "Uncorrectable ECC")]
    [InlineData(0x6F, 0x0D, 1, "Drive Fault")]
    [InlineData(0x6F, 0x07, 0x0C, "Correctable machine check error")]
    [InlineData(0x6F, 0x29, 1, "Failed")]
    [InlineData(0x6F, 0x23, 8, "Timer interrupt")]
    [InlineData(0x6F, 0x10, 2, "Log area reset/cleared")]
    [InlineData(0x6F, 0x25, 1, "Absent")]
    public void EventOffsets_Describe(byte eventType, byte sensorType, int offset, string expected)
        => Assert.Equal(expected, EventOffsets.Describe(eventType, sensorType, offset));

    [Theory]
    [InlineData(0x01, 0x01, 12)]
    [InlineData(0x6F, 0x23, 5)]
    [InlineData(0x6F, 0x01, 0)]
    [InlineData(0x70, 0x01, 0)]
    [InlineData(0x6F, 0x08, 16)]
    public void EventOffsets_UnknownCombination_Null(byte eventType, byte sensorType, int offset)
        => Assert.Null(EventOffsets.Describe(eventType, sensorType, offset));
}

using BmcExporter.Cli;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sensors;

namespace BmcExporter.Tests.Cli;

public sealed class ClientOutputTests
{
    [Theory]
    [InlineData(0x00, "none")]
    [InlineData(0x01, "ac-failed")]
    [InlineData(0x10, "command")]
    [InlineData(0x0A, "overload, fault")]
    public void LastPowerEvent_Bits_NamedAsIpmitoolDoes(byte value, string expected)
    {
        Assert.Equal(expected, ClientCommands.LastPowerEvent(value));
    }

    [Fact]
    public void Crossed_FanBelowLowerCritical_NamesTheThreshold()
    {
        var fan = new SensorReading
        {
            RecordId = 1, SensorNumber = 7, Name = "FAN7", Status = SensorStatus.Critical, Value = 400, IsThresholdBased = true,
            Thresholds = new SensorThresholds(300, 600, 900, null, null, null),
        };

        Assert.Equal("at/below lcr 600", ClientCommands.Crossed(fan));
        Assert.Equal("300/600/900/na/na/na", ClientCommands.Thresholds(fan));
    }
}

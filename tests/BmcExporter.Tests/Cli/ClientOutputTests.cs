using BmcExporter.Cli;
using BmcExporter.Ipmi.Commands;
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

    [Theory]
    [InlineData(RestartCause.PowerButton, 0, "power_button")]
    [InlineData(RestartCause.ChassisControl, 1, "chassis_control (channel 1)")]
    [InlineData(RestartCause.Unknown, 0, "unknown")]
    public void RestartCauseText_Cause_NamedWithChannelForCommands(RestartCause cause, byte channel, string expected)
    {
        Assert.Equal(expected, ClientCommands.RestartCauseText(cause, channel));
    }

    [Fact]
    public void RestartCauseRefused_InvalidCommand_SaysNotSupportedWithCode()
    {
        Assert.StartsWith("not supported (completion code 0xC1, ", ClientCommands.RestartCauseRefused(0xC1), StringComparison.Ordinal);
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

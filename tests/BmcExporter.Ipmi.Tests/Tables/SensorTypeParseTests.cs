using System.Diagnostics;
using BmcExporter.Ipmi.Tables;

namespace BmcExporter.Ipmi.Tests.Tables;

/// <summary><see cref="SensorTypeNames.TryParse"/> takes what FreeIPMI's --sensor-types takes.</summary>
public sealed class SensorTypeParseTests
{
    [Fact]
    public void TryParse_EveryNameFreeIpmiLists_GivesItsCode()
    {
        // ipmi-sensors --list-sensor-types prints the names in code order, 0x01 first, then OEM_Reserved.
        using var tool = Process.Start(new ProcessStartInfo("ipmi-sensors", "--list-sensor-types") { RedirectStandardOutput = true })!;
        var names = tool.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        tool.WaitForExit();

        Assert.Equal(0, tool.ExitCode);
        Assert.Equal("OEM_Reserved", names[^1]);
        for (var i = 0; i < names.Length - 1; i++)
        {
            Assert.True(SensorTypeNames.TryParse(names[i], out var first, out var last), names[i]);
            Assert.Equal((i + 1, i + 1), (first, last));
        }

        Assert.True(SensorTypeNames.TryParse(names[^1], out var oemFirst, out var oemLast));
        Assert.Equal((0xC0, 0xFF), (oemFirst, oemLast));
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("0x08", 8)]
    [InlineData("010", 8)]
    [InlineData("Power Supply", 8)]
    [InlineData("power-supply", 8)]
    [InlineData("Drive Slot / Bay", 0x0D)]
    [InlineData("watchdog", 0x23)]
    [InlineData("  fan ", 4)]
    public void TryParse_NumbersAndSpellings(string text, int code)
    {
        Assert.True(SensorTypeNames.TryParse(text, out var first, out var last));
        Assert.Equal((code, code), (first, last));
    }

    [Theory]
    [InlineData("")]
    [InlineData("toaster")]
    [InlineData("256")]
    [InlineData("0x1FF")]
    [InlineData("09")]
    public void TryParse_Unknown_Fails(string text)
    {
        Assert.False(SensorTypeNames.TryParse(text, out _, out _));
    }
}

using BmcExporter.Ipmi.IntegrationTests.Tools;
using BmcExporter.Ipmi.Tables;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>Sensor type names against FreeIPMI's own list (<c>ipmi-sensors --list-sensor-types</c>).</summary>
public sealed class SensorTypeNameTests
{
    [Fact]
    public async Task Name_EveryCode_SpelledAsFreeIpmiListsIt()
    {
        var tool = ToolRunner.Require("ipmi-sensors", "freeipmi-tools");
        var result = await ToolRunner.RunAsync(tool, ["--list-sensor-types"], TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(0, result.ExitCode);

        // FreeIPMI lists its display names with '_' for ' ' and '/', codes 01h-2Ch in order, then OEM_Reserved.
        var listed = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(0x2C + 1, listed.Length);
        for (byte code = 1; code <= 0x2C; code++)
        {
            Assert.Equal(listed[code - 1], SensorTypeNames.Name(code).Replace(' ', '_').Replace('/', '_'));
            Assert.True(SensorTypeNames.TryParse(listed[code - 1], out var first, out _) && first == code, listed[code - 1]);
            Assert.True(SensorTypeNames.TryParse(SensorTypeNames.Name(code), out first, out _) && first == code, SensorTypeNames.Name(code));
        }

        Assert.Equal(listed[^1], SensorTypeNames.Name(0xC0).Replace(' ', '_'));
    }
}

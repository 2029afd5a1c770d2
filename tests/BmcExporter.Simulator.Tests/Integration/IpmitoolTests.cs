using BmcExporter.Simulator.Fleet;

namespace BmcExporter.Simulator.Tests.Integration;

/// <summary>ipmitool (an independent client) reads a simulated BMC and sees exactly what test-bmc.yaml defines.</summary>
public sealed class IpmitoolTests : IAsyncLifetime
{
    private SimulatedFleet _fleet = null!;

    public async Task InitializeAsync() => _fleet = await TestFleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    private async Task<string[][]> RunAsync(int suite, params string[] command)
    {
        Assert.True(ExternalTool.Exists("ipmitool"), "ipmitool must be installed (see /work/shared/docs/harness.md)");
        var ep = _fleet.Endpoints[0];
        string[] args = ["-I", "lanplus", "-H", "127.0.0.1", "-p", ep.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", "reader", "-P", "reader-pass", "-L", "USER", "-C", suite.ToString(System.Globalization.CultureInfo.InvariantCulture), .. command];
        var (code, output, error) = await ExternalTool.RunAsync("ipmitool", args);
        Assert.True(code == 0, $"ipmitool {string.Join(' ', command)} failed: {error}");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|', ':').Select(c => c.Trim()).ToArray())];
    }

    [Theory]
    [InlineData(17)]
    [InlineData(3)]
    public async Task SdrElist_TestProfile_ShowsNamesValuesUnitsAndStates(int suite)
    {
        var rows = await RunAsync(suite, "sdr", "elist");
        string[][] expected =
        [
            ["Inlet Temp", "01h", "ok", "64.1", "24 degrees C"],
            ["CPU Temp", "02h", "unc", "3.1", "91 degrees C"],
            ["FAN1", "03h", "ok", "29.1", "6000 RPM"],
            ["12V", "04h", "ok", "7.1", "12.06 Volts"],
            ["Dead Sensor", "05h", "ns", "7.1", "No Reading"],
            ["PSU", "06h", "ok", "10.1", "Presence detected"],
            ["Drive", "08h", "ok", "4.1", "Drive Present, Drive Fault"],
        ];
        Assert.Equal(expected, rows);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(3)]
    public async Task Sensor_TestProfile_ShowsThresholds(int suite)
    {
        var rows = await RunAsync(suite, "sensor");
        Assert.Equal(["Inlet Temp", "24.000", "degrees C", "ok", "na", "3.000", "5.000", "38.000", "42.000", "47.000"], rows[0]);
        Assert.Equal(["CPU Temp", "91.000", "degrees C", "nc", "na", "na", "na", "88.000", "95.000", "100.000"], rows[1]);
        Assert.Equal(["FAN1", "6000.000", "RPM", "ok", "na", "600.000", "900.000", "na", "na", "na"], rows[2]);
        Assert.Equal(["12V", "12.060", "Volts", "ok", "na", "10.800", "na", "na", "13.200", "na"], rows[3]);
        Assert.Equal(["Drive", "0x3", "discrete", "0x0380", "na", "na", "na", "na", "na", "na"], rows[6]);
        Assert.Equal(7, rows.Length);
    }

    [Fact]
    public async Task SelElist_TestProfile_ShowsInitialEntries()
    {
        var rows = await RunAsync(17, "sel", "elist");
        Assert.Equal(2, rows.Length);
        Assert.Equal(["Event Logging Disabled Event Log", "Log area reset/cleared", "Asserted"], rows[0][^3..]);
        Assert.Equal(["Drive Slot / Bay Drive", "Drive Fault", "Asserted"], rows[1][^3..]);
    }

    [Fact]
    public async Task Fru_TestProfile_ShowsFields()
    {
        var rows = await RunAsync(3, "fru");
        var fields = rows.Where(r => r.Length >= 2).ToDictionary(r => r[0], r => string.Join(':', r[1..]));
        Assert.Equal("TCH-1", fields["Chassis Part Number"]);
        Assert.Equal("TCS00000", fields["Chassis Serial"]);
        Assert.Equal("Test Corp", fields["Board Mfg"]);
        Assert.Equal("Test Board", fields["Board Product"]);
        Assert.Equal("TBS00000", fields["Board Serial"]);
        Assert.Equal("Thu May  4 03:02:00 2023 UTC", fields["Board Mfg Date"]);
        Assert.Equal("Test Server", fields["Product Name"]);
        Assert.Equal("V9", fields["Product Version"]);
        Assert.Equal("TPS00000", fields["Product Serial"]);
        Assert.Equal("TAG00000", fields["Product Asset Tag"]);
    }

    [Fact]
    public async Task McInfoAndChassisStatus_TestProfile_ShowIdentityAndState()
    {
        var mc = (await RunAsync(17, "mc", "info")).Where(r => r.Length == 2).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("3.07", mc["Firmware Revision"]);
        Assert.Equal("2.0", mc["IPMI Version"]);
        Assert.Equal("4660", mc["Manufacturer ID"]);
        Assert.Equal("66 (0x0042)", mc["Product ID"]);
        var chassis = (await RunAsync(3, "chassis", "status")).Where(r => r.Length == 2).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("on", chassis["System Power"]);
        Assert.Equal("always-on", chassis["Power Restore Policy"]);
        Assert.Equal("active", chassis["Chassis Intrusion"]);
        Assert.Equal("false", chassis["Drive Fault"]);
    }
}

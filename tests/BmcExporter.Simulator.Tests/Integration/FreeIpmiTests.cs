using System.Globalization;
using BmcExporter.Simulator.Fleet;

namespace BmcExporter.Simulator.Tests.Integration;

/// <summary>FreeIPMI's ipmi-sensors and ipmi-sel (independent clients) read exactly what test-bmc.yaml defines.</summary>
public sealed class FreeIpmiTests : IAsyncLifetime
{
    private readonly string _cache = Directory.CreateTempSubdirectory("sim-sdr-cache-").FullName;
    private SimulatedFleet _fleet = null!;

    public async Task InitializeAsync() => _fleet = await TestFleet.StartAsync();

    public async Task DisposeAsync()
    {
        await _fleet.DisposeAsync();
        Directory.Delete(_cache, recursive: true);
    }

    private async Task<string[][]> RunAsync(string tool, int suite, params string[] extra)
    {
        Assert.True(ExternalTool.Exists(tool), $"{tool} must be installed (freeipmi-tools)");
        var ep = _fleet.Endpoints[0];
        string[] args = ["-D", "LAN_2_0", "-h", $"127.0.0.1:{ep.Port.ToString(CultureInfo.InvariantCulture)}", "-u", "reader", "-p", "reader-pass",
            "-l", "USER", "-I", suite.ToString(CultureInfo.InvariantCulture), "--sdr-cache-directory", _cache, "--quiet-cache", "--comma-separated-output", .. extra];
        var (code, output, error) = await ExternalTool.RunAsync(tool, args);
        Assert.True(code == 0, $"{tool} failed: {error}");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(','))];
    }

    [Theory]
    [InlineData(17)]
    [InlineData(3)]
    public async Task IpmiSensors_TestProfile_ReadsExactValuesThresholdsAndStates(int suite)
    {
        var rows = await RunAsync("ipmi-sensors", suite, "--shared-sensors", "--output-sensor-thresholds");
        string[][] expected =
        [
            ["2", "Inlet Temp", "Temperature", "24.00", "C", "N/A", "3.00", "5.00", "38.00", "42.00", "47.00", "'OK'"],
            ["3", "CPU Temp", "Temperature", "91.00", "C", "N/A", "N/A", "N/A", "88.00", "95.00", "100.00", "'At or Above (>=) Upper Non-Critical Threshold'"],
            ["4", "FAN1", "Fan", "6000.00", "RPM", "N/A", "600.00", "900.00", "N/A", "N/A", "N/A", "'OK'"],
            ["5", "12V", "Voltage", "12.06", "V", "N/A", "10.80", "N/A", "N/A", "13.20", "N/A", "'OK'"],
            ["6", "Dead Sensor", "Temperature", "N/A", "C", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A"],
            ["7", "PSU 1", "Power Supply", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "'Presence detected'"],
            ["7", "PSU 2", "Power Supply", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "'Presence detected'"],
            ["8", "Drive", "Drive Slot", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "'Drive Presence' 'Drive Fault'"],
        ];
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task IpmiSel_TestProfile_ReadsInitialEntries()
    {
        var rows = await RunAsync("ipmi-sel", 17);
        Assert.Equal(2, rows.Length);
        Assert.Equal(["1", "Event Log", "Event Logging Disabled", "Log Area Reset/Cleared"], [rows[0][0], .. rows[0][3..]]);
        Assert.Equal(["2", "Drive", "Drive Slot", "Drive Fault"], [rows[1][0], .. rows[1][3..]]);

        // Timestamps: the drive fault was defined 60 s before start, the log reset 3600 s before.
        var drive = DateTime.ParseExact($"{rows[1][1]} {rows[1][2]}", "MMM-dd-yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        var expected = _fleet.Context.Start.UtcDateTime.AddSeconds(-60);
        Assert.InRange((drive - expected).TotalSeconds, -1.5, 1.5);
    }
}

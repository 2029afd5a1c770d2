using System.Globalization;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Tests.Integration;

/// <summary>
/// ipmitool reads the lifecycle faults of the shipped lifecycle-faults profile from a simulated BMC: the restart
/// cause, power-on hours, self test, a clock 600 s fast and the System Boot entries in the SEL.
/// </summary>
public sealed class LifecycleIpmitoolTests : IAsyncLifetime
{
    private SimulatedFleet _fleet = null!;

    public async Task InitializeAsync() => _fleet = await TestFleet.StartAsync(profile: ProfileLoader.LoadShipped("lifecycle-faults"));

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    private async Task<string> RunAsync(params string[] command)
    {
        var (code, output, error) = await RunToolAsync(command);
        Assert.True(code == 0, $"ipmitool {string.Join(' ', command)} failed: {error}");
        return output;
    }

    private async Task<(int Code, string Output, string Error)> RunToolAsync(params string[] command)
    {
        Assert.True(ExternalTool.Exists("ipmitool"), "ipmitool must be installed (see /work/shared/docs/harness.md)");
        string[] args = ["-I", "lanplus", "-H", "127.0.0.1", "-p", _fleet.Endpoints[0].Port.ToString(CultureInfo.InvariantCulture),
            "-U", "reader", "-P", "reader-pass", "-L", "USER", "-C", "17", .. command];
        return await ExternalTool.RunAsync("ipmitool", args);
    }

    [Fact]
    public async Task ChassisRestartCause_LifecycleFaults_Watchdog()
    {
        Assert.Contains("System restart cause: watchdog", await RunAsync("chassis", "restart_cause"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChassisPoh_LifecycleFaults_12345Hours()
    {
        // 12345 h = 514 days and 9 hours.
        Assert.Contains("POH Counter  : 514 days, 9 hours", await RunAsync("chassis", "poh"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task McSelftest_LifecycleFaults_DeviceCorrupted()
    {
        // ipmitool exits non-zero on a failed self test, after printing it.
        var (code, output, error) = await RunToolAsync("mc", "selftest");
        Assert.NotEqual(0, code);
        Assert.Contains("Selftest: device corrupted", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelTimeGet_LifecycleFaults_TenMinutesFast()
    {
        var printed = DateTimeOffset.ParseExact((await RunAsync("sel", "time", "get")).Trim(), "MM/dd/yy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        // ipmitool prints the BMC's clock; the profile sets it 600 s ahead of the simulator's (the system clock here).
        Assert.InRange((printed - DateTimeOffset.UtcNow).TotalSeconds, 590, 601);
    }

    [Fact]
    public async Task ChassisStatus_LifecycleFaults_LastPowerEventAcFailed()
    {
        Assert.Contains("Last Power Event     : ac-failed", await RunAsync("chassis", "status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelElist_LifecycleFaults_TwoSystemBoots()
    {
        var boots = (await RunAsync("sel", "elist")).Split('\n').Count(l => l.Contains("System Boot", StringComparison.Ordinal));
        Assert.Equal(2, boots);
    }
}

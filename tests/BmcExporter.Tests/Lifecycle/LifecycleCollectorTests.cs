using System.Globalization;
using BmcExporter.Collectors;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Output;

namespace BmcExporter.Tests.Lifecycle;

/// <summary>Lifecycle series read from the simulator (profiles lifecycle-faults and typical-1u) over a real RMCP+ session.</summary>
public sealed class LifecycleCollectorTests
{
    [Fact]
    public async Task Collectors_LifecycleFaultsProfile_ReportEveryFault()
    {
        var (snapshot, _, text) = await LifecycleScrape.RunAsync("lifecycle-faults");

        Assert.Contains("ipmi_chassis_last_power_event{cause=\"ac_failed\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_system_restart_cause{cause=\"watchdog\"} 4\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_bmc_power_on_hours 12345\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_bmc_self_test_passed{result=\"corrupted_data_or_device\",detail=\"0x04\"} 0\n", text, StringComparison.Ordinal);
        // Two System Boot entries in the initial SEL (the growth adds one per 10 simulated minutes, none yet).
        Assert.Contains("ipmi_system_restarts_total 2\n", text, StringComparison.Ordinal);
        // The profile's clock runs 600 s fast; the SEL clock has one-second resolution.
        var offset = snapshot.Bmc!.ClockOffset!.Value.TotalSeconds;
        Assert.InRange(offset, 598.0, 601.0);
        Assert.Contains("ipmi_bmc_clock_offset_seconds " + offset.ToString("R", CultureInfo.InvariantCulture) + "\n", text, StringComparison.Ordinal);
        Assert.Empty(await Promtool.LintAsync(text));
    }

    [Fact]
    public async Task Collectors_TypicalProfile_ReportHealthyLifecycle()
    {
        var (snapshot, _, text) = await LifecycleScrape.RunAsync("typical-1u");

        Assert.Contains("ipmi_chassis_last_power_event{cause=\"none\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_system_restart_cause{cause=\"power_button\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_bmc_self_test_passed{result=\"passed\",detail=\"0x00\"} 1\n", text, StringComparison.Ordinal);
        // No boot entries in typical-1u's SEL: the counter is there, at 0, from the first SEL read.
        Assert.Contains("ipmi_system_restarts_total 0\n", text, StringComparison.Ordinal);
        Assert.InRange(snapshot.Bmc!.ClockOffset!.Value.TotalSeconds, -2.0, 1.0);
    }

    [Fact]
    public void Render_NoSelRead_NoRestartCounter()
    {
        var stats = new TargetStats();
        stats.RecordSelEvents([], selRead: false);

        var text = Render.Ipmi(new TargetSnapshot { Target = "10.0.0.1:623", Module = "default" }, stats);

        Assert.Null(stats.SystemRestarts);
        Assert.DoesNotContain("ipmi_system_restarts_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordSelEvents_BootAssertedOnly_CountsRestarts()
    {
        var stats = new TargetStats();
        SelEvent Boot(int id, bool asserted, byte sensorType = 0x1D, byte recordType = 0x02) =>
            new() { RecordId = id, StableId = id.ToString(CultureInfo.InvariantCulture), RecordType = recordType, SensorType = sensorType, Asserted = asserted };

        stats.RecordSelEvents([Boot(1, true), Boot(2, false), Boot(3, true, sensorType: 0x1E), Boot(4, true, recordType: 0xC0), Boot(5, true)]);

        Assert.Equal(2, stats.SystemRestarts);
    }

    [Theory]
    [InlineData(0x01, new[] { "ac_failed" })]
    [InlineData(0x00, new[] { "none" })]
    [InlineData(0x18, new[] { "power_fault", "ipmi_command" })]
    public void Render_LastPowerEvent_OneSeriesPerCause(byte lastPowerEvent, string[] causes)
    {
        var snapshot = new TargetSnapshot { Target = "10.0.0.1:623", Module = "default", Chassis = new ChassisSample { LastPowerEvent = lastPowerEvent } };

        var text = Render.Ipmi(snapshot);

        var lines = text.Split('\n').Where(l => l.StartsWith("ipmi_chassis_last_power_event{", StringComparison.Ordinal)).ToList();
        Assert.Equal(causes.Select(c => $"ipmi_chassis_last_power_event{{cause=\"{c}\"}} 1"), lines);
    }

    [Theory]
    [InlineData(GetSelfTestResults.Passed, 1)]
    [InlineData(GetSelfTestResults.NotImplemented, 1)]
    [InlineData(GetSelfTestResults.Corrupted, 0)]
    [InlineData(GetSelfTestResults.FatalError, 0)]
    [InlineData(0x80, 0)]
    public void SelfTestSample_Result_PassedOnlyWithoutFailure(byte result, int passed)
    {
        Assert.Equal(passed == 1, new SelfTestSample(result, 0).Passed);
    }
}

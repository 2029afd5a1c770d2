using BmcExporter.Config;
using BmcExporter.Simulator.Redfish;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Tests.Redfish;

/// <summary>
/// The exporter host reading simulated BMCs over Redfish (real HTTPS, the simulator's CA as ca_file): the same BMC
/// read over IPMI and over Redfish gives the same families, labels and values; sessions are kept and logged out;
/// log cursors persist; a broken resource fails one collector, never the scrape.
/// </summary>
public sealed class RedfishHostIntegrationTests
{
    /// <summary>Families whose series must agree between the two protocols (every label but <c>id</c>).</summary>
    private static readonly string[] SharedFamilies =
    [
        "ipmi_temperature_celsius{", "ipmi_temperature_state{", "ipmi_fan_speed_rpm{", "ipmi_fan_speed_state{",
        "ipmi_voltage_volts{", "ipmi_voltage_state{", "ipmi_current_amperes{", "ipmi_current_state{",
        "ipmi_power_watts{", "ipmi_power_state{", "ipmi_chassis_power_state", "ipmi_chassis_intrusion_state", "ipmi_chassis_drive_fault_state",
        "ipmi_chassis_cooling_fault_state", "ipmi_chassis_power_fault_state", "ipmi_sel_logs_count",
        "ipmi_dcmi_power_consumption_watts", "ipmi_dcmi_power_minimum_watts", "ipmi_dcmi_power_maximum_watts",
        "ipmi_dcmi_power_average_watts", "ipmi_dcmi_power_sampling_period_seconds",
    ];

    /// <summary>The DCMI families: DCMI Get Power Reading over IPMI, the system PowerControl over Redfish.</summary>
    private static readonly string[] DcmiFamilies =
    [
        "ipmi_dcmi_power_consumption_watts", "ipmi_dcmi_power_minimum_watts", "ipmi_dcmi_power_maximum_watts",
        "ipmi_dcmi_power_average_watts", "ipmi_dcmi_power_sampling_period_seconds",
    ];

    [Theory]
    [InlineData("typical-1u", false)]
    [InlineData("typical-1u", true)]
    [InlineData("gpu-dense", false)]
    public async Task Scrape_SameBmcOverIpmiAndRedfish_SameFamiliesLabelsAndValues(string profile, bool intrusion)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await using var fx = await RedfishHostFixture.StartAsync(profile: profile, simulatorTime: clock, editYaml: y => PlantIntrusion(y, intrusion));
        clock.Advance(TimeSpan.FromMinutes(17)); // frozen for both reads
        var ipmi = fx.Module("ipmi", ModuleProtocol.Ipmi);
        var redfish = fx.Module("redfish", ModuleProtocol.Redfish);
        var config = fx.Config(ipmi, redfish);
        var runtime = fx.Runtime(config);

        var overIpmi = await RedfishHostFixture.ScrapeAsync(runtime, fx.Target(config, ipmi));
        var overRedfish = await RedfishHostFixture.ScrapeAsync(runtime, fx.Target(config, redfish));

        Assert.Equal(ScrapeOutcome.Success, overIpmi.Outcome);
        Assert.Equal(ScrapeOutcome.Success, overRedfish.Outcome);
        var a = RedfishHostFixture.Series(overIpmi);
        var b = RedfishHostFixture.Series(overRedfish);
        var compared = 0;
        foreach (var (key, value) in b.Where(s => SharedFamilies.Any(f => s.Key.StartsWith(f, StringComparison.Ordinal))))
        {
            Assert.True(a.TryGetValue(key, out var expected), $"IPMI has no series {key}");
            Assert.True(double.IsNaN(expected) ? double.IsNaN(value) : Math.Abs(expected - value) < 1e-6, $"{key}: IPMI {expected}, Redfish {value}");
            compared++;
        }

        // Every IPMI series of those families with a Redfish unit is in the Redfish view too (percent fans aside).
        foreach (var key in a.Keys.Where(k => SharedFamilies.Any(f => k.StartsWith(f, StringComparison.Ordinal))))
        {
            Assert.True(b.ContainsKey(key), $"Redfish has no series {key}");
        }

        Assert.True(compared > 20, $"only {compared} series compared");

        // DCMI Get Power Reading and the system PowerControl (PowerConsumedWatts, PowerMetrics) give every DCMI series, equal.
        foreach (var family in DcmiFamilies)
        {
            Assert.True(a.ContainsKey(family), $"IPMI has no {family}");
            Assert.Equal(a[family], b[family]);
        }

        Assert.Contains(overIpmi.Collectors, c => c.Collector == "dcmi" && c.Success);
        Assert.Contains(overRedfish.Collectors, c => c.Collector == "dcmi" && c.Success);

        // The chassis intrusion bit (Get Chassis Status) and PhysicalSecurity.IntrusionSensor give the same series.
        Assert.Equal(intrusion ? 1 : 0, a["ipmi_chassis_intrusion_state"]);
        Assert.Equal(intrusion ? 1 : 0, b["ipmi_chassis_intrusion_state"]);

        // Parts (PSU, drive, processor, memory) are the IPMI discrete sensors of the same name and type, same state.
        // The storage controller (Module/Board) is a Redfish-only part of the simulator: no IPMI sensor stands for it.
        var parts = b.Where(s => s.Key.StartsWith("ipmi_sensor_state{", StringComparison.Ordinal) && !s.Key.Contains("type=\"Module/Board\"", StringComparison.Ordinal)).ToList();
        foreach (var type in new[] { "Power Supply", "Drive Slot", "Processor", "Memory" }) // FreeIPMI type names, as ipmi_exporter labels them
        {
            Assert.Contains(parts, p => p.Key.Contains($"type=\"{type}\"", StringComparison.Ordinal));
        }

        foreach (var (key, value) in parts)
        {
            Assert.True(a.TryGetValue(key, out var expected), $"IPMI has no series {key}");
            Assert.True(double.IsNaN(expected) ? double.IsNaN(value) : expected == value, $"{key}: IPMI {expected}, Redfish {value}");
        }

        // Firmware as ipmi_bmc_info reports it.
        Assert.Equal(overIpmi.Bmc!.FirmwareRevision, overRedfish.Bmc!.FirmwareRevision);
        Assert.Equal(overIpmi.Sel!.Entries, overRedfish.Sel!.Entries);
        Assert.Equal(
            overIpmi.NewSelEvents.Select(e => (e.RecordId, e.Timestamp, e.SensorTypeName, e.SensorNumber, e.Asserted)),
            overRedfish.NewSelEvents.Select(e => (e.RecordId, e.Timestamp, e.SensorTypeName, e.SensorNumber, e.Asserted)));
    }

    [Fact]
    public async Task Scrape_SystemPowerSplitOverPowerDomains_DcmiCurrentAndAverageEqualIpmi()
    {
        // The Redfish view has no system PowerControl member, only three power domains that add up to the figures DCMI
        // Get Power Reading answers over IPMI. Their sum gives the current and average power; a sum has no minimum or
        // maximum (the parts peak at different times), so those two series are absent over Redfish.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await using var fx = await RedfishHostFixture.StartAsync(new RedfishServerOptions { Schema = RedfishSchema.Legacy, PowerDomains = 3 }, simulatorTime: clock);
        clock.Advance(TimeSpan.FromMinutes(17));
        var ipmi = fx.Module("ipmi", ModuleProtocol.Ipmi);
        var redfish = fx.Module("redfish", ModuleProtocol.Redfish);
        var config = fx.Config(ipmi, redfish);
        var runtime = fx.Runtime(config);

        var a = RedfishHostFixture.Series(await RedfishHostFixture.ScrapeAsync(runtime, fx.Target(config, ipmi)));
        var overRedfish = await RedfishHostFixture.ScrapeAsync(runtime, fx.Target(config, redfish));
        var b = RedfishHostFixture.Series(overRedfish);

        Assert.Contains(overRedfish.Collectors, c => c.Collector == "dcmi" && c.Success);
        foreach (var family in new[] { "ipmi_dcmi_power_consumption_watts", "ipmi_dcmi_power_average_watts", "ipmi_dcmi_power_sampling_period_seconds" })
        {
            Assert.Equal(a[family], b[family]);
        }

        Assert.True(a.ContainsKey("ipmi_dcmi_power_minimum_watts") && a.ContainsKey("ipmi_dcmi_power_maximum_watts"));
        Assert.DoesNotContain("ipmi_dcmi_power_minimum_watts", b.Keys);
        Assert.DoesNotContain("ipmi_dcmi_power_maximum_watts", b.Keys);
    }

    [Fact]
    public async Task Scrape_ThreeTimes_OneLoginKeptAndLoggedOutAtShutdown()
    {
        await using var fx = await RedfishHostFixture.StartAsync();
        var module = fx.Module("redfish", ModuleProtocol.Redfish);
        var config = fx.Config(module);
        var runtime = fx.Runtime(config);
        var target = fx.Target(config, module);
        TargetSnapshot? last = null;
        long getsBeforeLast = 0;
        for (var i = 0; i < 3; i++)
        {
            getsBeforeLast = fx.Server.Gets;
            last = await RedfishHostFixture.ScrapeAsync(runtime, target);
            Assert.Equal(ScrapeOutcome.Success, last.Outcome);
        }

        // The status page states the GETs of the last (steady) scrape and of all three, as the simulator counted them.
        var record = new BmcExporter.Output.Health.TargetRecord { Key = last!.Key, Target = last.Target, Module = last.Module, Snapshot = last, Health = BmcExporter.Output.Health.TargetHealth.Ok };
        var html = BmcExporter.Web.TargetHtml.Render(runtime, record);
        Assert.Contains($"<td>{fx.Server.Gets - getsBeforeLast} in the last scrape, {fx.Server.Gets} in all", html, StringComparison.Ordinal);
        Assert.Equal(fx.Server.Gets, runtime.Stats.For(target.Key).RedfishGets);

        Assert.Equal(1, fx.Server.Logins);
        Assert.Equal(1, runtime.RedfishSessions.Count);
        await runtime.DisposeAsync();
        Assert.Equal(1, fx.Server.Logouts);
    }

    [Fact]
    public async Task Scrape_SelTwiceAndAfterRestart_NewEntriesOnceCursorPersisted()
    {
        await using var fx = await RedfishHostFixture.StartAsync();
        var module = fx.Module("redfish", ModuleProtocol.Redfish) with { Collectors = [CollectorKind.Sel] };
        var config = fx.Config(module);
        var runtime = fx.Runtime(config);
        var target = fx.Target(config, module);

        var first = await RedfishHostFixture.ScrapeAsync(runtime, target);
        var second = await RedfishHostFixture.ScrapeAsync(runtime, target);

        Assert.NotEmpty(first.NewSelEvents);
        Assert.Empty(second.NewSelEvents);
        Assert.True(File.Exists(runtime.RedfishCursors.PathFor(target.Key)));
        await runtime.DisposeAsync();

        var restarted = fx.Runtime(config);
        var afterRestart = await RedfishHostFixture.ScrapeAsync(restarted, target);
        Assert.Equal(ScrapeOutcome.Success, afterRestart.Outcome);
        Assert.Empty(afterRestart.NewSelEvents);
        Assert.Equal(first.Sel!.Entries, afterRestart.Sel!.Entries);
    }

    [Theory]
    [InlineData("Entries", "sel")]
    [InlineData("LogServices", "sel")]
    public async Task Scrape_TruncatedJsonInOneResource_OneCollectorFailsScrapePartial(string path, string failed)
    {
        await using var fx = await RedfishHostFixture.StartAsync(new RedfishServerOptions
        {
            Faults = [new RedfishFaultRule { PathContains = path, Truncate = 1.0 }],
        });
        var module = fx.Module("redfish", ModuleProtocol.Redfish);
        var config = fx.Config(module);
        var runtime = fx.Runtime(config);

        var snapshot = await RedfishHostFixture.ScrapeAsync(runtime, fx.Target(config, module));

        Assert.Equal(ScrapeOutcome.Partial, snapshot.Outcome);
        var bad = Assert.Single(snapshot.Collectors, c => !c.Success);
        Assert.Equal(failed, bad.Collector);
        Assert.StartsWith("malformed reply:", bad.Error, StringComparison.Ordinal);
        Assert.NotEmpty(snapshot.Sensors);
        Assert.NotNull(snapshot.Bmc);
    }

    [Fact]
    public async Task Scrape_WrongContentTypeOnReadings_SensorsChassisAndDcmiFailOthersSucceed()
    {
        await using var fx = await RedfishHostFixture.StartAsync(new RedfishServerOptions
        {
            Faults = [new RedfishFaultRule { PathContains = "/Sensors", WrongContentType = 1.0 }],
        });
        var module = fx.Module("redfish", ModuleProtocol.Redfish);
        var config = fx.Config(module);
        var runtime = fx.Runtime(config);

        var snapshot = await RedfishHostFixture.ScrapeAsync(runtime, fx.Target(config, module));

        Assert.Equal(ScrapeOutcome.Partial, snapshot.Outcome);
        Assert.Equal(["ipmi", "chassis", "dcmi"], snapshot.Collectors.Where(c => !c.Success).Select(c => c.Collector)); // dcmi reads after the readings
        Assert.All(snapshot.Collectors.Where(c => !c.Success), c => Assert.Contains("Content-Type", c.Error, StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(snapshot.Sel);
        Assert.NotEmpty(snapshot.Fru);
    }

    [Fact]
    public async Task Scrape_WrongPassword_EveryCollectorFailsWithAuthenticationOnce()
    {
        await using var fx = await RedfishHostFixture.StartAsync();
        var module = fx.Module("redfish", ModuleProtocol.Redfish) with { Password = BmcExporter.Ipmi.Crypto.IpmiSecret.FromString("wrong", "test") };
        var config = fx.Config(module);
        var runtime = fx.Runtime(config);

        var snapshot = await RedfishHostFixture.ScrapeAsync(runtime, fx.Target(config, module));

        Assert.Equal(ScrapeOutcome.Failed, snapshot.Outcome);
        Assert.All(snapshot.Collectors, c => Assert.StartsWith("authentication:", c.Error, StringComparison.Ordinal));
        Assert.Equal(1, runtime.Stats.For(fx.Target(config, module).Key).AuthenticationFailures);
    }

    [Fact]
    public async Task Scrape_WithoutCaFile_TlsRefusedNamingCaFile()
    {
        await using var fx = await RedfishHostFixture.StartAsync();
        var module = fx.Module("redfish", ModuleProtocol.Redfish, new RedfishModuleConfig());
        var config = fx.Config(module);
        var runtime = fx.Runtime(config);

        var snapshot = await RedfishHostFixture.ScrapeAsync(runtime, fx.Target(config, module));

        Assert.Equal(ScrapeOutcome.Failed, snapshot.Outcome);
        Assert.All(snapshot.Collectors, c => Assert.StartsWith("TLS:", c.Error, StringComparison.Ordinal));
        Assert.Contains("ca_file", snapshot.Collectors[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_InsecureSkipVerify_ReadsWithoutCa()
    {
        await using var fx = await RedfishHostFixture.StartAsync();
        var module = fx.Module("redfish", ModuleProtocol.Redfish, new RedfishModuleConfig { InsecureSkipVerify = true, Auth = BmcExporter.Redfish.RedfishAuthMode.Basic, MaxInFlight = 1, Expand = false });
        var config = fx.Config(module);
        var runtime = fx.Runtime(config);

        var snapshot = await RedfishHostFixture.ScrapeAsync(runtime, fx.Target(config, module));

        Assert.Equal(ScrapeOutcome.Success, snapshot.Outcome);
        Assert.Equal(0, fx.Server.Logins); // auth: basic creates no session
        Assert.Equal(1, fx.Server.MaxInFlight); // max_in_flight: 1
    }

    [Fact]
    public async Task Scrape_AutoWithRedfishPresent_ReadsOverRedfish()
    {
        await using var fx = await RedfishHostFixture.StartAsync();
        var module = fx.Module("auto", ModuleProtocol.Auto, new RedfishModuleConfig { CaFile = fx.CaFile, Port = fx.Fleet.RedfishEndpoints[0].Port });
        var config = fx.Config(module);
        var runtime = fx.Runtime(config);
        var target = fx.Target(config, module);

        var snapshot = await RedfishHostFixture.ScrapeAsync(runtime, target);

        Assert.Equal(ScrapeOutcome.Success, snapshot.Outcome);
        Assert.Equal(ModuleProtocol.Redfish, runtime.Protocols.ChosenFor(target.Key));
        Assert.Contains(snapshot.Sensors, s => s.SourceId is not null);
        Assert.Equal(1, fx.Server.Logins);
    }

    [Fact]
    public async Task Scrape_AutoWithoutRedfish_FallsBackToIpmi()
    {
        await using var fx = await RedfishHostFixture.StartAsync();
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now: connection refused
        var module = fx.Module("auto", ModuleProtocol.Auto, new RedfishModuleConfig { CaFile = fx.CaFile, Port = port });
        var config = fx.Config(module);
        var runtime = fx.Runtime(config);
        var target = fx.Target(config, module);

        var snapshot = await RedfishHostFixture.ScrapeAsync(runtime, target);

        Assert.Equal(ScrapeOutcome.Success, snapshot.Outcome);
        Assert.Equal(ModuleProtocol.Ipmi, runtime.Protocols.ChosenFor(target.Key));
        Assert.All(snapshot.Sensors, s => Assert.Null(s.SourceId));
        Assert.Equal(0, runtime.RedfishSessions.Count);
    }

    /// <summary>The profile with <c>chassis.intrusion</c> set (both shipped profiles used here write chassis as a flow or block mapping).</summary>
    private static string PlantIntrusion(string yaml, bool intrusion)
    {
        var planted = System.Text.RegularExpressions.Regex.Replace(yaml, @"^chassis: \{ ", $"chassis: {{ intrusion: {(intrusion ? "true" : "false")}, ", System.Text.RegularExpressions.RegexOptions.Multiline);
        planted = System.Text.RegularExpressions.Regex.Replace(planted, @"^chassis:\n", $"chassis:\n  intrusion: {(intrusion ? "true" : "false")}\n", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.NotEqual(yaml, planted);
        return planted;
    }
}

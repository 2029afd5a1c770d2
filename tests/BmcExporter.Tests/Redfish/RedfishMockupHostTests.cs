using BmcExporter.Collectors.Redfish;
using BmcExporter.Config;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Redfish;
using BmcExporter.Redfish.Model;
using BmcExporter.Simulator.Redfish;
using BmcExporter.Snapshots;

namespace BmcExporter.Tests.Redfish;

/// <summary>
/// The exporter against DMTF's public mockups served as-is (services it was never tuned to): every reading, part
/// health, firmware version and log entry the Redfish client extracts (checked against the files themselves in
/// BmcExporter.Redfish.Tests/MockupIntegrationTests) comes out of the host, in the family its kind names.
/// </summary>
public sealed class RedfishMockupHostTests
{
    public static TheoryData<string> Mockups => new() { "public-rackmount1", "public-tower" };

    [Theory]
    [MemberData(nameof(Mockups))]
    public async Task Scrape_DmtfMockup_EveryReadingHealthFirmwareAndLogEntryReported(string mockup)
    {
        await using var fx = await RedfishHostFixture.StartAsync(new RedfishServerOptions { MockupDirectory = Path.Combine(MockupsRoot(), mockup) });
        var module = fx.Module("redfish", ModuleProtocol.Redfish);
        var config = fx.Config(module);
        var runtime = fx.Runtime(config);

        var snapshot = await RedfishHostFixture.ScrapeAsync(runtime, fx.Target(config, module));

        Assert.Equal(ScrapeOutcome.Success, snapshot.Outcome);

        // What the client reads from the same service, independently of the host.
        await using var session = RedfishSession.Create(RedfishSessionPoolOptions(fx));
        var reader = new RedfishReader(session);
        var readings = await reader.ReadReadingsAsync(CancellationToken.None);
        var inventory = await reader.ReadInventoryAsync(CancellationToken.None);
        var entries = 0;
        foreach (var service in await reader.ReadLogServicesAsync(CancellationToken.None))
        {
            entries += (await reader.ReadLogAsync(service, null, CancellationToken.None)).NewEntries.Length;
        }

        var series = RedfishHostFixture.Series(snapshot);
        foreach (var s in readings.Sensors)
        {
            var family = s.Kind switch
            {
                RedfishSensorKind.Temperature => "ipmi_temperature_celsius",
                RedfishSensorKind.Fan when s.Unit == "%" => "ipmi_fan_speed_ratio",
                RedfishSensorKind.Fan => "ipmi_fan_speed_rpm",
                RedfishSensorKind.Voltage => "ipmi_voltage_volts",
                RedfishSensorKind.Current => "ipmi_current_amperes",
                RedfishSensorKind.Power => "ipmi_power_watts",
                _ => "ipmi_sensor_value",
            };
            var reported = series.Where(x => x.Key.StartsWith(family + "{", StringComparison.Ordinal) && x.Key.Contains($"name=\"{s.Name}\"", StringComparison.Ordinal)).ToList();
            Assert.True(reported.Count > 0, $"{mockup}: {s.Id} ({s.Name}, {s.Kind}) not reported as {family}");
            if (s.Value is { } v && s.Status.State is not (RedfishState.Absent or RedfishState.UnavailableOffline or RedfishState.Disabled))
            {
                var expected = family == "ipmi_fan_speed_ratio" ? v / 100 : v;
                Assert.Contains(reported, x => Math.Abs(x.Value - expected) < 1e-9);
            }
        }

        Assert.Equal(readings.Sensors.Length, snapshot.Sensors.Count(r => r.IsThresholdBased));
        foreach (var part in readings.Components.Where(c => c.Kind is RedfishComponentKind.PowerSupply or RedfishComponentKind.Drive))
        {
            var reading = Assert.Single(snapshot.Sensors, r => r.SourceId is not null && !r.IsThresholdBased && r.Name == part.Name && r.SensorTypeCode == (part.Kind == RedfishComponentKind.Drive ? 0x0D : 0x08));
            Assert.Equal(part.Status.Health switch { RedfishHealth.OK => SensorStatus.Ok, RedfishHealth.Warning => SensorStatus.Warning, RedfishHealth.Critical => SensorStatus.Critical, _ => SensorStatus.Unavailable }, reading.Status);
        }

        Assert.Contains(readings.Components, c => c.Kind == RedfishComponentKind.PowerSupply);
        Assert.Contains(readings.Components, c => c.Kind == RedfishComponentKind.Drive);

        // Firmware: the manager's as ipmi_bmc_info; every id label unique within its family.
        var manager = inventory.Managers.First(m => m.ManagerType == "BMC");
        Assert.Equal(manager.FirmwareVersion, snapshot.Bmc!.FirmwareRevision);
        Assert.Equal(snapshot.Sensors.Count, snapshot.Sensors.Select(r => (r.SourceId, r.Name, r.SensorTypeCode)).Distinct().Count());
        Assert.Equal(snapshot.Sensors.Count, snapshot.Sensors.Select(r => r.SourceId).Distinct().Count());

        // Every log entry of every LogService, once.
        Assert.True(entries > 0, $"{mockup} has no log entry to check");
        Assert.Equal(entries, snapshot.NewSelEvents.Count);
        Assert.Equal(entries, snapshot.NewSelEvents.Select(e => e.StableId).Distinct().Count());
        Assert.Equal(entries, snapshot.Sel!.Entries);
    }

    [Fact]
    public void Map_NoHealthGiven_StatusFromThresholds()
    {
        var thresholds = new RedfishThresholds(null, null, null, 40, 50, 60);
        RedfishSensorReading Reading(double value) => new("/redfish/v1/Chassis/1/Sensors/T", "T", RedfishSensorKind.Temperature, value, "Cel", thresholds, RedfishStatus.None, null, "1", RedfishReadingSource.Sensors);

        Assert.Equal(SensorStatus.Ok, RedfishReadingMapper.Reading(Reading(30)).Status);
        Assert.Equal(SensorStatus.Warning, RedfishReadingMapper.Reading(Reading(45)).Status);
        Assert.Equal(SensorStatus.Critical, RedfishReadingMapper.Reading(Reading(55)).Status);
        Assert.Equal(SensorStatus.NonRecoverable, RedfishReadingMapper.Reading(Reading(65)).Status);
    }

    [Fact]
    public void Map_SameIdInTwoChassis_IdsFallBackToPaths()
    {
        RedfishSensorReading Reading(string chassis) => new($"/redfish/v1/Chassis/{chassis}/Sensors/Inlet", "Inlet", RedfishSensorKind.Temperature, 20, "Cel", RedfishThresholds.None, RedfishStatus.None, null, chassis, RedfishReadingSource.Sensors);
        var readings = new RedfishReadings([Reading("1"), Reading("2"), new("/redfish/v1/Chassis/1/Thermal#/Fans/0", "Fan", RedfishSensorKind.Fan, 3000, "RPM", RedfishThresholds.None, RedfishStatus.None, null, "1", RedfishReadingSource.Thermal)], [], [], [], DateTimeOffset.UnixEpoch);

        var mapped = RedfishReadingMapper.Map(readings);

        Assert.Equal(["Chassis/1/Sensors/Inlet", "Chassis/2/Sensors/Inlet", "Fans/0"], mapped.Select(m => m.SourceId));
        Assert.Equal(SensorKind.FanSpeed, mapped[2].Kind);
    }

    private static RedfishClientOptions RedfishSessionPoolOptions(RedfishHostFixture fx) => new()
    {
        BaseUri = new Uri($"https://{fx.Fleet.RedfishEndpoints[0]}"),
        UserName = RedfishHostFixture.User,
        Password = RedfishSecret.FromString(RedfishHostFixture.Password),
        CaFile = fx.CaFile,
    };

    private static string MockupsRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var beside = Path.Combine(dir.FullName, "..", "shared", "redfish-mockups");
            if (File.Exists(Path.Combine(dir.FullName, "BmcExporter.sln")) && Directory.Exists(beside))
            {
                return Path.GetFullPath(beside);
            }
        }

        return "/work/shared/redfish-mockups";
    }
}

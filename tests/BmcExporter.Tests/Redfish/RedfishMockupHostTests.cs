using System.Globalization;
using System.Text.Json;
using BmcExporter.Collectors.Redfish;
using BmcExporter.Config;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Redfish.Model;
using BmcExporter.Redfish.Tests.Mockups;
using BmcExporter.Simulator.Redfish;
using BmcExporter.Snapshots;

namespace BmcExporter.Tests.Redfish;

/// <summary>
/// The exporter against every DMTF mockup in shared/redfish-mockups, served as-is (services it was never tuned to).
/// The expected series are computed by walking the mockup files with plain System.Text.Json (<see cref="MockupTree"/>),
/// not through the Redfish client: every temperature, fan, voltage, current and power reading, every PSU and drive
/// health, every firmware version, the intrusion sensor (or its absence) and every log entry.
/// </summary>
public sealed class RedfishMockupHostTests
{
    /// <summary>Every mockup directory there is (a tree with a service root), so a mockup added later is covered too.</summary>
    public static TheoryData<string> Mockups()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(MockupsRoot()).Where(d => File.Exists(Path.Combine(d, "index.json"))).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Mockups))]
    public async Task Scrape_DmtfMockup_EveryReadingHealthFirmwareAndLogEntryReported(string mockup)
    {
        var directory = Path.Combine(MockupsRoot(), mockup);
        await using var fx = await RedfishHostFixture.StartAsync(new RedfishServerOptions { MockupDirectory = directory });
        var module = fx.Module("redfish", ModuleProtocol.Redfish);
        var config = fx.Config(module);
        var runtime = fx.Runtime(config);

        var snapshot = await RedfishHostFixture.ScrapeAsync(runtime, fx.Target(config, module));

        Assert.Equal(ScrapeOutcome.Success, snapshot.Outcome);
        var tree = new MockupTree(directory);
        var series = RedfishHostFixture.Series(snapshot);
        var kinds = new HashSet<string>(StringComparer.Ordinal);

        // Readings: the Sensors collection of each chassis when it has members, else legacy Thermal and Power.
        var readings = ExpectedReadings(tree).ToList();
        foreach (var (name, unit, value, enabled) in readings)
        {
            var families = unit switch
            {
                "Cel" => ["ipmi_temperature_celsius"],
                "RPM" => ["ipmi_fan_speed_rpm"],
                "V" => ["ipmi_voltage_volts"],
                "A" => ["ipmi_current_amperes"],
                "W" => ["ipmi_power_watts"],
                "%" => new[] { "ipmi_fan_speed_ratio", "ipmi_sensor_value" },
                _ => ["ipmi_sensor_value"],
            };
            var reported = series.Where(x => families.Any(f => x.Key.StartsWith(f + "{", StringComparison.Ordinal)) && x.Key.Contains($"name=\"{name}\"", StringComparison.Ordinal)).ToList();
            Assert.True(reported.Count > 0, $"{mockup}: reading {name} ({unit}) not reported as {string.Join(" or ", families)}");
            kinds.UnionWith(reported.Select(x => x.Key[..x.Key.IndexOf('{', StringComparison.Ordinal)]));
            if (value is { } v && enabled)
            {
                Assert.Contains(reported, x => Math.Abs(x.Value - v) < 1e-9 || (x.Key.StartsWith("ipmi_fan_speed_ratio{", StringComparison.Ordinal) && Math.Abs(x.Value - (v / 100)) < 1e-9));
            }
        }

        Assert.Equal(readings.Count, snapshot.Sensors.Count(r => r.IsThresholdBased));
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "ipmi_temperature_celsius", "ipmi_voltage_volts", "ipmi_power_watts" }, kinds);
        Assert.True(kinds.Contains("ipmi_fan_speed_rpm") || kinds.Contains("ipmi_fan_speed_ratio"), $"{mockup}: no fan reading");

        // PSU and drive health as ipmi_sensor_state of the IPMI type names.
        var parts = ExpectedParts(tree).ToList();
        Assert.Contains(parts, p => p.Type == "Power Supply");
        Assert.Contains(parts, p => p.Type == "Drive Slot");
        foreach (var (name, type, health) in parts)
        {
            var key = $"ipmi_sensor_state{{name=\"{name}\",type=\"{type}\"}}";
            Assert.True(series.TryGetValue(key, out var state), $"{mockup}: no series {key}");
            var expected = health switch { "OK" => 0, "Warning" => 1, "Critical" => 2, _ => double.NaN };
            Assert.True(double.IsNaN(expected) ? double.IsNaN(state) : state == expected, $"{key}: {state}, expected {expected} ({health})");
        }

        // Firmware: the BMC manager's version in ipmi_bmc_info, every FirmwareInventory member in ipmi_firmware_info.
        var manager = tree.Members("/redfish/v1/Managers").Select(m => m.Resource).First(m => MockupTree.Str(m, "ManagerType") == "BMC");
        Assert.Equal(MockupTree.Str(manager, "FirmwareVersion"), snapshot.Bmc!.FirmwareRevision);
        var firmware = tree.Members(MockupTree.Link(tree["/redfish/v1/UpdateService"], "FirmwareInventory")!).ToList();
        Assert.NotEmpty(firmware);
        Assert.Equal(firmware.Count, series.Keys.Count(k => k.StartsWith("ipmi_firmware_info{", StringComparison.Ordinal)));
        foreach (var (_, f) in firmware)
        {
            Assert.Contains($"ipmi_firmware_info{{name=\"{MockupTree.Str(f, "Name")}\",version=\"{MockupTree.Str(f, "Version")}\"}}", series.Keys);
        }

        // Intrusion: reported as over IPMI when a chassis has PhysicalSecurity.IntrusionSensor, else no series at all.
        var intrusion = tree.Members("/redfish/v1/Chassis")
            .Select(c => c.Resource.TryGetProperty("PhysicalSecurity", out var ps) ? MockupTree.Str(ps, "IntrusionSensor") : null)
            .Where(s => s is not null).ToList();
        if (intrusion.Count == 0)
        {
            Assert.DoesNotContain("ipmi_chassis_intrusion_state", series.Keys);
        }
        else
        {
            Assert.Equal(intrusion.Any(s => s != "Normal") ? 1 : 0, series["ipmi_chassis_intrusion_state"]);
        }

        // System power in the DCMI families: the system PowerControl member (else EnvironmentMetrics PowerWatts) of one
        // chassis; PowerMetrics figures only where the mockup gives them.
        var dcmi = snapshot.Collectors.Single(c => c.Collector == "dcmi");
        if (ExpectedSystemPower(tree) is { } power)
        {
            Assert.True(dcmi.Success, $"{mockup}: dcmi failed: {dcmi.Error}");
            Assert.Equal(power.Watts, series["ipmi_dcmi_power_consumption_watts"]);
            void Expect(string family, double? value)
            {
                if (value is { } v)
                {
                    Assert.True(series.TryGetValue(family, out var got) && got == v, $"{mockup}: {family} {got}, expected {v}");
                }
                else
                {
                    Assert.DoesNotContain(family, series.Keys);
                }
            }

            Expect("ipmi_dcmi_power_minimum_watts", power.Min);
            Expect("ipmi_dcmi_power_maximum_watts", power.Max);
            Expect("ipmi_dcmi_power_average_watts", power.Average);
            Expect("ipmi_dcmi_power_sampling_period_seconds", power.IntervalMinutes * 60);
        }
        else
        {
            Assert.DoesNotContain(series.Keys, k => k.StartsWith("ipmi_dcmi_power_", StringComparison.Ordinal));
        }

        // Every log entry of every LogService of systems, managers and chassis, once.
        var entries = ExpectedLogEntries(tree);
        Assert.True(entries > 0, $"{mockup} has no log entry to check");
        Assert.Equal(entries, snapshot.NewSelEvents.Count);
        Assert.Equal(entries, snapshot.NewSelEvents.Select(e => e.StableId).Distinct().Count());
        Assert.Equal(entries, snapshot.Sel!.Entries);

        // Every id label unique within its family.
        Assert.Equal(snapshot.Sensors.Count, snapshot.Sensors.Select(r => r.SourceId).Distinct().Count());
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

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("Normal", null, false)]
    [InlineData("Normal", "HardwareIntrusion", true)]
    [InlineData("TamperingDetected", null, true)]
    public void Intrusion_ChassisSensors_AnyIntrusionOrNullWhenNoneReports(string? first, string? second, bool? expected)
    {
        static RedfishIntrusionSensor? Parse(string? s) => s is null ? null : Enum.Parse<RedfishIntrusionSensor>(s);
        RedfishChassisState Chassis(string id, string? sensor) => new(id, id, RedfishPowerState.On, RedfishStatus.None) { Intrusion = Parse(sensor) };
        var readings = new RedfishReadings([], [], [], [Chassis("/redfish/v1/Chassis/1", first), Chassis("/redfish/v1/Chassis/2", second)], DateTimeOffset.UnixEpoch);

        Assert.Equal(expected, RedfishChassisCollector.Intrusion(readings));
    }

    /// <summary>(Name, ReadingUnits, Reading, whether the sensor is in a state that has a value) of every reading the mockup exposes.</summary>
    private static IEnumerable<(string Name, string? Unit, double? Value, bool Enabled)> ExpectedReadings(MockupTree tree)
    {
        foreach (var (_, chassis) in tree.Members("/redfish/v1/Chassis"))
        {
            var sensors = MockupTree.Link(chassis, "Sensors") is { } link && tree.Has(link) ? tree.Members(link).ToList() : [];
            if (sensors.Count > 0)
            {
                foreach (var (_, s) in sensors)
                {
                    var unit = MockupTree.Str(s, "ReadingUnits") ?? MockupTree.Str(s, "ReadingType") switch
                    {
                        "Temperature" => "Cel", "Rotational" => "RPM", "Voltage" => "V", "Current" => "A", "Power" => "W", _ => null,
                    };
                    yield return (MockupTree.Str(s, "Name")!, unit, MockupTree.Num(s, "Reading"), Enabled(s));
                }

                continue;
            }

            if (MockupTree.Link(chassis, "Thermal") is { } thermal && tree.Has(thermal))
            {
                foreach (var t in Array(tree[thermal], "Temperatures"))
                {
                    yield return (MockupTree.Str(t, "Name")!, "Cel", MockupTree.Num(t, "ReadingCelsius"), Enabled(t));
                }

                foreach (var f in Array(tree[thermal], "Fans"))
                {
                    yield return (MockupTree.Str(f, "Name")!, MockupTree.Str(f, "ReadingUnits") == "Percent" ? "%" : "RPM", MockupTree.Num(f, "Reading"), Enabled(f));
                }
            }

            if (MockupTree.Link(chassis, "Power") is { } power && tree.Has(power))
            {
                foreach (var v in Array(tree[power], "Voltages"))
                {
                    yield return (MockupTree.Str(v, "Name")!, "V", MockupTree.Num(v, "ReadingVolts"), Enabled(v));
                }

                foreach (var c in Array(tree[power], "PowerControl"))
                {
                    yield return (MockupTree.Str(c, "Name")!, "W", MockupTree.Num(c, "PowerConsumedWatts"), Enabled(c));
                }
            }
        }
    }

    /// <summary>
    /// The system power the mockup gives, walked by hand: chassis linked to a system first, then the others; per chassis
    /// the Power.PowerControl member that is the whole (PhysicalContext Chassis, or none and a RelatedItem naming the
    /// chassis or a system), else the only member without a PhysicalContext, else the sum of the members without one,
    /// else the sum of the PowerSupply members (a sum has no min/max, and an average only over one interval); else
    /// EnvironmentMetrics PowerWatts; the first with a reading. Null when none has one. (The shipped mockups have one
    /// member, the whole; MockupPowerControlTests in the Redfish tests covers rewritten copies with several.)
    /// </summary>
    private static (double Watts, double? Min, double? Max, double? Average, double? IntervalMinutes)? ExpectedSystemPower(MockupTree tree)
    {
        var chassis = tree.Members("/redfish/v1/Chassis").ToList();
        static bool HoldsSystem(JsonElement c) => c.TryGetProperty("Links", out var l) && l.TryGetProperty("ComputerSystems", out var s) && s.GetArrayLength() > 0;
        foreach (var (uri, c) in chassis.Where(c => HoldsSystem(c.Resource)).Concat(chassis.Where(c => !HoldsSystem(c.Resource))))
        {
            if (MockupTree.Link(c, "Power") is { } power && tree.Has(power) && FromPowerControl(Array(tree[power], "PowerControl").ToList(), uri) is var (found, fromPower) && found)
            {
                if (fromPower is not null)
                {
                    return fromPower;
                }

                continue; // system power there without a reading: measurement inactive, the next chassis is tried
            }

            if (MockupTree.Link(c, "EnvironmentMetrics") is { } env && tree.Has(env)
                && tree[env].TryGetProperty("PowerWatts", out var pw) && MockupTree.Num(pw, "Reading") is { } reading)
            {
                return (reading, null, null, null, null);
            }
        }

        return null;
    }

    private static (bool Found, (double Watts, double? Min, double? Max, double? Average, double? IntervalMinutes)? Power) FromPowerControl(List<JsonElement> members, string chassis)
    {
        static string[] Related(JsonElement m) => m.TryGetProperty("RelatedItem", out var r) ? [.. r.EnumerateArray().Select(i => MockupTree.Str(i, "@odata.id")!.TrimEnd('/'))] : [];
        static double? Metric(JsonElement m, string name) => m.TryGetProperty("PowerMetrics", out var pm) && pm.ValueKind == JsonValueKind.Object ? MockupTree.Num(pm, name) : null;
        var unmarked = members.Where(m => MockupTree.Str(m, "PhysicalContext") is null).ToList();
        var whole = members.Where(m => MockupTree.Str(m, "PhysicalContext") == "Chassis"
            || (MockupTree.Str(m, "PhysicalContext") is null && Related(m).Any(r => r == chassis.TrimEnd('/') || (r.StartsWith("/redfish/v1/Systems/", StringComparison.Ordinal) && r.Count(ch => ch == '/') == 4)))).ToList();
        var parts = whole.Count > 0 ? [whole[0]]
            : unmarked.Count > 0 ? unmarked
            : members.Where(m => MockupTree.Str(m, "PhysicalContext") == "PowerSupply").ToList();
        if (parts.Count == 0 || parts.Any(m => MockupTree.Num(m, "PowerConsumedWatts") is null))
        {
            return (parts.Count > 0, null);
        }

        if (parts.Count == 1)
        {
            var m = parts[0];
            return (true, (MockupTree.Num(m, "PowerConsumedWatts")!.Value, Metric(m, "MinConsumedWatts"), Metric(m, "MaxConsumedWatts"), Metric(m, "AverageConsumedWatts"), Metric(m, "IntervalInMin")));
        }

        var sameInterval = parts.Select(m => Metric(m, "IntervalInMin")).Distinct().Count() == 1;
        double? average = sameInterval && parts.All(m => Metric(m, "AverageConsumedWatts") is not null) ? parts.Sum(m => Metric(m, "AverageConsumedWatts")!.Value) : null;
        return (true, (parts.Sum(m => MockupTree.Num(m, "PowerConsumedWatts")!.Value), null, null, average, average is null ? null : Metric(parts[0], "IntervalInMin")));
    }

    /// <summary>(Name, IPMI type name, Status.Health) of every power supply and drive.</summary>
    private static IEnumerable<(string Name, string Type, string Health)> ExpectedParts(MockupTree tree)
    {
        foreach (var (_, chassis) in tree.Members("/redfish/v1/Chassis"))
        {
            if (MockupTree.Link(chassis, "PowerSubsystem") is { } sub && MockupTree.Link(tree[sub], "PowerSupplies") is { } psus)
            {
                foreach (var (uri, psu) in tree.Members(psus))
                {
                    yield return (NameOf(psu, uri), "Power Supply", MockupTree.Health(psu));
                }
            }
            else if (MockupTree.Link(chassis, "Power") is { } power && tree.Has(power))
            {
                foreach (var psu in Array(tree[power], "PowerSupplies"))
                {
                    yield return (MockupTree.Str(psu, "Name")!, "Power Supply", MockupTree.Health(psu));
                }
            }
        }

        var drives = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, system) in tree.Members("/redfish/v1/Systems"))
        {
            if (MockupTree.Link(system, "Storage") is { } storage)
            {
                foreach (var (_, s) in tree.Members(storage))
                {
                    foreach (var d in Array(s, "Drives"))
                    {
                        var uri = d.GetProperty("@odata.id").GetString()!;
                        if (drives.Add(uri))
                        {
                            yield return (NameOf(tree[uri], uri), "Drive Slot", MockupTree.Health(tree[uri]));
                        }
                    }
                }
            }
            else if (MockupTree.Link(system, "SimpleStorage") is { } simple)
            {
                foreach (var (_, s) in tree.Members(simple))
                {
                    foreach (var device in Array(s, "Devices"))
                    {
                        yield return (MockupTree.Str(device, "Name")!, "Drive Slot", MockupTree.Health(device));
                    }
                }
            }
        }
    }

    private static int ExpectedLogEntries(MockupTree tree)
    {
        var count = 0;
        foreach (var parent in new[] { "/redfish/v1/Systems", "/redfish/v1/Managers", "/redfish/v1/Chassis" })
        {
            foreach (var (_, owner) in tree.Members(parent))
            {
                if (MockupTree.Link(owner, "LogServices") is { } logs)
                {
                    count += tree.Members(logs).Sum(s => tree.Members(MockupTree.Link(s.Resource, "Entries")!).Count());
                }
            }
        }

        return count;
    }

    /// <summary>What a resource is called on a dashboard: its Name, else its Id, else the last segment of its URI (DMTF's public-tower drives have neither).</summary>
    private static string NameOf(JsonElement e, string uri) => MockupTree.Str(e, "Name") ?? MockupTree.Str(e, "Id") ?? uri.TrimEnd('/').Split('/')[^1];

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    /// <summary>Whether the exporter gives the value: not Absent, UnavailableOffline or Disabled.</summary>
    private static bool Enabled(JsonElement e) =>
        !(e.TryGetProperty("Status", out var s) && MockupTree.Str(s, "State") is "Absent" or "UnavailableOffline" or "Disabled");

    internal static string MockupsRoot()
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

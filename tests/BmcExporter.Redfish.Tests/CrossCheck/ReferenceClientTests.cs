using System.Text.Json;
using BmcExporter.Redfish.Model;
using BmcExporter.Simulator.Redfish;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Redfish.Tests.CrossCheck;

/// <summary>
/// Debian's redfishtool and python3-sushy read the same simulated BMC (time frozen, so values hold still) and the
/// client's values must equal theirs, sensor by sensor, compared here in code. sushy 4.3 reads only the legacy
/// Thermal (temperatures, fans) and Power (power supplies) resources; redfishtool reads every Sensor and the
/// legacy voltages.
/// </summary>
public sealed class ReferenceClientTests
{
    private static FakeTimeProvider Frozen() => new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Redfishtool_EverySensorResource_SameValuesAsTheClient()
    {
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { Schema = RedfishSchema.Both }, time: Frozen());
        await using var session = RedfishSession.Create(fleet.Options());
        var readings = await new RedfishReader(session).ReadReadingsAsync(CancellationToken.None);
        var host = fleet.Fleet.RedfishEndpoints[0].ToString();

        string[] Args(string path) => ["-r", host, "-u", TestFleet.User, "-p", TestFleet.Password, "-S", "Always", "-A", "Session", "raw", "GET", path];
        using var collection = JsonDocument.Parse(await Tool.RunAsync("redfishtool", null, Args("/redfish/v1/Chassis/1/Sensors")));
        var members = collection.RootElement.GetProperty("Members").EnumerateArray().Select(m => m.GetProperty("@odata.id").GetString()!).ToList();
        Assert.Equal(readings.Sensors.Length, members.Count);
        foreach (var uri in members)
        {
            using var sensor = JsonDocument.Parse(await Tool.RunAsync("redfishtool", null, Args(uri)));
            var s = sensor.RootElement;
            var mine = Assert.Single(readings.Sensors, r => r.Id == uri);
            Assert.Equal(s.GetProperty("Name").GetString(), mine.Name);
            Assert.Equal(s.GetProperty("Reading").GetDouble(), mine.Value);
            Assert.Equal(s.GetProperty("ReadingUnits").GetString(), mine.Unit);
            Assert.Equal(s.GetProperty("Status").GetProperty("Health").GetString(), mine.Status.Health.ToString());
            var t = s.GetProperty("Thresholds");
            double? Th(string name) => t.TryGetProperty(name, out var x) ? x.GetProperty("Reading").GetDouble() : null;
            Assert.Equal(new RedfishThresholds(Th("LowerCaution"), Th("LowerCritical"), Th("LowerFatal"), Th("UpperCaution"), Th("UpperCritical"), Th("UpperFatal")), mine.Thresholds);
        }
    }

    [Fact]
    public async Task Redfishtool_LegacyThermalAndPower_SameValuesAsTheClient()
    {
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { Schema = RedfishSchema.Legacy }, time: Frozen());
        await using var session = RedfishSession.Create(fleet.Options());
        var readings = await new RedfishReader(session).ReadReadingsAsync(CancellationToken.None);
        var host = fleet.Fleet.RedfishEndpoints[0].ToString();
        var compared = 0;
        foreach (var (resource, array, property) in new[] { ("Thermal", "Temperatures", "ReadingCelsius"), ("Thermal", "Fans", "Reading"), ("Power", "Voltages", "ReadingVolts") })
        {
            using var doc = JsonDocument.Parse(await Tool.RunAsync("redfishtool", null, "-r", host, "-u", TestFleet.User, "-p", TestFleet.Password, "-S", "Always", "-A", "Basic", "Chassis", "-1", resource));
            foreach (var item in doc.RootElement.GetProperty(array).EnumerateArray())
            {
                var mine = Assert.Single(readings.Sensors, r => r.Id == item.GetProperty("@odata.id").GetString());
                Assert.Equal(item.GetProperty(property).GetDouble(), mine.Value);
                Assert.Equal(item.GetProperty("Name").GetString(), mine.Name);
                compared++;
            }
        }

        Assert.Equal(21, compared); // 7 temperatures, 6 fans, 8 voltages
    }

    [Fact]
    public async Task Redfishtool_PowerControl_SameSystemPowerAsTheClient()
    {
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { Schema = RedfishSchema.Both }, time: Frozen());
        await using var session = RedfishSession.Create(fleet.Options());
        var reader = new RedfishReader(session);
        var power = await reader.ReadSystemPowerAsync(await reader.ReadReadingsAsync(CancellationToken.None), CancellationToken.None);
        var host = fleet.Fleet.RedfishEndpoints[0].ToString();

        using var doc = JsonDocument.Parse(await Tool.RunAsync("redfishtool", null, "-r", host, "-u", TestFleet.User, "-p", TestFleet.Password, "-S", "Always", "-A", "Basic", "Chassis", "-1", "Power"));
        var control = doc.RootElement.GetProperty("PowerControl")[0];
        var metrics = control.GetProperty("PowerMetrics");

        Assert.NotNull(power);
        Assert.Equal(control.GetProperty("@odata.id").GetString(), power.Source);
        Assert.Equal(control.GetProperty("PowerConsumedWatts").GetDouble(), power.ConsumedWatts);
        Assert.Equal(metrics.GetProperty("MinConsumedWatts").GetDouble(), power.MinConsumedWatts);
        Assert.Equal(metrics.GetProperty("MaxConsumedWatts").GetDouble(), power.MaxConsumedWatts);
        Assert.Equal(metrics.GetProperty("AverageConsumedWatts").GetDouble(), power.AverageConsumedWatts);
        Assert.Equal(TimeSpan.FromMinutes(metrics.GetProperty("IntervalInMin").GetDouble()), power.Interval);
    }

    [Fact]
    public async Task Redfishtool_PowerDomains_ClientSumsTheDomainMembersRedfishtoolReads()
    {
        // No system member: three power domains (no PhysicalContext) beside the watt sensors' part members.
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { Schema = RedfishSchema.Legacy, PowerDomains = 3 }, time: Frozen());
        await using var session = RedfishSession.Create(fleet.Options());
        var reader = new RedfishReader(session);
        var power = await reader.ReadSystemPowerAsync(await reader.ReadReadingsAsync(CancellationToken.None), CancellationToken.None);
        var host = fleet.Fleet.RedfishEndpoints[0].ToString();

        using var doc = JsonDocument.Parse(await Tool.RunAsync("redfishtool", null, "-r", host, "-u", TestFleet.User, "-p", TestFleet.Password, "-S", "Always", "-A", "Basic", "Chassis", "-1", "Power"));
        var domains = doc.RootElement.GetProperty("PowerControl").EnumerateArray().Where(m => !m.TryGetProperty("PhysicalContext", out _)).ToList();

        Assert.Equal(3, domains.Count);
        Assert.NotNull(power);
        Assert.Equal(domains.Sum(d => d.GetProperty("PowerConsumedWatts").GetDouble()), power.ConsumedWatts);
        Assert.Equal(domains.Sum(d => d.GetProperty("PowerMetrics").GetProperty("AverageConsumedWatts").GetDouble()), power.AverageConsumedWatts);
        Assert.Null(power.MinConsumedWatts);
        Assert.Null(power.MaxConsumedWatts);
    }

    [Fact]
    public async Task Sushy_ThermalPsusSystemsAndManagers_SameValuesAsTheClient()
    {
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { Schema = RedfishSchema.Both }, time: Frozen());
        await using var session = RedfishSession.Create(fleet.Options());
        var reader = new RedfishReader(session);
        var readings = await reader.ReadReadingsAsync(CancellationToken.None);
        var inventory = await reader.ReadInventoryAsync(CancellationToken.None);

        const string script = """
            import json, sys, sushy
            s = sushy.Sushy(sys.argv[1], username=sys.argv[2], password=sys.argv[3], verify=sys.argv[4])
            out = {"temperatures": [], "fans": [], "psus": [], "systems": [], "managers": []}
            for c in s.get_chassis_collection().get_members():
                for t in c.thermal.temperatures:
                    out["temperatures"].append([t.name, t.reading_celsius, t.upper_threshold_critical, t.lower_threshold_critical, str(t.status.health)])
                for f in c.thermal.fans:
                    out["fans"].append([f.name, f.reading, f.lower_threshold_critical, str(f.status.health)])
                for p in c.power.power_supplies:
                    out["psus"].append([p.name, str(p.status.health)])
            for sy in s.get_system_collection().get_members():
                out["systems"].append([sy.serial_number, str(sy.power_state)])
            for m in s.get_manager_collection().get_members():
                out["managers"].append([m.firmware_version])
            print(json.dumps(out))
            """;
        var scriptFile = Path.Combine(fleet.Directory, "sushy_read.py");
        await File.WriteAllTextAsync(scriptFile, script);
        // requests prefers REQUESTS_CA_BUNDLE over the session's verify= when the variable is set: point both at our CA.
        var env = new Dictionary<string, string> { ["REQUESTS_CA_BUNDLE"] = fleet.CaFile };
        var output = await Tool.RunAsync("/usr/bin/python3", env, scriptFile, fleet.BaseUri() + "redfish/v1", TestFleet.User, TestFleet.Password, fleet.CaFile);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        RedfishSensorReading Mine(string name, RedfishSensorKind kind) => Assert.Single(readings.Sensors, r => r.Name == name && r.Kind == kind);
        static double? D(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();
        static string Health(string sushyHealth) => sushyHealth switch { "ok" or "Health.OK" => "OK", "warning" or "Health.WARNING" => "Warning", "critical" or "Health.CRITICAL" => "Critical", _ => sushyHealth };

        foreach (var t in root.GetProperty("temperatures").EnumerateArray())
        {
            var mine = Mine(t[0].GetString()!, RedfishSensorKind.Temperature);
            Assert.Equal(D(t[1]), mine.Value);
            Assert.Equal(D(t[2]), mine.Thresholds.UpperCritical);
            Assert.Equal(D(t[3]), mine.Thresholds.LowerCritical);
            Assert.Equal(Health(t[4].GetString()!), mine.Status.Health.ToString());
        }

        foreach (var f in root.GetProperty("fans").EnumerateArray())
        {
            var mine = Mine(f[0].GetString()!, RedfishSensorKind.Fan);
            Assert.Equal(D(f[1]), mine.Value);
            Assert.Equal(D(f[2]), mine.Thresholds.LowerCritical);
        }

        foreach (var p in root.GetProperty("psus").EnumerateArray())
        {
            var mine = Assert.Single(readings.Components, c => c.Kind == RedfishComponentKind.PowerSupply && c.Name == p[0].GetString());
            Assert.Equal(Health(p[1].GetString()!), mine.Status.Health.ToString());
        }

        Assert.Equal(7, root.GetProperty("temperatures").GetArrayLength());
        Assert.Equal(6, root.GetProperty("fans").GetArrayLength());
        Assert.Equal(2, root.GetProperty("psus").GetArrayLength());
        var system = root.GetProperty("systems")[0];
        Assert.Equal(system[0].GetString(), Assert.Single(inventory.Systems).SerialNumber);
        Assert.Contains(readings.Systems[0].PowerState.ToString().ToLowerInvariant(), system[1].GetString()!.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Equal(root.GetProperty("managers")[0][0].GetString(), Assert.Single(inventory.Managers).FirmwareVersion);
    }
}

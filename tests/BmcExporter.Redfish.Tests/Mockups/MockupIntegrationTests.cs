using System.Text.Json;
using BmcExporter.Redfish.Model;
using BmcExporter.Simulator.Redfish;

namespace BmcExporter.Redfish.Tests.Mockups;

/// <summary>
/// Both DMTF mockups served as-is by the simulator and read by the client; every expected value is computed from
/// the mockup files by <see cref="MockupTree"/>, not by the client's parsers.
/// </summary>
public sealed class MockupIntegrationTests
{
    public static TheoryData<string> Mockups => new() { "public-rackmount1", "public-tower" };

    private static async Task<(TestFleet Fleet, RedfishSession Session, MockupTree Tree)> StartAsync(string mockup)
    {
        var directory = Paths.Mockup(mockup);
        var fleet = await TestFleet.StartAsync(new RedfishServerOptions { MockupDirectory = directory });
        return (fleet, RedfishSession.Create(fleet.Options()), new MockupTree(directory));
    }

    [Theory]
    [MemberData(nameof(Mockups))]
    public async Task ReadReadings_Mockup_EverySensorReadingOnceWithValueAndUnit(string mockup)
    {
        var (fleet, session, tree) = await StartAsync(mockup);
        await using var _ = fleet;
        await using var __ = session;
        var readings = await new RedfishReader(session).ReadReadingsAsync(CancellationToken.None);

        var expected = 0;
        foreach (var (chassisUri, chassis) in tree.Members("/redfish/v1/Chassis"))
        {
            // PhysicalSecurity.IntrusionSensor as the file gives it (neither mockup has one: null).
            var intrusion = chassis.TryGetProperty("PhysicalSecurity", out var ps) ? MockupTree.Str(ps, "IntrusionSensor") : null;
            Assert.Equal(intrusion, Assert.Single(readings.Chassis, c => c.Id == chassisUri).Intrusion?.ToString());

            var sensors = MockupTree.Link(chassis, "Sensors");
            Assert.NotNull(sensors); // both mockups offer Sensors, so it is the source of every reading
            foreach (var (uri, sensor) in tree.Members(sensors!))
            {
                var got = Assert.Single(readings.Sensors, r => r.Id == uri);
                Assert.Equal(MockupTree.Num(sensor, "Reading"), got.Value);
                Assert.Equal(MockupTree.Str(sensor, "ReadingUnits"), got.Unit);
                Assert.Equal(MockupTree.Str(sensor, "Name"), got.Name);
                Assert.Equal(MockupTree.Health(sensor), got.Status.Health.ToString());
                expected++;
            }

            // Legacy Thermal/Power describe the same sensors again: they must not be counted a second time.
            Assert.DoesNotContain(readings.Sensors, r => r.Source != RedfishReadingSource.Sensors);
            foreach (var array in new[] { "Temperatures", "Fans" })
            {
                if (MockupTree.Link(chassis, "Thermal") is { } thermal)
                {
                    foreach (var t in tree[thermal].GetProperty(array).EnumerateArray())
                    {
                        Assert.DoesNotContain(readings.Sensors, r => r.Id == t.GetProperty("@odata.id").GetString());
                    }
                }
            }
        }

        Assert.Equal(expected, readings.Sensors.Length);
        Assert.Contains(readings.Sensors, r => r.Kind == RedfishSensorKind.Temperature);
        Assert.Contains(readings.Sensors, r => r.Kind == RedfishSensorKind.Fan);
        Assert.Contains(readings.Sensors, r => r.Kind == RedfishSensorKind.Voltage);
        Assert.Contains(readings.Sensors, r => r.Kind == RedfishSensorKind.Power);
    }

    [Theory]
    [MemberData(nameof(Mockups))]
    public async Task ReadReadings_Mockup_PsuFanDriveProcessorMemoryHealth(string mockup)
    {
        var (fleet, session, tree) = await StartAsync(mockup);
        await using var _ = fleet;
        await using var __ = session;
        var readings = await new RedfishReader(session).ReadReadingsAsync(CancellationToken.None);

        void Expect(string uri, JsonElement resource, RedfishComponentKind kind)
        {
            var got = Assert.Single(readings.Components, c => c.Id == uri);
            Assert.Equal(kind, got.Kind);
            Assert.Equal(MockupTree.Health(resource), got.Status.Health.ToString());
        }

        var count = 0;
        foreach (var (_, chassis) in tree.Members("/redfish/v1/Chassis"))
        {
            var psus = MockupTree.Link(tree[MockupTree.Link(chassis, "PowerSubsystem")!], "PowerSupplies")!;
            foreach (var (uri, psu) in tree.Members(psus))
            {
                Expect(uri, psu, RedfishComponentKind.PowerSupply);
                count++;
            }

            var fans = MockupTree.Link(tree[MockupTree.Link(chassis, "ThermalSubsystem")!], "Fans")!;
            foreach (var (uri, fan) in tree.Members(fans))
            {
                Expect(uri, fan, RedfishComponentKind.Fan);
                count++;
            }
        }

        foreach (var (systemUri, system) in tree.Members("/redfish/v1/Systems"))
        {
            Assert.Equal(MockupTree.Str(system, "PowerState"), Assert.Single(readings.Systems, s => s.Id == systemUri).PowerState.ToString());
            foreach (var (uri, p) in tree.Members(MockupTree.Link(system, "Processors")!))
            {
                Expect(uri, p, RedfishComponentKind.Processor);
                count++;
            }

            foreach (var (uri, m) in tree.Members(MockupTree.Link(system, "Memory")!))
            {
                Expect(uri, m, RedfishComponentKind.Memory);
                count++;
            }

            if (MockupTree.Link(system, "Storage") is { } storage)
            {
                foreach (var (_, s) in tree.Members(storage))
                {
                    foreach (var d in s.TryGetProperty("Drives", out var drives) ? drives.EnumerateArray() : default)
                    {
                        var uri = d.GetProperty("@odata.id").GetString()!;
                        Expect(uri, tree[uri], RedfishComponentKind.Drive);
                        count++;
                    }
                }
            }
            else if (MockupTree.Link(system, "SimpleStorage") is { } simple)
            {
                foreach (var (uri, s) in tree.Members(simple))
                {
                    var i = 0;
                    foreach (var device in s.GetProperty("Devices").EnumerateArray())
                    {
                        Expect($"{uri}#/Devices/{i++}", device, RedfishComponentKind.Drive);
                        count++;
                    }
                }
            }
        }

        Assert.True(count >= 10, $"only {count} parts compared");
        Assert.Contains(readings.Components, c => c.Kind == RedfishComponentKind.Drive);
        Assert.Contains(readings.Components, c => c.Status.Health == RedfishHealth.Warning);
    }

    [Theory]
    [MemberData(nameof(Mockups))]
    public async Task ReadInventory_Mockup_FirmwareVersionsAndManagerIdentity(string mockup)
    {
        var (fleet, session, tree) = await StartAsync(mockup);
        await using var _ = fleet;
        await using var __ = session;
        var inventory = await new RedfishReader(session).ReadInventoryAsync(CancellationToken.None);

        var firmware = tree.Members(MockupTree.Link(tree["/redfish/v1/UpdateService"], "FirmwareInventory")!).ToList();
        Assert.Equal(firmware.Count, inventory.Firmware.Length);
        foreach (var (uri, f) in firmware)
        {
            Assert.Equal(MockupTree.Str(f, "Version"), Assert.Single(inventory.Firmware, x => x.Id == uri).Version);
        }

        foreach (var (uri, m) in tree.Members("/redfish/v1/Managers"))
        {
            var got = Assert.Single(inventory.Managers, x => x.Id == uri);
            Assert.Equal(MockupTree.Str(m, "FirmwareVersion"), got.FirmwareVersion);
            Assert.Equal(MockupTree.Str(m, "Model"), got.Model);
        }

        foreach (var (uri, s) in tree.Members("/redfish/v1/Systems"))
        {
            var got = Assert.Single(inventory.Systems, x => x.Id == uri);
            Assert.Equal(MockupTree.Str(s, "SerialNumber"), got.SerialNumber);
            Assert.Equal(MockupTree.Str(s, "BiosVersion"), got.BiosVersion);
        }

        Assert.Equal(MockupTree.Str(tree["/redfish/v1"], "RedfishVersion"), inventory.Service.RedfishVersion);
    }

    [Theory]
    [MemberData(nameof(Mockups))]
    public async Task ReadLog_Mockup_EveryLogEntryOfEveryLogService(string mockup)
    {
        var (fleet, session, tree) = await StartAsync(mockup);
        await using var _ = fleet;
        await using var __ = session;
        var reader = new RedfishReader(session);
        var services = await reader.ReadLogServicesAsync(CancellationToken.None);

        var expected = 0;
        foreach (var parent in new[] { "/redfish/v1/Systems", "/redfish/v1/Managers", "/redfish/v1/Chassis" })
        {
            foreach (var (_, owner) in tree.Members(parent))
            {
                if (MockupTree.Link(owner, "LogServices") is not { } logs)
                {
                    continue;
                }

                foreach (var (serviceUri, service) in tree.Members(logs))
                {
                    var found = Assert.Single(services, s => s.Uri == serviceUri);
                    var read = await reader.ReadLogAsync(found, null, CancellationToken.None);
                    var entries = tree.Members(MockupTree.Link(service, "Entries")!).ToList();
                    Assert.Equal(entries.Count, read.NewEntries.Length);
                    foreach (var (uri, e) in entries)
                    {
                        var got = Assert.Single(read.NewEntries, x => x.Uri == uri);
                        Assert.Equal(MockupTree.Str(e, "Message"), got.Message);
                        Assert.Equal(MockupTree.Str(e, "MessageId"), got.MessageId);
                        Assert.Equal(DateTimeOffset.Parse(MockupTree.Str(e, "Created")!, System.Globalization.CultureInfo.InvariantCulture), got.Created);
                        Assert.Equal(MockupTree.Str(e, "Severity"), got.Severity.ToString());
                        expected++;
                    }
                }
            }
        }

        Assert.True(expected >= 3, $"only {expected} entries compared");
    }
}

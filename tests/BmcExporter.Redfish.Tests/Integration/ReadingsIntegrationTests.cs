using BmcExporter.Redfish.Model;
using BmcExporter.Simulator.Redfish;

namespace BmcExporter.Redfish.Tests.Integration;

/// <summary>The client against the simulator over real HTTPS, trusted through the simulator's CA file.</summary>
public sealed class ReadingsIntegrationTests
{
    [Theory]
    [InlineData(RedfishSchema.Both, RedfishReadingSource.Sensors)]
    [InlineData(RedfishSchema.Modern, RedfishReadingSource.Sensors)]
    [InlineData(RedfishSchema.Legacy, RedfishReadingSource.Thermal)]
    public async Task ReadReadings_EachSchema_EverySensorOnceFromOneSource(RedfishSchema schema, RedfishReadingSource expected)
    {
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { Schema = schema });
        await using var session = RedfishSession.Create(fleet.Options());
        var readings = await new RedfishReader(session).ReadReadingsAsync(CancellationToken.None);

        Assert.Equal(readings.Sensors.Length, readings.Sensors.Select(s => s.Id).Distinct().Count());
        Assert.Equal(readings.Sensors.Length, readings.Sensors.Select(s => s.Name).Distinct().Count());
        if (expected == RedfishReadingSource.Sensors)
        {
            Assert.All(readings.Sensors, s => Assert.Equal(RedfishReadingSource.Sensors, s.Source));
            Assert.Equal(27, readings.Sensors.Length); // typical-1u: 27 analog sensors with a Redfish unit
        }
        else
        {
            Assert.DoesNotContain(readings.Sensors, s => s.Source == RedfishReadingSource.Sensors);
            Assert.Contains(readings.Sensors, s => s.Source == RedfishReadingSource.Power);
        }

        var inlet = Assert.Single(readings.Sensors, s => s.Name == "Inlet Temp");
        Assert.Equal(RedfishSensorKind.Temperature, inlet.Kind);
        Assert.Equal("Cel", inlet.Unit);
        Assert.Equal(new RedfishThresholds(5, 3, null, 38, 42, 47), inlet.Thresholds);
        Assert.Equal(RedfishHealth.OK, inlet.Status.Health);
        var fan = Assert.Single(readings.Sensors, s => s.Name == "FAN1");
        Assert.Equal(RedfishSensorKind.Fan, fan.Kind);
        Assert.Equal("RPM", fan.Unit);

        Assert.Equal(2, readings.Components.Count(c => c.Kind == RedfishComponentKind.PowerSupply));
        var system = Assert.Single(readings.Systems);
        Assert.Equal(RedfishPowerState.On, system.PowerState);
        Assert.Equal(4, readings.Components.Count(c => c.Kind == RedfishComponentKind.Drive));
        Assert.Equal(2, readings.Components.Count(c => c.Kind == RedfishComponentKind.Processor));
        Assert.Single(readings.Components, c => c.Kind == RedfishComponentKind.Memory);
    }

    [Fact]
    public async Task ReadReadings_LegacyAndModern_SameValuesByName()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await using var legacyFleet = await TestFleet.StartAsync(new RedfishServerOptions { Schema = RedfishSchema.Legacy }, time: time);
        await using var modernFleet = await TestFleet.StartAsync(new RedfishServerOptions { Schema = RedfishSchema.Modern }, time: time);
        await using var legacySession = RedfishSession.Create(legacyFleet.Options());
        await using var modernSession = RedfishSession.Create(modernFleet.Options());
        var legacy = await new RedfishReader(legacySession).ReadReadingsAsync(CancellationToken.None);
        var modern = await new RedfishReader(modernSession).ReadReadingsAsync(CancellationToken.None);

        var byName = modern.Sensors.ToDictionary(s => s.Name);
        var compared = 0;
        foreach (var l in legacy.Sensors.Where(s => s.Kind is RedfishSensorKind.Temperature or RedfishSensorKind.Fan or RedfishSensorKind.Voltage))
        {
            var m = byName[l.Name];
            Assert.Equal(m.Value, l.Value);
            Assert.Equal(m.Unit, l.Unit);
            Assert.Equal(m.Thresholds, l.Thresholds);
            compared++;
        }

        Assert.Equal(legacy.Sensors.Count(s => s.Kind is RedfishSensorKind.Temperature or RedfishSensorKind.Fan or RedfishSensorKind.Voltage), compared);
        Assert.True(compared >= 20, $"only {compared} sensors compared");
    }

    [Fact]
    public async Task ReadInventory_Simulator_IdentityAndFirmwareFromTheProfile()
    {
        await using var fleet = await TestFleet.StartAsync();
        await using var session = RedfishSession.Create(fleet.Options());
        var inventory = await new RedfishReader(session).ReadInventoryAsync(CancellationToken.None);

        var chassis = Assert.Single(inventory.Chassis);
        Assert.Equal("CH00000", chassis.SerialNumber);
        Assert.Equal("CH-1U-0042", chassis.PartNumber);
        var system = Assert.Single(inventory.Systems);
        Assert.Equal("SN00000", system.SerialNumber);
        Assert.Equal("Simulated Systems", system.Manufacturer);
        var manager = Assert.Single(inventory.Managers);
        Assert.Equal("2.45", manager.FirmwareVersion);
        Assert.Equal("2.45", Assert.Single(inventory.Firmware).Version);
        Assert.Equal("1.17.0", inventory.Service.RedfishVersion);
    }

    [Fact]
    public async Task ReadReadings_SteadyScrape_ReadsOnlyReadings()
    {
        await using var fleet = await TestFleet.StartAsync();
        await using var session = RedfishSession.Create(fleet.Options());
        var reader = new RedfishReader(session);
        await reader.ReadInventoryAsync(CancellationToken.None);
        var first = await reader.ReadReadingsAsync(CancellationToken.None);
        var steady = await reader.ReadReadingsAsync(CancellationToken.None);
        var again = await reader.ReadReadingsAsync(CancellationToken.None);

        // Chassis, Sensors, PowerSupplies, Fans, Systems, Processors, Memory, Storage: one expanded GET each.
        Assert.Equal(8, steady.Requests);
        Assert.Equal(8, again.Requests);
        Assert.True(first.Requests > steady.Requests, $"first {first.Requests}, steady {steady.Requests}");
        Assert.Equal(first.Sensors.Length, steady.Sensors.Length);
        Assert.Equal(1, session.Statistics.Logins);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task ReadReadings_WithoutExpand_OneGetPerMember(bool serverExpands, bool clientUsesExpand)
    {
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { Expand = serverExpands });
        await using var session = RedfishSession.Create(fleet.Options() with { UseExpand = clientUsesExpand });
        var reader = new RedfishReader(session);
        await reader.ReadReadingsAsync(CancellationToken.None);
        var steady = await reader.ReadReadingsAsync(CancellationToken.None);

        // Collections are static; every member is a reading: 1 chassis + 27 sensors + 2 PSUs + 6 fans + 1 system
        // + 2 processors + 1 memory + 1 storage + 4 drives.
        Assert.Equal(45, steady.Requests);
        Assert.Equal(27, steady.Sensors.Length);
    }

    [Fact]
    public async Task ReadReadings_ServerWithoutConditionalGet_FullBodiesEveryTime()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { ConditionalGet = false }, time: time);
        await using var session = RedfishSession.Create(fleet.Options());
        var reader = new RedfishReader(session);
        await reader.ReadReadingsAsync(CancellationToken.None);
        var steady = await reader.ReadReadingsAsync(CancellationToken.None);
        Assert.Equal(8, steady.Requests);
        Assert.Equal(0, session.Statistics.NotModified);
    }

    [Fact]
    public async Task ReadInventory_StaticRefreshInterval_CachedThenRevalidated()
    {
        var clientTime = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await using var fleet = await TestFleet.StartAsync();
        await using var session = RedfishSession.Create(fleet.Options() with { TimeProvider = clientTime, StaticRefreshInterval = TimeSpan.FromMinutes(10) });
        var reader = new RedfishReader(session);
        await reader.ReadInventoryAsync(CancellationToken.None);
        var gets = session.Statistics.Gets;
        await reader.ReadInventoryAsync(CancellationToken.None);
        Assert.Equal(gets, session.Statistics.Gets); // everything static came from the cache
        Assert.True(session.Statistics.CacheHits > 0);

        clientTime.Advance(TimeSpan.FromMinutes(11));
        var inventory = await reader.ReadInventoryAsync(CancellationToken.None);
        Assert.True(session.Statistics.Gets > gets); // revalidated after the interval
        Assert.Equal(session.Statistics.Gets - gets, session.Statistics.NotModified); // unchanged: all 304
        Assert.Equal("2.45", inventory.Managers[0].FirmwareVersion);
    }

    [Fact]
    public async Task ReadReadings_ETagUnchanged_NotModifiedReusesCopy()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await using var fleet = await TestFleet.StartAsync(time: time);
        await using var session = RedfishSession.Create(fleet.Options());
        var reader = new RedfishReader(session);
        var first = await reader.ReadReadingsAsync(CancellationToken.None);
        var second = await reader.ReadReadingsAsync(CancellationToken.None);

        // Frozen time: nothing changed, so every reading GET was answered 304 and the cached copy reused.
        Assert.Equal(second.Requests, session.Statistics.NotModified);
        Assert.Equal(first.Sensors.Length, second.Sensors.Length);
        for (var i = 0; i < first.Sensors.Length; i++)
        {
            Assert.Equal(first.Sensors[i], second.Sensors[i]);
        }
    }
}

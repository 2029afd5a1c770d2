using System.Collections.Immutable;
using BmcExporter.Redfish.Model;
using BmcExporter.Simulator.Redfish;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Redfish.Tests.Integration;

/// <summary>
/// System power (DCMI's meaning) from the simulator over real HTTPS in each schema, and the choice of one chassis among
/// several. The simulator serves the figures DCMI Get Power Reading answers (its PowerModel) in PowerControl and
/// EnvironmentMetrics alike, so the three schemas must agree at one frozen instant.
/// </summary>
public sealed class SystemPowerIntegrationTests
{
    [Fact]
    public async Task ReadSystemPower_EachSchema_SameWattsFromOneSourceWithoutRereadingPower()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await using var legacyFleet = await TestFleet.StartAsync(new RedfishServerOptions { Schema = RedfishSchema.Legacy }, time: time);
        await using var bothFleet = await TestFleet.StartAsync(new RedfishServerOptions { Schema = RedfishSchema.Both }, time: time);
        await using var modernFleet = await TestFleet.StartAsync(new RedfishServerOptions { Schema = RedfishSchema.Modern }, time: time);
        time.Advance(TimeSpan.FromMinutes(7)); // frozen from here on: every fleet at the same instant

        var (legacy, legacyGets) = await ReadAsync(legacyFleet);
        var (both, bothGets) = await ReadAsync(bothFleet);
        var (modern, modernGets) = await ReadAsync(modernFleet);

        // Legacy: the readings already fetched Power (no Sensors), so system power costs no GET.
        Assert.NotNull(legacy);
        Assert.Equal("/redfish/v1/Chassis/1/Power#/PowerControl/0", legacy.Source);
        Assert.Equal(0, legacyGets);
        Assert.NotNull(legacy.ConsumedWatts);
        Assert.InRange(legacy.MinConsumedWatts!.Value, 0, legacy.MaxConsumedWatts!.Value);
        Assert.InRange(legacy.AverageConsumedWatts!.Value, legacy.MinConsumedWatts.Value, legacy.MaxConsumedWatts.Value);
        Assert.Equal(TimeSpan.FromMinutes(1), legacy.Interval);

        // Both: readings come from Sensors, so Power is one GET, with the same figures.
        Assert.Equal(legacy, both);
        Assert.Equal(1, bothGets);

        // Modern: no Power resource; EnvironmentMetrics PowerWatts gives the reading only (one GET).
        Assert.NotNull(modern);
        Assert.Equal("/redfish/v1/Chassis/1/EnvironmentMetrics#/PowerWatts", modern.Source);
        Assert.Equal(legacy.ConsumedWatts, modern.ConsumedWatts);
        Assert.Null(modern.MinConsumedWatts);
        Assert.Null(modern.Interval);
        Assert.Equal(1, modernGets);
    }

    [Theory]
    [InlineData(RedfishSchema.Legacy, 0)]
    [InlineData(RedfishSchema.Both, 1)]
    public async Task ReadSystemPower_PowerSplitOverDomains_SumEqualsTheSystemMember(RedfishSchema schema, long expectedGets)
    {
        // Same BMC at one frozen instant: one system PowerControl member, or three power-domain members adding up to it
        // (beside the watt sensors' PowerSupply/CPU/PowerSubsystem members, which must not be added).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await using var whole = await TestFleet.StartAsync(new RedfishServerOptions { Schema = schema }, time: time);
        await using var split = await TestFleet.StartAsync(new RedfishServerOptions { Schema = schema, PowerDomains = 3 }, time: time);
        time.Advance(TimeSpan.FromMinutes(7));

        var (system, _) = await ReadAsync(whole);
        var (domains, gets) = await ReadAsync(split);

        Assert.NotNull(system);
        Assert.NotNull(domains);
        Assert.Equal("/redfish/v1/Chassis/1/Power#/PowerControl/0,1,2", domains.Source);
        Assert.Equal("Power Domain 1 + Power Domain 2 + Power Domain 3", domains.Name);
        Assert.Equal(system.ConsumedWatts, domains.ConsumedWatts);
        Assert.Equal(system.AverageConsumedWatts, domains.AverageConsumedWatts);
        Assert.Equal(system.Interval, domains.Interval);
        Assert.Null(domains.MinConsumedWatts);
        Assert.Null(domains.MaxConsumedWatts);
        Assert.Equal(expectedGets, gets);
    }

    [Theory]
    [InlineData(new[] { 500.0, 300.0 }, new[] { false, true }, 300.0)]      // the chassis holding the system first
    [InlineData(new[] { 500.0, 300.0 }, new[] { true, true }, 500.0)]       // then listing order
    [InlineData(new[] { -1.0, 300.0 }, new[] { true, true }, 300.0)]        // a member without a reading gives way
    [InlineData(new[] { -1.0, -2.0 }, new[] { true, true }, -1.0)]          // none has one: the first, inactive
    public async Task ReadSystemPower_SeveralChassis_OneChassisCounts(double[] watts, bool[] holdsSystem, double expected)
    {
        // Negative = a system member without PowerConsumedWatts; its Name says which. Every Power was read with the readings: no GET.
        var chassis = watts.Select((w, i) => new RedfishChassisState($"/redfish/v1/Chassis/{i}", $"C{i}", RedfishPowerState.On, RedfishStatus.None)
        {
            HoldsSystem = holdsSystem[i],
            PowerUri = $"/redfish/v1/Chassis/{i}/Power",
            PowerRead = true,
            LegacyPower = new RedfishSystemPower($"/redfish/v1/Chassis/{i}/Power#/PowerControl/0", w.ToString(System.Globalization.CultureInfo.InvariantCulture), w < 0 ? null : w, null, null, null, null),
        }).ToImmutableArray();
        await using var session = RedfishSession.Create(new RedfishClientOptions { BaseUri = new Uri("https://127.0.0.1:1"), UserName = "u", Password = RedfishSecret.FromString("p"), Insecure = true });

        var power = await new RedfishReader(session).ReadSystemPowerAsync(new RedfishReadings([], [], [], chassis, DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.NotNull(power);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), power.Name);
        Assert.Equal(0, session.Statistics.Gets);
    }

    [Fact]
    public async Task ReadSystemPower_NoChassisOffersPower_Null()
    {
        var chassis = ImmutableArray.Create(new RedfishChassisState("/redfish/v1/Chassis/1", "1", RedfishPowerState.On, RedfishStatus.None) { HoldsSystem = true });
        await using var session = RedfishSession.Create(new RedfishClientOptions { BaseUri = new Uri("https://127.0.0.1:1"), UserName = "u", Password = RedfishSecret.FromString("p"), Insecure = true });

        Assert.Null(await new RedfishReader(session).ReadSystemPowerAsync(new RedfishReadings([], [], [], chassis, DateTimeOffset.UnixEpoch), CancellationToken.None));
        Assert.Equal(0, session.Statistics.Gets);
    }

    private static async Task<(RedfishSystemPower? Power, long Gets)> ReadAsync(TestFleet fleet)
    {
        await using var session = RedfishSession.Create(fleet.Options());
        var reader = new RedfishReader(session);
        var readings = await reader.ReadReadingsAsync(CancellationToken.None);
        var before = session.Statistics.Gets;
        var power = await reader.ReadSystemPowerAsync(readings, CancellationToken.None);
        return (power, session.Statistics.Gets - before);
    }
}

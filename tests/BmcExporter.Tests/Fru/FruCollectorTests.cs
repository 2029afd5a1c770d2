using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Simulator.Profiles;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Tests.Fru;

/// <summary>The fru collector over a real session to the simulator's gpu-dense profile: every FRU locator's device.</summary>
public sealed class FruCollectorTests
{
    private static readonly FruDefinition[] Expected = ExpectedDevices();

    [Fact]
    public async Task CollectAsync_AfterSensorsWalk_EveryPresentLocatorDeviceWithItsOwnData()
    {
        await using var scrape = await FruScrape.StartAsync("gpu-dense", CollectorKind.Sensors, CollectorKind.Fru);
        await scrape.RunAsync(new SensorsCollector());

        var (snapshot, error) = await scrape.RunAsync(new FruCollector());

        Assert.Null(error);
        AssertDevices(snapshot.Fru);
        Assert.Equal(1, scrape.Channel.AreaInfoRequests(3)); // asked, answered "not present", left out
    }

    [Fact]
    public async Task CollectAsync_ModuleWithoutSensors_WalksTheSdrItselfAndFindsTheSameDevices()
    {
        await using var scrape = await FruScrape.StartAsync("gpu-dense", CollectorKind.Fru);

        var (snapshot, error) = await scrape.RunAsync(new FruCollector());

        Assert.Null(error);
        AssertDevices(snapshot.Fru);
        Assert.Null(scrape.State.GetSdrCache(scrape.Target.Key)); // its own walk, not the sensors collector's cache
    }

    [Fact]
    public async Task CollectAsync_WithinCachePeriod_NoFruCommandThenEveryDeviceAgainAfterIt()
    {
        await using var scrape = await FruScrape.StartAsync("gpu-dense", CollectorKind.Sensors, CollectorKind.Fru);
        await scrape.RunAsync(new SensorsCollector());
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var collector = new FruCollector();
        await scrape.RunAsync(collector, clock);
        var first = scrape.Channel.TotalAreaInfoRequests;

        clock.Advance(TimeSpan.FromMinutes(59));
        var (cached, cachedError) = await scrape.RunAsync(collector, clock);
        var afterCached = scrape.Channel.TotalAreaInfoRequests;
        clock.Advance(TimeSpan.FromMinutes(2));
        await scrape.RunAsync(collector, clock);

        Assert.Equal(4, first); // FRU 0-3
        Assert.Null(cachedError);
        AssertDevices(cached.Fru);
        Assert.Equal(first, afterCached);
        Assert.Equal(2 * first, scrape.Channel.TotalAreaInfoRequests);
    }

    [Fact]
    public async Task CollectAsync_OneDeviceFails_OthersPublishedPartialAndOnlyItAskedAgain()
    {
        await using var scrape = await FruScrape.StartAsync("gpu-dense", CollectorKind.Sensors, CollectorKind.Fru);
        await scrape.RunAsync(new SensorsCollector());
        scrape.Channel.FailRead[2] = 0xFF;
        var collector = new FruCollector();

        var (snapshot, error) = await scrape.RunAsync(collector);
        scrape.Channel.FailRead.Clear();
        var (again, againError) = await scrape.RunAsync(collector);

        var partial = Assert.IsType<CollectorPartialException>(error);
        Assert.Contains("FRU device 2 (PSU FRU)", partial.Message, StringComparison.Ordinal);
        Assert.Contains("0xFF", partial.Message, StringComparison.Ordinal);
        Assert.Equal([0, 1], snapshot.Fru.Select(f => (int)f.DeviceId));
        Assert.Null(againError);
        AssertDevices(again.Fru);
        Assert.Equal(1, scrape.Channel.AreaInfoRequests(0));
        Assert.Equal(1, scrape.Channel.AreaInfoRequests(1));
        Assert.Equal(2, scrape.Channel.AreaInfoRequests(2));
        Assert.Equal(1, scrape.Channel.AreaInfoRequests(3));
    }

    [Fact]
    public async Task CollectAsync_EveryDeviceNotPresent_UnsupportedAndAskedAgainNextTime()
    {
        await using var scrape = await FruScrape.StartAsync("gpu-dense", CollectorKind.Sensors, CollectorKind.Fru);
        await scrape.RunAsync(new SensorsCollector());
        scrape.Channel.FailAll = 0xCB;
        var collector = new FruCollector();

        var (snapshot, error) = await scrape.RunAsync(collector);
        scrape.Channel.FailAll = null;
        var (again, againError) = await scrape.RunAsync(collector);

        var unsupported = Assert.IsType<CollectorUnsupportedException>(error);
        Assert.Contains("FRU device 0", unsupported.Message, StringComparison.Ordinal);
        Assert.Contains("0xCB", unsupported.Message, StringComparison.Ordinal);
        Assert.Empty(snapshot.Fru);
        Assert.Null(againError);
        AssertDevices(again.Fru);
    }

    [Fact]
    public async Task CollectAsync_BeforeAnySdrWalk_Fru0OnlyAndPartial()
    {
        await using var scrape = await FruScrape.StartAsync("gpu-dense", CollectorKind.Fru, CollectorKind.Sensors);

        var (snapshot, error) = await scrape.RunAsync(new FruCollector());

        var partial = Assert.IsType<CollectorPartialException>(error);
        Assert.Contains("SDR repository not read yet", partial.Message, StringComparison.Ordinal);
        Assert.Equal(FruDevices.BuiltinName, Assert.Single(snapshot.Fru).Name);
    }

    private static void AssertDevices(IReadOnlyList<FruSample> fru)
    {
        Assert.Equal([(0, FruDevices.BuiltinName), (1, "GPU Baseboard"), (2, "PSU FRU")], fru.Select(f => ((int)f.DeviceId, f.Name)));
        for (var i = 0; i < Expected.Length; i++)
        {
            var d = Expected[i];
            Assert.Equal(FruDefinition.Expand(d.BoardSerial, 0), fru[i].BoardSerial);
            Assert.Equal(d.BoardProduct, fru[i].BoardProduct);
            Assert.Equal(d.BoardManufacturer, fru[i].BoardManufacturer);
            Assert.Equal(d.ProductName, fru[i].ProductName);
            Assert.Equal(FruDefinition.Expand(d.ProductSerial, 0), fru[i].ProductSerial);
        }
    }

    private static FruDefinition[] ExpectedDevices()
    {
        var profile = ProfileLoader.LoadShipped("gpu-dense");
        return [profile.Fru, .. profile.Locators.Where(l => !l.IsMc && l.Present).Select(l => l.Fru!)];
    }
}

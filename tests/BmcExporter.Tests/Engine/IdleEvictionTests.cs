using BmcExporter.Engine;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Tests.Engine;

public sealed class IdleEvictionTests
{
    [Fact]
    public async Task EvictIdleAsync_OnDemandTargetUnrequested_ForgottenWithSessionAndStats()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var scraper = new ScriptedScraper(ScriptedScraper.AllSucceed);
        var store = new SnapshotStore();
        var stats = new TargetStatsRegistry();
        await using var coordinator = TestTargets.Coordinator(scraper, time, store: store, stats: stats);
        var idle = TestTargets.Target("10.0.0.1");
        var busy = TestTargets.Target("10.0.0.2");
        await coordinator.ScrapeAsync(idle, TimeSpan.FromSeconds(5), CancellationToken.None);
        await coordinator.ScrapeAsync(busy, TimeSpan.FromSeconds(5), CancellationToken.None);
        stats.For(idle.Key).RecordCommand(failed: false);

        time.Advance(TimeSpan.FromMinutes(10));
        await coordinator.ScrapeAsync(busy, TimeSpan.FromSeconds(5), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(6));
        var evicted = await coordinator.EvictIdleAsync(_ => false, TimeSpan.FromMinutes(15));

        Assert.Equal([idle.Key], evicted);
        Assert.Equal([idle.Key], scraper.Forgotten);
        Assert.DoesNotContain(stats.All, kv => kv.Key == idle.Key);
        Assert.Contains(stats.All, kv => kv.Key == busy.Key);
    }

    [Fact]
    public async Task EvictIdleAsync_TargetOnBackgroundSchedule_NeverEvicted()
    {
        var time = new FakeTimeProvider();
        var scraper = new ScriptedScraper(ScriptedScraper.AllSucceed);
        await using var coordinator = TestTargets.Coordinator(scraper, time);
        var target = TestTargets.Target("10.0.0.3");
        await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None);

        time.Advance(TimeSpan.FromHours(2));
        var evicted = await coordinator.EvictIdleAsync(key => key == target.Key, TimeSpan.FromMinutes(15));

        Assert.Empty(evicted);
        Assert.Empty(scraper.Forgotten);
    }

    [Fact]
    public async Task EvictIdleAsync_RequestedWithinIdleTimeout_Kept()
    {
        var time = new FakeTimeProvider();
        var scraper = new ScriptedScraper(ScriptedScraper.AllSucceed);
        await using var coordinator = TestTargets.Coordinator(scraper, time);
        var target = TestTargets.Target("10.0.0.4");
        await coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(14));
        var evicted = await coordinator.EvictIdleAsync(_ => false, TimeSpan.FromMinutes(15));

        Assert.Empty(evicted);
        Assert.Empty(scraper.Forgotten);
    }
}

using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using BmcExporter.State;
using BmcExporter.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.Engine;

public sealed class TargetScraperTests
{
    [Fact]
    public async Task ScrapeAsync_SessionLostOnce_RetriesOnANewSessionAndCountsIt()
    {
        var sessions = new CountingSessions();
        var failures = 1;
        var collector = new DelegateCollector(CollectorKind.Sensors, _ =>
        {
            if (failures-- > 0)
            {
                throw new IpmiSessionLostException("10.0.0.1:623", "session lost: no answer after 3 retransmits");
            }

            return Task.CompletedTask;
        });
        var (scraper, stats) = Create(sessions, collector);
        var target = TestTargets.Target("10.0.0.1", module: TestTargets.Module(CollectorKind.Sensors));
        var builder = new SnapshotBuilder(target.Key, "default", target.Labels, target.CollectorNames, TimeProvider.System);

        await scraper.ScrapeAsync(target, builder, CancellationToken.None);
        var snapshot = builder.Build("not run");

        Assert.Equal(ScrapeOutcome.Success, snapshot.Outcome);
        Assert.Equal(2, sessions.Opened);
        Assert.Equal(1, stats.For(target.Key).Retries);
        Assert.Equal(1, stats.For(target.Key).SessionsLost);
    }

    [Fact]
    public async Task ScrapeAsync_AuthenticationRefused_FailsEveryCollectorWithoutRetry()
    {
        var sessions = new CountingSessions { Refuse = true };
        var (scraper, stats) = Create(sessions, new DelegateCollector(CollectorKind.Sensors, _ => Task.CompletedTask), new DelegateCollector(CollectorKind.Bmc, _ => Task.CompletedTask));
        var target = TestTargets.Target("10.0.0.2");
        var builder = new SnapshotBuilder(target.Key, "default", target.Labels, target.CollectorNames, TimeProvider.System);

        await scraper.ScrapeAsync(target, builder, CancellationToken.None);
        var snapshot = builder.Build("not run");

        Assert.Equal(ScrapeOutcome.Failed, snapshot.Outcome);
        Assert.All(snapshot.Collectors, c => Assert.Contains("password", c.Error, StringComparison.Ordinal));
        Assert.Equal(1, sessions.Opened);
        Assert.Equal(1, stats.For(target.Key).AuthenticationFailures);
        Assert.Equal(0, stats.For(target.Key).Retries);
    }

    [Fact]
    public async Task ScrapeAsync_OneCollectorFails_OthersStillRunAndSessionIsReused()
    {
        var sessions = new CountingSessions();
        var (scraper, _) = Create(
            sessions,
            new DelegateCollector(CollectorKind.Sensors, c => { c.Builder.SetSensors([SampleSnapshots.Sensor(1, "CPU Temp", "C", 40)]); return Task.CompletedTask; }),
            new DelegateCollector(CollectorKind.Dcmi, _ => throw new IpmiCompletionCodeException(NetFn.GroupExtension, 0x02, 0xC1)),
            new DelegateCollector(CollectorKind.Bmc, _ => Task.CompletedTask));
        var target = TestTargets.Target("10.0.0.3", module: TestTargets.Module(CollectorKind.Sensors, CollectorKind.Dcmi, CollectorKind.Bmc, CollectorKind.BmcWatchdog));
        var builder = new SnapshotBuilder(target.Key, "default", target.Labels, target.CollectorNames, TimeProvider.System);

        await scraper.ScrapeAsync(target, builder, CancellationToken.None);
        await scraper.ScrapeAsync(target, new SnapshotBuilder(target.Key, "default", target.Labels, target.CollectorNames, TimeProvider.System), CancellationToken.None);
        var snapshot = builder.Build("not run");

        Assert.Equal(ScrapeOutcome.Partial, snapshot.Outcome);
        Assert.True(snapshot.Succeeded("ipmi"));
        Assert.True(snapshot.Succeeded("bmc"));
        Assert.Contains("0xC1", snapshot.Collectors.Single(c => c.Collector == "dcmi").Error, StringComparison.Ordinal);
        Assert.Contains("not supported", snapshot.Collectors.Single(c => c.Collector == "bmc-watchdog").Error, StringComparison.Ordinal);
        Assert.Single(snapshot.Sensors);
        Assert.Equal(1, sessions.Opened);
    }

    private static (TargetScraper Scraper, TargetStatsRegistry Stats) Create(IBmcSessionFactory sessions, params IScrapeCollector[] collectors)
    {
        var stats = new TargetStatsRegistry();
        var pool = new SessionPool(sessions, stats, NullLogger.Instance);
        var scraper = new TargetScraper(pool, new CollectorSet(collectors), new TargetStateStore(null, NullLogger.Instance), stats, new RetryOptions { MaxAttempts = 2, Delay = TimeSpan.Zero }, TimeProvider.System, NullLogger.Instance);
        return (scraper, stats);
    }

    private sealed class DelegateCollector(CollectorKind kind, Func<CollectContext, Task> collect) : IScrapeCollector
    {
        public CollectorKind Kind => kind;

        public Task CollectAsync(CollectContext context, CancellationToken cancellationToken) => collect(context);
    }

    private sealed class CountingSessions : IBmcSessionFactory
    {
        public int Opened { get; private set; }

        public bool Refuse { get; init; }

        public ValueTask<IBmcSession> OpenAsync(ScrapeTarget target, CancellationToken cancellationToken)
        {
            Opened++;
            if (Refuse)
            {
                throw new IpmiAuthenticationException(target.Key, $"{target.Key}: wrong password for user reader");
            }

            return ValueTask.FromResult<IBmcSession>(new NullSession());
        }
    }

    private sealed class NullSession : IBmcSession, IIpmiChannel
    {
        public IIpmiChannel Channel => this;

        public int CipherSuite => 17;

        public ValueTask<IpmiResponse> SendAsync(IpmiRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new IpmiResponse(0, ReadOnlyMemory<byte>.Empty));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

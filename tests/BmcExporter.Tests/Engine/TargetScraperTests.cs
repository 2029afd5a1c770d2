using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using BmcExporter.State;
using BmcExporter.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

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
    public async Task ScrapeAsync_TwoCollectorsAskDeviceId_SentOncePerScrape()
    {
        var sessions = new CountingSessions();
        var seen = new List<string>();
        Task AskDeviceId(CollectContext c) => c.GetDeviceIdAsync(CancellationToken.None).AsTask().ContinueWith(t => seen.Add(t.Result.FirmwareRevision), TaskScheduler.Default);
        var (scraper, stats) = Create(sessions, new DelegateCollector(CollectorKind.Sensors, AskDeviceId), new DelegateCollector(CollectorKind.Bmc, AskDeviceId));
        var target = TestTargets.Target("10.0.0.9", module: TestTargets.Module(CollectorKind.Sensors, CollectorKind.Bmc));

        await scraper.ScrapeAsync(target, new SnapshotBuilder(target.Key, "default", target.Labels, target.CollectorNames, TimeProvider.System), CancellationToken.None);
        var afterFirst = sessions.DeviceIdRequests;
        await scraper.ScrapeAsync(target, new SnapshotBuilder(target.Key, "default", target.Labels, target.CollectorNames, TimeProvider.System), CancellationToken.None);

        Assert.Equal(1, afterFirst);
        Assert.Equal(2, sessions.DeviceIdRequests);
        Assert.Equal(4, seen.Count);
        Assert.All(seen, revision => Assert.Equal("1.02", revision));
        Assert.Equal(2, stats.For(target.Key).Commands);
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
        Assert.Contains("check modules.default.user", ScrapeFailureHint.For(snapshot.Outcome, snapshot.Error!, "default"), StringComparison.Ordinal);
        Assert.Equal(1, sessions.Opened);
        Assert.Equal(1, stats.For(target.Key).AuthenticationFailures);
        Assert.Equal(0, stats.For(target.Key).Retries);
    }

    [Theory]
    [InlineData("timeout", "no answer: ", "raise modules.default.timeout")]
    [InlineData("unreachable", "unreachable: ", "route to its IPMI port")]
    [InlineData("slots", "session slots exhausted: ", "other clients hold every session")]
    public async Task ScrapeAsync_SessionCannotOpen_OneAttemptSharedByEveryCollectorNamingTheCause(string failure, string cause, string hint)
    {
        var sessions = new CountingSessions { Failure = failure };
        var run = 0;
        Task Count(CollectContext _)
        {
            run++;
            return Task.CompletedTask;
        }

        var (scraper, stats) = Create(
            sessions,
            new DelegateCollector(CollectorKind.Sensors, Count),
            new DelegateCollector(CollectorKind.Bmc, Count),
            new DelegateCollector(CollectorKind.Chassis, Count),
            new DelegateCollector(CollectorKind.Sel, Count));
        var target = TestTargets.Target("10.0.0.3", module: TestTargets.Module(CollectorKind.Sensors, CollectorKind.Bmc, CollectorKind.Chassis, CollectorKind.Sel));
        var builder = new SnapshotBuilder(target.Key, "default", target.Labels, target.CollectorNames, TimeProvider.System);

        await scraper.ScrapeAsync(target, builder, CancellationToken.None);
        var snapshot = builder.Build("not run");

        Assert.Equal(1, sessions.Opened);
        Assert.Equal(0, run);
        Assert.Equal(ScrapeOutcome.Failed, snapshot.Outcome);
        Assert.Equal(4, snapshot.Collectors.Count);
        Assert.All(snapshot.Collectors, c => Assert.StartsWith(cause, c.Error, StringComparison.Ordinal));
        Assert.Equal(0, stats.For(target.Key).AuthenticationFailures);
        // The warning logged for it names what to act on (ScrapeTransitions).
        Assert.Contains(hint, ScrapeFailureHint.For(snapshot.Outcome, snapshot.Error!, "default"), StringComparison.Ordinal);
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

    [Fact]
    public async Task ScrapeAsync_CollectorAnswersInvalidCommand_RecordedUnsupportedAndNotAskedAgain()
    {
        var dcmiCalls = 0;
        var (scraper, _) = Create(
            new CountingSessions(),
            TimeProvider.System,
            new DelegateCollector(CollectorKind.Sensors, _ => Task.CompletedTask),
            new DelegateCollector(CollectorKind.Dcmi, _ =>
            {
                dcmiCalls++;
                throw new IpmiCompletionCodeException(NetFn.GroupExtension, 0x02, 0xC1);
            }));
        var target = TestTargets.Target("10.0.0.4", module: TestTargets.Module(CollectorKind.Sensors, CollectorKind.Dcmi));

        var first = await ScrapeOnceAsync(scraper, target);
        var second = await ScrapeOnceAsync(scraper, target);

        Assert.Equal(1, dcmiCalls);
        foreach (var snapshot in new[] { first, second })
        {
            var dcmi = snapshot.Collectors.Single(c => c.Collector == "dcmi");
            Assert.False(dcmi.Success);
            Assert.True(dcmi.Unsupported);
            Assert.Contains("0xC1", dcmi.Error, StringComparison.Ordinal);
            Assert.Equal(ScrapeOutcome.Success, snapshot.Outcome);
            Assert.Null(snapshot.Error);
        }
    }

    [Fact]
    public async Task ScrapeAsync_UnsupportedAndRecheckPeriodPassed_AsksAgainAndRecordsSuccess()
    {
        var time = new FakeTimeProvider();
        var supported = false;
        var fruCalls = 0;
        var (scraper, _) = Create(
            new CountingSessions(),
            time,
            new DelegateCollector(CollectorKind.Fru, _ =>
            {
                fruCalls++;
                return supported ? Task.CompletedTask : throw new CollectorUnsupportedException("the BMC has no FRU data for device 0");
            }),
            new DelegateCollector(CollectorKind.Bmc, _ => Task.CompletedTask));
        var target = TestTargets.Target("10.0.0.5", module: TestTargets.Module(CollectorKind.Bmc, CollectorKind.Fru));

        await ScrapeOnceAsync(scraper, target, time);
        time.Advance(TimeSpan.FromMinutes(59));
        var skipped = await ScrapeOnceAsync(scraper, target, time);
        supported = true;
        time.Advance(TimeSpan.FromMinutes(2));
        var rechecked = await ScrapeOnceAsync(scraper, target, time);

        Assert.Equal(2, fruCalls);
        Assert.True(skipped.Collectors.Single(c => c.Collector == "fru").Unsupported);
        Assert.True(rechecked.Succeeded("fru"));
    }

    [Fact]
    public async Task ScrapeAsync_UnsupportedThenNewSession_AsksAgain()
    {
        var sessions = new CountingSessions();
        var dcmiCalls = 0;
        var loseSession = false;
        var (scraper, _) = Create(
            sessions,
            TimeProvider.System,
            new DelegateCollector(CollectorKind.Sensors, _ =>
            {
                if (loseSession)
                {
                    loseSession = false;
                    throw new IpmiSessionLostException("10.0.0.6:623", "session lost: no answer after 3 retransmits");
                }

                return Task.CompletedTask;
            }),
            new DelegateCollector(CollectorKind.Dcmi, _ =>
            {
                dcmiCalls++;
                throw new CollectorUnsupportedException("DCMI power reading not supported: completion code 0xC1");
            }));
        var target = TestTargets.Target("10.0.0.6", module: TestTargets.Module(CollectorKind.Sensors, CollectorKind.Dcmi));

        await ScrapeOnceAsync(scraper, target);
        await ScrapeOnceAsync(scraper, target);
        loseSession = true;
        await ScrapeOnceAsync(scraper, target);

        Assert.Equal(2, sessions.Opened);
        Assert.Equal(2, dcmiCalls);
    }

    [Fact]
    public async Task ScrapeAsync_InsufficientPrivilege_UnsupportedForOptionalCollectorFailureForCoreOne()
    {
        var (scraper, _) = Create(
            new CountingSessions(),
            TimeProvider.System,
            new DelegateCollector(CollectorKind.Sel, _ => throw new IpmiCompletionCodeException(NetFn.Storage, 0x40, 0xD4)),
            new DelegateCollector(CollectorKind.Fru, _ => throw new IpmiCompletionCodeException(NetFn.Storage, 0x10, 0xD4)),
            new DelegateCollector(CollectorKind.Bmc, _ => Task.CompletedTask));
        var target = TestTargets.Target("10.0.0.7", module: TestTargets.Module(CollectorKind.Bmc, CollectorKind.Sel, CollectorKind.Fru));

        var snapshot = await ScrapeOnceAsync(scraper, target);

        var sel = snapshot.Collectors.Single(c => c.Collector == "sel");
        var fru = snapshot.Collectors.Single(c => c.Collector == "fru");
        Assert.False(sel.Unsupported);
        Assert.True(fru.Unsupported);
        Assert.Contains("privilege", fru.Error, StringComparison.Ordinal);
        Assert.Equal(ScrapeOutcome.Partial, snapshot.Outcome);
        Assert.StartsWith("sel:", snapshot.Error, StringComparison.Ordinal);
    }

    private static async Task<TargetSnapshot> ScrapeOnceAsync(TargetScraper scraper, ScrapeTarget target, TimeProvider? time = null)
    {
        var builder = new SnapshotBuilder(target.Key, "default", target.Labels, target.CollectorNames, time ?? TimeProvider.System);
        await scraper.ScrapeAsync(target, builder, CancellationToken.None);
        return builder.Build("not run");
    }

    private static (TargetScraper Scraper, TargetStatsRegistry Stats) Create(IBmcSessionFactory sessions, params IScrapeCollector[] collectors) =>
        Create(sessions, TimeProvider.System, collectors);

    private static (TargetScraper Scraper, TargetStatsRegistry Stats) Create(IBmcSessionFactory sessions, TimeProvider time, params IScrapeCollector[] collectors)
    {
        var stats = new TargetStatsRegistry();
        var pool = new SessionPool(sessions, stats, NullLogger.Instance);
        var scraper = new TargetScraper(pool, new CollectorSet(collectors), new TargetStateStore(null, NullLogger.Instance), stats, new RetryOptions { MaxAttempts = 2, Delay = TimeSpan.Zero }, time, NullLogger.Instance);
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

        /// <summary>How opening fails: <c>timeout</c>, <c>unreachable</c>, <c>slots</c>, or null to succeed.</summary>
        public string? Failure { get; init; }

        public int DeviceIdRequests => _session.DeviceIdRequests;

        private readonly NullSession _session = new();

        public ValueTask<IBmcSession> OpenAsync(ScrapeTarget target, CancellationToken cancellationToken)
        {
            Opened++;
            if (Refuse)
            {
                throw new IpmiAuthenticationException(target.Key, $"{target.Key}: wrong password for user reader");
            }

            switch (Failure)
            {
                case "timeout":
                    throw new IpmiTimeoutException(target.Key, $"{target.Key}: no reply to Get Channel Authentication Capabilities after 3 attempts");
                case "unreachable":
                    throw new IpmiUnreachableException(target.Key, $"{target.Key}: ICMP port unreachable");
                case "slots":
                    throw new IpmiSessionSlotsExhaustedException(target.Key, $"{target.Key}: RMCP+ status 0x01 (insufficient resources)");
            }

            return ValueTask.FromResult<IBmcSession>(_session);
        }
    }

    private sealed class NullSession : IBmcSession, IIpmiChannel
    {
        public IIpmiChannel Channel => this;

        public int CipherSuite => 17;

        public int DeviceIdRequests { get; private set; }

        public ValueTask<IpmiResponse> SendAsync(IpmiRequest request, CancellationToken cancellationToken)
        {
            if (request.NetFn == NetFn.App && request.Command == GetDeviceId.Command)
            {
                // Firmware revision bytes 0x01 (major) and 0x02 (BCD minor): "1.02".
                DeviceIdRequests++;
                return ValueTask.FromResult(new IpmiResponse(0, new byte[] { 0x20, 0x01, 0x01, 0x02, 0x02, 0xBF, 0xB3, 0xA2, 0x00, 0x01, 0x01 }));
            }

            return ValueTask.FromResult(new IpmiResponse(0, ReadOnlyMemory<byte>.Empty));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using BmcExporter.Tests.Fakes;

namespace BmcExporter.Tests.Web;

/// <summary><c>/readyz</c> turns ready after the first round: every target has a snapshot, or the round's deadline passed.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task IsReady_BeforeFirstRound_FalseUntilEveryTargetHasASnapshot()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var runtime = Runtime(time, "10.1.0.1", "10.1.0.2");
        await runtime.StartAsync();
        var keys = runtime.Scheduler.Keys;

        Assert.False(runtime.IsReady);
        runtime.Store.Put(Snapshot(keys[0], ScrapeOutcome.Failed));
        Assert.False(runtime.IsReady);
        runtime.Store.Put(Snapshot(keys[1], ScrapeOutcome.Success));
        Assert.True(runtime.IsReady);
    }

    [Fact]
    public async Task IsReady_FirstRoundDeadlinePassed_TrueWithoutSnapshots()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var sessions = new StuckSessions();
        await using var runtime = Runtime(time, ScrapeMode.Background, sessions, "10.1.0.1");
        await runtime.StartAsync();

        // The scrape that the schedule starts never finishes (its session never opens), so no snapshot is stored.
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(60) + TimeSpan.FromSeconds(30), runtime.FirstRoundDeadline);
        time.SetUtcNow(runtime.FirstRoundDeadline - TimeSpan.FromSeconds(1));
        Assert.False(runtime.IsReady);
        time.SetUtcNow(runtime.FirstRoundDeadline);
        Assert.True(runtime.IsReady);
        Assert.Null(runtime.Store.Latest(runtime.Scheduler.Keys[0]));
        sessions.Release();
    }

    [Fact]
    public async Task IsReady_OnDemandMode_TrueOnceStarted()
    {
        var time = new FakeTimeProvider();
        await using var runtime = Runtime(time, ScrapeMode.OnDemand, new UnreachableSessions());
        Assert.False(runtime.IsReady);
        await runtime.StartAsync();

        Assert.True(runtime.IsReady);
    }

    private static ExporterRuntime Runtime(TimeProvider time, params string[] hosts) => Runtime(time, ScrapeMode.Background, new UnreachableSessions(), hosts);

    private static ExporterRuntime Runtime(TimeProvider time, ScrapeMode mode, IBmcSessionFactory sessions, params string[] hosts) =>
        new(ExporterConfig.Default with
            {
                Scrape = ExporterConfig.Default.Scrape with { Mode = mode, Interval = TimeSpan.FromSeconds(60), Timeout = TimeSpan.FromSeconds(30) },
                Targets = hosts.Select(h => new TargetConfig { Host = h }).ToList(),
            },
            sessions, DefaultCollectors.Create(), time, NullLoggerFactory.Instance, null, new RuntimeOptions { PersistState = false });

    private static TargetSnapshot Snapshot(string key, ScrapeOutcome outcome)
    {
        var hash = key.LastIndexOf('#');
        return new TargetSnapshot { Target = key[..hash], Key = key, Module = key[(hash + 1)..], Outcome = outcome };
    }

    /// <summary>Opening a session waits (ignoring cancellation) until released, then fails.</summary>
    private sealed class StuckSessions : IBmcSessionFactory
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate.TrySetResult();

        public async ValueTask<IBmcSession> OpenAsync(ScrapeTarget target, CancellationToken cancellationToken)
        {
            await _gate.Task;
            throw new IOException($"{target.Key} is not reachable in this test");
        }
    }
}

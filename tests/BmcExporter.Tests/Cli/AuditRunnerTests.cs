using BmcExporter.Cli;
using BmcExporter.Config;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Tests.Cli;

/// <summary>The audit's bounded concurrency and per-BMC deadline, driven without timing.</summary>
public sealed class AuditRunnerTests
{
    private static ScrapeTarget Target(int i) => new()
    {
        Address = $"10.0.0.{i}:623",
        Host = $"10.0.0.{i}",
        Module = new ModuleConfig { Name = "default" },
    };

    [Fact]
    public async Task RunAsync_ParallelTwo_NeverMoreThanTwoInFlightAndReportsAll()
    {
        var targets = Enumerable.Range(1, 6).Select(Target).ToList();
        var inFlight = 0;
        var maxInFlight = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<BmcAuditReport> Audit(ScrapeTarget t, CancellationToken ct)
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await release.Task.WaitAsync(ct);
            Interlocked.Decrement(ref inFlight);
            return new BmcAuditReport { Target = t.Address, Module = "default", Reached = true };
        }

        var run = AuditRunner.RunAsync(targets, Audit, parallel: 2, TimeSpan.FromMinutes(5), TimeProvider.System, CancellationToken.None);
        for (var i = 0; i < 500 && Volatile.Read(ref inFlight) < 2; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(2, Volatile.Read(ref inFlight));
        release.SetResult();
        var reports = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, maxInFlight);
        Assert.Equal(targets.Select(t => t.Address), reports.Select(r => r.Target));
    }

    [Fact]
    public async Task RunAsync_AuditOutlivesDeadline_DeadlineExceededFinding()
    {
        var time = new FakeTimeProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<BmcAuditReport> Hang(ScrapeTarget t, CancellationToken ct)
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        }

        var run = AuditRunner.RunAsync([Target(1)], Hang, 1, TimeSpan.FromSeconds(30), time, CancellationToken.None);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(30));
        var report = Assert.Single(await run.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.False(report.Reached);
        Assert.Equal("deadline_exceeded", Assert.Single(report.Findings).Id);
        Assert.Equal(AuditSeverity.Critical, report.Worst);
    }

    private static void InterlockedMax(ref int location, int value)
    {
        for (var i = 0; i < 100; i++)
        {
            var current = Volatile.Read(ref location);
            if (value <= current || Interlocked.CompareExchange(ref location, value, current) == current)
            {
                return;
            }
        }
    }
}

using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Tests.Operations;
using Xunit.Abstractions;

namespace BmcExporter.Ipmi.Tests.Client;

/// <summary>
/// Measures, on a fake clock, how many 9.5 s scrapes a 40-record SDR walk needs through a lossy link: a real
/// <see cref="IpmiSession"/> over an in-memory transport that drops each datagram (either direction) with the
/// given probability, to a BMC serving the repository. Each scrape opens the session if needed and resumes the
/// walk until its deadline; time advances only while the client waits with nothing to receive.
/// </summary>
public sealed class LossyScrapeCampaignTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ScrapeDeadline = TimeSpan.FromSeconds(9.5);
    internal static Action<string>? Trace;

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    [Theory]
    [InlineData(0.10, 2, 11)]
    [InlineData(0.10, 2, 12)]
    [InlineData(0.10, 2, 13)]
    [InlineData(0.30, 5, 21)]
    [InlineData(0.30, 5, 22)]
    [InlineData(0.30, 5, 23)]
    public async Task ResumeAsync_LossyLink_FortyRecordsCompleteWithinScrapes(double loss, int maxScrapes, int seed)
    {
        Trace = output.WriteLine;
        var (scrapes, dropped, counters) = await RunCampaignAsync(loss, seed, maxScrapes + 3);

        output.WriteLine($"loss {loss:P0} seed {seed}: complete after {scrapes} scrape(s); {dropped} datagrams dropped; {counters}");
        Assert.True(dropped > 0);
        Assert.InRange(scrapes, 1, maxScrapes);
    }

    internal static async Task<(int Scrapes, int Dropped, SessionCounters Counters)> RunCampaignAsync(double loss, int seed, int scrapeLimit)
    {
        var harness = new SessionHarness(3);
        harness.Bmc.Commands = SdrWalkResumeTests.Repository(40);
        var random = new Random(seed);
        var dropped = 0;
        harness.Transport.DropRequest = _ => random.NextDouble() < loss && ++dropped > 0;
        harness.Transport.DropReply = _ => random.NextDouble() < loss && ++dropped > 0;
        var options = harness.Options(suites: [3]) with { RequestTimeout = TimeSpan.FromSeconds(2), Retries = 3 };
        var state = new SdrWalkState();
        IpmiSession? session = null;
        try
        {
            for (var scrape = 1; scrape <= scrapeLimit; scrape++)
            {
                using var deadline = new CancellationTokenSource(ScrapeDeadline, harness.Time);
                var work = ScrapeAsync(harness, options, state, session, deadline.Token);
                await DriveAsync(harness, work);
                session = await work;
                if (state.Complete)
                {
                    return (scrape, dropped, session?.Counters ?? default);
                }
            }

            return (int.MaxValue, dropped, session?.Counters ?? default);
        }
        finally
        {
            harness.Transport.DropRequest = null;
            harness.Transport.DropReply = null;
            if (session is not null)
            {
                await DriveAsync(harness, session.DisposeAsync().AsTask());
            }
        }
    }

    /// <summary>One scrape: open (or keep) the session, resume the walk; a deadline or a lost session ends it early.</summary>
    private static async Task<IpmiSession?> ScrapeAsync(SessionHarness harness, IpmiSessionOptions options, SdrWalkState state, IpmiSession? session, CancellationToken cancellationToken)
    {
        try
        {
            session ??= await IpmiSession.OpenAsync(options, harness.Transport, cancellationToken);
            await SdrRepositoryReader.ResumeAsync(session, state, null, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Trace?.Invoke($"deadline t={harness.Time.GetUtcNow():mm:ss.fff} records={state.Records.Count} missing={state.Missing.Count} next={state.NextRecordId} {session?.Counters} sent={harness.Transport.Sent.Count}");
            // The scrape's deadline: the walk state keeps what was read.
        }
        catch (IpmiException ex)
        {
            Trace?.Invoke($"t={harness.Time.GetUtcNow():mm:ss.fff} records={state.Records.Count} {ex.GetType().Name}: {ex.Message} {session?.Counters}");
            // Session lost or not established this time: the host would drop it and open a new one next scrape.
            if (session is not null)
            {
                await session.DisposeAsync();
            }

            session = null;
        }

        return session;
    }

    /// <summary>Advances the fake clock in small steps while the client is idle, until the task ends (bounded).</summary>
    private static readonly TimeSpan IdleGrace = TimeSpan.FromSeconds(2);

    private static async Task DriveAsync(SessionHarness harness, Task task)
    {
        // The clock moves only while the client waits in a receive. A client that waits on something else (a timer
        // of its own) gets its clock advanced after a real-time grace; 100 ms was too short on a loaded machine (a
        // reply still being processed saw its request time out, which retransmitted, drew more random numbers and
        // changed the run), so the grace is 2 s: long enough for any computation, only paid on timer waits.
        var busySince = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var i = 0; i < 500_000 && !task.IsCompleted; i++)
        {
            if (harness.Transport.IsIdle || System.Diagnostics.Stopwatch.GetElapsedTime(busySince) > IdleGrace)
            {
                harness.Time.Advance(Step);
                busySince = System.Diagnostics.Stopwatch.GetTimestamp();
            }

            await Task.Yield();
        }

        Assert.True(task.IsCompleted, $"the scrape did not end within the bounded number of steps ({harness.Transport.DebugState}, t={harness.Time.GetUtcNow():mm:ss.fff})");
    }
}

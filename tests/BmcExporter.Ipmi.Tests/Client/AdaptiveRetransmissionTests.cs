using BmcExporter.Ipmi.Client;

namespace BmcExporter.Ipmi.Tests.Client;

/// <summary>The session's retransmission timeout follows the measured round trip (fake clock, in-memory BMC).</summary>
public sealed class AdaptiveRetransmissionTests
{
    private static IpmiSessionOptions Options(SessionHarness harness) => harness.Options() with
    {
        RequestTimeout = TimeSpan.FromSeconds(2),
        MinimumRequestTimeout = TimeSpan.FromMilliseconds(100),
        Retries = 3,
    };

    private static async Task<IpmiSession> OpenWarmAsync(SessionHarness harness)
    {
        var session = await harness.OpenAsync(Options(harness));
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None)).IsOk);
        }

        return session;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(5);
        }

        Assert.True(condition(), "condition not reached within the bounded wait");
    }

    [Fact]
    public async Task Counters_InstantAnswers_RtoFallsToFloor()
    {
        var harness = new SessionHarness(17);
        await using var session = await OpenWarmAsync(harness);

        var counters = session.Counters;

        Assert.Equal(TimeSpan.FromMilliseconds(100), counters.RetransmissionTimeout);
        Assert.Equal(TimeSpan.Zero, counters.SmoothedRoundTrip);
        Assert.Equal(0, counters.Retransmissions);
        Assert.Equal(5, harness.Bmc.InSessionRequests.Count(r => r.Command == 0x01));
    }

    [Fact]
    public async Task SendAsync_ReplyLost_RetransmitsAfterAdaptiveTimeoutNotRequestTimeout()
    {
        var harness = new SessionHarness(17);
        await using var session = await OpenWarmAsync(harness);
        var before = harness.Bmc.InSessionRequests.Count;
        var drops = 1;
        harness.Transport.DropReply = _ => drops-- > 0;

        var task = session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None).AsTask();
        await WaitForAsync(() => harness.Bmc.InSessionRequests.Count == before + 1);
        harness.Time.Advance(TimeSpan.FromMilliseconds(99));
        await Task.Delay(20);
        Assert.Equal(before + 1, harness.Bmc.InSessionRequests.Count);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForAsync(() => task.IsCompleted);

        Assert.True((await task).IsOk);
        Assert.Equal(before + 2, harness.Bmc.InSessionRequests.Count);
        Assert.Equal(1, session.Counters.Retransmissions);
        Assert.Equal(1, session.Counters.Timeouts);
    }

    [Fact]
    public async Task SendAsync_AnsweredAfterRetransmission_NoRttSample()
    {
        var harness = new SessionHarness(17);
        await using var session = await OpenWarmAsync(harness);
        var drops = 1;
        harness.Transport.DropReply = _ => drops-- > 0;

        var response = await harness.DriveAsync(session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None).AsTask(), TimeSpan.FromMilliseconds(100));

        // Karn: the reply came 100 ms after the first copy but instantly after the second; a sample would have moved SRTT.
        Assert.True(response.IsOk);
        Assert.Equal(TimeSpan.Zero, session.Counters.SmoothedRoundTrip);
        Assert.Equal(TimeSpan.FromMilliseconds(100), session.Counters.RetransmissionTimeout);
    }

    [Fact]
    public async Task SendAsync_TwoRepliesLost_WaitsDoubleThenNextRequestStartsFromMeasured()
    {
        var harness = new SessionHarness(17);
        await using var session = await OpenWarmAsync(harness);
        var before = harness.Bmc.InSessionRequests.Count;
        var drops = 2;
        harness.Transport.DropReply = _ => drops-- > 0;

        var task = session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None).AsTask();
        await WaitForAsync(() => harness.Bmc.InSessionRequests.Count == before + 1);
        harness.Time.Advance(TimeSpan.FromMilliseconds(100));
        await WaitForAsync(() => harness.Bmc.InSessionRequests.Count == before + 2);
        harness.Time.Advance(TimeSpan.FromMilliseconds(199));
        await Task.Delay(20);
        Assert.Equal(before + 2, harness.Bmc.InSessionRequests.Count);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForAsync(() => task.IsCompleted);

        Assert.Equal(before + 3, harness.Bmc.InSessionRequests.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(100), session.Counters.RetransmissionTimeout);
    }

    [Fact]
    public async Task SendAsync_SilentBmc_GivesUpOnlyAfterRetriesTimesRequestTimeout()
    {
        var harness = new SessionHarness(17);
        await using var session = await OpenWarmAsync(harness);
        harness.Bmc.Silent = true;
        var start = harness.Time.GetUtcNow();
        var sentBefore = harness.Transport.Sent.Count;

        var task = session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None).AsTask();
        await Assert.ThrowsAnyAsync<IpmiException>(() => harness.DriveAsync(task, TimeSpan.FromMilliseconds(50)));

        // The first request (before re-establishment) waited at least (Retries + 1) × RequestTimeout = 8 s in total,
        // with at most 4 × (Retries + 1) transmissions.
        Assert.True(harness.Time.GetUtcNow() - start >= TimeSpan.FromSeconds(8));
        Assert.InRange(session.Counters.Retransmissions, 4, 15);
        Assert.True(harness.Transport.Sent.Count > sentBefore + 4);
    }
}

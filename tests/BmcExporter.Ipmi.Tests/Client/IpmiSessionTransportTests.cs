using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Framing;

namespace BmcExporter.Ipmi.Tests.Client;

public sealed class IpmiSessionTransportTests
{
    [Fact]
    public async Task SendAsync_FirstReplyLost_RetransmitsWithNewSessionSequenceSameRqSeq()
    {
        var harness = new SessionHarness(17);
        await using var session = await harness.OpenAsync(harness.Options());
        var drops = 1;
        harness.Transport.DropReply = _ => drops-- > 0;

        var response = await harness.DriveAsync(session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None).AsTask());

        Assert.True(response.IsOk);
        var attempts = harness.Bmc.InSessionRequests.Where(r => r.Command == 0x01).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].RqSeq, attempts[1].RqSeq);
        Assert.NotEqual(attempts[0].SessionSequence, attempts[1].SessionSequence);
    }

    [Fact]
    public async Task SendAsync_DuplicateCompletionCode_IgnoredUntilRealAnswer()
    {
        var harness = new SessionHarness(3);
        await using var session = await harness.OpenAsync(harness.Options());
        harness.Bmc.ScriptedCompletionCodes.Enqueue((byte)CompletionCode.DuplicatedRequest);

        var response = await harness.DriveAsync(session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None).AsTask());

        Assert.True(response.IsOk);
        Assert.Equal(2, harness.Bmc.InSessionRequests.Count(r => r.Command == 0x01));
    }

    [Fact]
    public async Task SendAsync_CommandError_ReturnsCompletionCode()
    {
        var harness = new SessionHarness(3);
        await using var session = await harness.OpenAsync(harness.Options());

        var response = await session.SendAsync(new IpmiRequest(NetFn.Storage, 0x99, new byte[] { 1, 2 }), CancellationToken.None);

        Assert.Equal((byte)CompletionCode.InvalidCommand, response.CompletionCode);
        Assert.Throws<IpmiCompletionCodeException>(() => response.EnsureOk(NetFn.Storage, 0x99));
    }

    /// <summary>Waits (at most about a second) until <paramref name="session"/> has sent <paramref name="count"/> keepalives.</summary>
    private static async Task WaitForKeepalivesAsync(IpmiSession session, int count)
    {
        for (var i = 0; i < 200 && session.KeepalivesSent < count; i++)
        {
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task Keepalive_IdleForInterval_SendsGetDeviceId()
    {
        var harness = new SessionHarness(17);
        await using var session = await harness.OpenAsync(harness.Options());
        harness.Bmc.InSessionRequests.Clear();

        harness.Time.Advance(TimeSpan.FromSeconds(19));
        Assert.Empty(harness.Bmc.InSessionRequests);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await WaitForKeepalivesAsync(session, 1);

        Assert.Equal(1, session.KeepalivesSent);
        Assert.Contains(harness.Bmc.InSessionRequests, r => r.NetFn == (byte)NetFn.App && r.Command == 0x01);
    }

    [Fact]
    public async Task Keepalive_RequestsWithinTheInterval_PushItBackToAFullIntervalOfSilence()
    {
        var harness = new SessionHarness(17);
        await using var session = await harness.OpenAsync(harness.Options());
        harness.Bmc.InSessionRequests.Clear();

        // An answer 15 s in: the keepalive due at 20 s waits for 20 s of silence, i.e. until 35 s.
        harness.Time.Advance(TimeSpan.FromSeconds(15));
        // The in-memory BMC answers at once: no time passes during the request.
        Assert.True((await session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10))).IsOk);
        harness.Bmc.InSessionRequests.Clear();
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        harness.Time.Advance(TimeSpan.FromSeconds(14));
        await Task.Delay(50);
        Assert.Equal(0, session.KeepalivesSent);
        Assert.Empty(harness.Bmc.InSessionRequests);

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await WaitForKeepalivesAsync(session, 1);

        Assert.Equal(1, session.KeepalivesSent);

        // And the next one a full interval after the keepalive's own answer.
        harness.Time.Advance(TimeSpan.FromSeconds(19));
        await Task.Delay(50);
        Assert.Equal(1, session.KeepalivesSent);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await WaitForKeepalivesAsync(session, 2);

        Assert.Equal(2, session.KeepalivesSent);
    }

    [Fact]
    public async Task SendAsync_BmcRebooted_ReestablishesTransparently()
    {
        var harness = new SessionHarness(3);
        await using var session = await harness.OpenAsync(harness.Options(suites: [3]));
        harness.Bmc.ForgetSessions();

        var response = await harness.DriveAsync(session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None).AsTask());

        Assert.True(response.IsOk);
        Assert.Equal(2, session.SessionsEstablished);
        Assert.True(session.IsActive);
    }

    [Fact]
    public async Task SendAsync_BmcStopsAnsweringMidSession_ThrowsSessionLost()
    {
        var harness = new SessionHarness(3);
        await using var session = await harness.OpenAsync(harness.Options(suites: [3]));
        harness.Bmc.Silent = true;

        var task = session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None).AsTask();
        var ex = await Assert.ThrowsAsync<IpmiSessionLostException>(() => harness.DriveAsync(task));

        Assert.Contains("fake-bmc:623", ex.Message, StringComparison.Ordinal);
        Assert.False(session.IsActive);
    }

    [Fact]
    public async Task DisposeAsync_ActiveSession_SendsCloseSessionOnce()
    {
        var harness = new SessionHarness(3);
        var session = await harness.OpenAsync(harness.Options());
        harness.Bmc.Silent = true;

        var dispose = session.DisposeAsync().AsTask();
        await harness.DriveAsync(dispose);
        await session.DisposeAsync();

        var closes = harness.Transport.Sent.Count(d => RmcpDatagram.Parse(d).SessionId != 0 && d.Length > 0);
        Assert.Equal(1, closes);
        Assert.True(harness.Transport.Disposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None));
    }

    [Fact]
    public async Task DisposeAsync_AnsweringBmc_ClosesItsSession()
    {
        var harness = new SessionHarness(17);
        var session = await harness.OpenAsync(harness.Options());

        await session.DisposeAsync();

        Assert.Equal(1, harness.Bmc.CloseSessionCount);
        Assert.Equal(0, harness.Bmc.ActiveSessions);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SendAsync_BridgedRequest_WrapsInSendMessageAndUnwrapsAnswer(bool embedded)
    {
        var harness = new SessionHarness(3);
        harness.Bmc.EmbedBridgedResponses = embedded;
        await using var session = await harness.OpenAsync(harness.Options());

        var response = await harness.DriveAsync(session.SendAsync(
            new IpmiRequest(NetFn.SensorEvent, 0x2D, new byte[] { 0x05 }, TargetAddress: 0x2C, BridgeChannel: 0), CancellationToken.None).AsTask());

        Assert.True(response.IsOk);
        Assert.Equal([0x2C, 0x01], response.Data.ToArray());
        Assert.Contains(harness.Bmc.InSessionRequests, r => r.Command == SendMessageBridge.Command);
    }

    [Fact]
    public async Task SendAsync_ForgedPacketsInterleaved_DroppedAndRealAnswerAccepted()
    {
        var harness = new SessionHarness(3);
        await using var session = await harness.OpenAsync(harness.Options());
        var garbage = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            var junk = new byte[garbage.Next(0, 80)];
            garbage.NextBytes(junk);
            harness.Transport.Inject(junk);
        }

        var response = await harness.DriveAsync(session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None).AsTask());

        Assert.True(response.IsOk);
    }
}

public sealed class IpmiSessionLossTests
{
    [Fact]
    public async Task OpenAsync_ExtendedAuthCapsRefused_RetriesWithoutExtendedBit()
    {
        var harness = new SessionHarness(3);
        harness.Bmc.RejectExtendedAuthCaps = true;

        await using var session = await harness.OpenAsync(harness.Options(suites: [3]));

        Assert.Equal([0x8E, 0x0E], harness.Bmc.AuthCapsRequests);
        Assert.True(session.IsActive);
    }

    [Fact]
    public async Task SendAsync_TwentyPercentLossBothWays_EveryRequestAnswered()
    {
        var harness = new SessionHarness(17);
        var random = new Random(623);
        var dropped = 0;
        harness.Transport.DropRequest = _ => random.NextDouble() < 0.2 && ++dropped > 0;
        harness.Transport.DropReply = _ => random.NextDouble() < 0.2 && ++dropped > 0;
        var options = harness.Options();
        var lossy = new IpmiSessionOptions
        {
            Host = options.Host,
            UserName = options.UserName,
            Password = options.Password,
            TimeProvider = options.TimeProvider,
            Retries = 5,
            MaxReestablishAttempts = 2,
        };
        await using var session = await harness.DriveAsync(harness.OpenAsync(lossy).AsTask());

        for (var i = 0; i < 40; i++)
        {
            var response = await harness.DriveAsync(session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None).AsTask());
            Assert.True(response.IsOk);
        }

        Assert.True(dropped >= 10, $"only {dropped} datagram(s) lost: the test exercised too little loss");
        Assert.True(harness.Bmc.InSessionRequests.Count(r => r.Command == 0x01) > 40, "no request needed a retransmission");
    }
}

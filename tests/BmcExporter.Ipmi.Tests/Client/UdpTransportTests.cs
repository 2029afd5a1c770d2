using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Transport;
using System.Net;
using System.Net.Sockets;
using BmcExporter.Ipmi.Crypto;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Ipmi.Tests.Client;

public sealed class UdpTransportTests
{
    private static IpmiSessionOptions Options(int port, byte suite) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        UserName = "reader",
        Password = IpmiSecret.FromString("readpass"),
        CipherSuites = [suite],
        RequestTimeout = TimeSpan.FromSeconds(2),
    };

    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    public async Task IpmiSession_OverUdpSocket_GetDeviceIdAndClose(byte suite)
    {
        await using var server = new UdpFakeBmcServer(new FakeBmc(suite));
        var session = await IpmiSession.OpenAsync(Options(server.Port, suite), CancellationToken.None);

        var response = await session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None);
        await session.DisposeAsync();

        Assert.True(response.IsOk);
        Assert.Equal(1, server.Bmc.CloseSessionCount);
    }

    [Fact]
    public async Task IpmiSession_OverMultiplexer_TwoSessionsToOneBmcUseTwoSockets()
    {
        await using var server = new UdpFakeBmcServer(new FakeBmc(3));
        await using var mux = new UdpMultiplexer();
        await using var first = await IpmiSession.OpenAsync(Options(server.Port, 3), mux, CancellationToken.None);
        await using var second = await IpmiSession.OpenAsync(Options(server.Port, 3), mux, CancellationToken.None);

        var a = await first.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None);
        var b = await second.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None);

        Assert.True(a.IsOk && b.IsOk);
        Assert.Equal(2, mux.SocketCount);
        Assert.Equal(2, server.Bmc.ActiveSessions);
    }

    [Fact]
    public async Task Multiplexer_ManyPeers_OneSocketAndEachLaneSeesOnlyItsPeer()
    {
        var servers = new List<UdpFakeBmcServer>();
        await using var mux = new UdpMultiplexer();
        try
        {
            for (var i = 0; i < 8; i++)
            {
                servers.Add(new UdpFakeBmcServer(new FakeBmc()) { Echo = true });
            }

            var lanes = new List<IIpmiTransport>();
            foreach (var server in servers)
            {
                lanes.Add(await mux.ConnectAsync("127.0.0.1", server.Port, CancellationToken.None));
            }

            for (var i = 0; i < lanes.Count; i++)
            {
                await lanes[i].SendAsync(new[] { (byte)i }, CancellationToken.None);
            }

            for (var i = 0; i < lanes.Count; i++)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var buffer = new byte[16];
                var length = await lanes[i].ReceiveAsync(buffer, timeout.Token);
                Assert.Equal(1, length);
                Assert.Equal((byte)i, buffer[0]);
            }

            Assert.Equal(1, mux.SocketCount);
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task<int> ClosedPortAsync(IPAddress address)
    {
        await using var server = new UdpFakeBmcServer(new FakeBmc(), address);
        return server.Port;
    }

    /// <summary>
    /// Options on a fake clock that is never advanced: no timeout can ever fire, so an answer or an error can only
    /// come from the network (here the kernel's ICMP port unreachable), which proves the failure is immediate.
    /// </summary>
    private static IpmiSessionOptions FrozenClockOptions(string host, int port) => new()
    {
        Host = host,
        Port = port,
        UserName = "reader",
        Password = IpmiSecret.FromString("readpass"),
        RequestTimeout = TimeSpan.FromSeconds(5),
        Retries = 3,
        TimeProvider = new FakeTimeProvider(),
    };

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task OpenAsync_ClosedPortSingleSocket_FailsWithUnreachableBeforeAnyTimeout(string host)
    {
        var port = await ClosedPortAsync(IPAddress.Parse(host));

        var ex = await Assert.ThrowsAsync<IpmiUnreachableException>(async () => await IpmiSession.OpenAsync(FrozenClockOptions(host, port), CancellationToken.None));

        Assert.Contains("port unreachable", ex.Message, StringComparison.Ordinal);
        Assert.Contains(TargetFor(host, port), ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task OpenAsync_ClosedPortMultiplexer_FailsWithUnreachableBeforeAnyTimeout(string host)
    {
        var port = await ClosedPortAsync(IPAddress.Parse(host));
        await using var mux = new UdpMultiplexer();

        var ex = await Assert.ThrowsAsync<IpmiUnreachableException>(async () => await IpmiSession.OpenAsync(FrozenClockOptions(host, port), mux, CancellationToken.None));

        Assert.Contains("port unreachable", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("::1", false)]
    [InlineData("[::1]", false)]
    [InlineData("::1", true)]
    [InlineData("[::1]", true)]
    public async Task IpmiSession_Ipv6Target_GetDeviceIdOverIpv6(string host, bool shared)
    {
        await using var server = new UdpFakeBmcServer(new FakeBmc(17), IPAddress.IPv6Loopback);
        await using var mux = new UdpMultiplexer();
        var options = Options(server.Port, 17) with { Host = host };
        await using var session = shared
            ? await IpmiSession.OpenAsync(options, mux, CancellationToken.None)
            : await IpmiSession.OpenAsync(options, CancellationToken.None);

        var response = await session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None);

        Assert.True(response.IsOk);
        Assert.Equal($"[::1]:{server.Port}", session.Target);
        Assert.Equal(1, server.Bmc.ActiveSessions);
        Assert.Equal(shared ? 1 : 0, mux.SocketCountOf(AddressFamily.InterNetworkV6));
        Assert.Equal(0, mux.SocketCountOf(AddressFamily.InterNetwork));
    }

    [Fact]
    public async Task Multiplexer_V4AndV6BmcsOnSamePort_EachSessionReachesItsOwnFamily()
    {
        await using var v6 = new UdpFakeBmcServer(new FakeBmc(3), IPAddress.IPv6Loopback);
        await using var v4 = new UdpFakeBmcServer(new FakeBmc(3), IPAddress.Loopback, v6.Port);
        await using var mux = new UdpMultiplexer();

        await using (var onV6 = await IpmiSession.OpenAsync(Options(v6.Port, 3) with { Host = "::1" }, mux, CancellationToken.None))
        {
            Assert.True((await onV6.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None)).IsOk);
            Assert.Equal(1, v6.Bmc.ActiveSessions);
            Assert.Equal(0, v4.Received);
        }

        await using var onV4 = await IpmiSession.OpenAsync(Options(v4.Port, 3), mux, CancellationToken.None);
        Assert.True((await onV4.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None)).IsOk);

        Assert.Equal(1, v4.Bmc.ActiveSessions);
        Assert.Equal(1, mux.SocketCountOf(AddressFamily.InterNetwork));
        Assert.Equal(1, mux.SocketCountOf(AddressFamily.InterNetworkV6));
    }

    /// <summary>Sends one-byte datagrams 0..count-1 to an echo server and waits until the lane holds <paramref name="queued"/> of them.</summary>
    private static async Task EchoUnreadAsync(IIpmiTransport lane, int count, int queued)
    {
        for (var i = 0; i < count; i++)
        {
            await lane.SendAsync(new[] { (byte)i }, CancellationToken.None);
        }

        await WaitQueuedAsync(lane, queued);
    }

    private static async Task WaitQueuedAsync(IIpmiTransport lane, int queued)
    {
        for (var i = 0; i < 500 && UdpMultiplexer.QueuedOf(lane) < queued; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(queued, UdpMultiplexer.QueuedOf(lane));
    }

    [Fact]
    public async Task Lane_DatagramsBetweenReceives_QueuedUpToTheLimitAndTheRestDropped()
    {
        await using var fixture = await EchoLane.OpenAsync();
        var (echo, lane) = (fixture.Echo, fixture.Lane);
        var sent = UdpMultiplexer.LaneQueueLength + 3;

        await EchoUnreadAsync(lane, sent, UdpMultiplexer.LaneQueueLength);
        for (var i = 0; i < 500 && echo.Received < sent; i++)
        {
            await Task.Delay(10);
        }

        // Two receive threads read the socket, so two datagrams close together may be queued in either order.
        var buffer = new byte[16];
        var received = new HashSet<byte>();
        for (var i = 0; i < UdpMultiplexer.LaneQueueLength; i++)
        {
            Assert.Equal(1, await lane.ReceiveAsync(buffer, CancellationToken.None));
            Assert.True(received.Add(buffer[0]) && buffer[0] < sent, $"unexpected or repeated datagram {buffer[0]}");
        }

        // The echoes past the limit were dropped: the next wait ends only by its cancellation.
        Assert.Equal(sent, echo.Received);
        Assert.Equal(0, UdpMultiplexer.QueuedOf(lane));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await lane.ReceiveAsync(buffer, cancel.Token));
    }

    [Fact]
    public async Task Lane_WaitCancelled_ThrowsAndTheNextWaitGetsTheNextDatagram()
    {
        await using var fixture = await EchoLane.OpenAsync();
        var lane = fixture.Lane;
        var buffer = new byte[16];

        using (var cancel = new CancellationTokenSource())
        {
            var waiting = lane.ReceiveAsync(buffer, cancel.Token);
            Assert.False(waiting.IsCompleted);
            await cancel.CancelAsync();
            var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
            Assert.Equal(cancel.Token, thrown.CancellationToken);
        }

        await lane.SendAsync(new byte[] { 42, 43 }, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(2, await lane.ReceiveAsync(buffer, timeout.Token));
        Assert.Equal(new byte[] { 42, 43 }, buffer[..2]);

        // A wait on a token cancelled before it starts ends at once, and leaves nothing behind.
        using var already = new CancellationTokenSource();
        await already.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await lane.ReceiveAsync(buffer, already.Token));
        await lane.SendAsync(new byte[] { 7 }, CancellationToken.None);
        Assert.Equal(1, await lane.ReceiveAsync(buffer, timeout.Token));
        Assert.Equal(7, buffer[0]);
    }

    [Fact]
    public async Task Lane_DisposedWhileWaiting_WaitFailsWithObjectDisposed()
    {
        await using var fixture = await EchoLane.OpenAsync();
        var lane = fixture.Lane;
        var buffer = new byte[16];

        var waiting = lane.ReceiveAsync(buffer, CancellationToken.None);
        await lane.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await waiting);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await lane.ReceiveAsync(buffer, CancellationToken.None));
    }

    [Fact]
    public async Task Lane_LongerDatagramThanTheBuffer_IsCutToTheBuffer()
    {
        await using var fixture = await EchoLane.OpenAsync();
        var lane = fixture.Lane;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        // One arrives while the receive waits (copied straight into its buffer), one while none waits (queued).
        var small = new byte[3];
        var waiting = lane.ReceiveAsync(small, timeout.Token);
        await lane.SendAsync(new byte[] { 1, 2, 3, 4, 5 }, CancellationToken.None);
        Assert.Equal(3, await waiting);
        Assert.Equal(new byte[] { 1, 2, 3 }, small);

        await lane.SendAsync(new byte[] { 6, 7, 8, 9, 10 }, CancellationToken.None);
        await WaitQueuedAsync(lane, 1);
        Assert.Equal(3, await lane.ReceiveAsync(small, timeout.Token));
        Assert.Equal(new byte[] { 6, 7, 8 }, small);
    }

    /// <summary>Awaits one receive and notes the thread the rest of the method runs on.</summary>
    private static async Task<(int Length, string? Thread, bool OnPool)> ReceiveNotingThreadAsync(IIpmiTransport lane, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var length = await lane.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
        return (length, Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread);
    }

    [Fact]
    public async Task Lane_AnswerToAWaitingReceive_ResumesTheCallerOnTheReceiveThread()
    {
        await using var fixture = await EchoLane.OpenAsync();
        var lane = fixture.Lane;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        // The receive waits before the datagram is sent, so the datagram completes the wait (not the queue).
        var waiting = ReceiveNotingThreadAsync(lane, new byte[16], timeout.Token);
        await lane.SendAsync(new byte[] { 9 }, CancellationToken.None);
        var (length, thread, onPool) = await waiting;

        Assert.Equal(1, length);
        Assert.False(onPool);
        Assert.StartsWith("ipmi-udp-rx-v4-", thread, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lane_WaitCancelledFromAnotherThread_ResumesOnThePoolNotInTheCanceller()
    {
        await using var fixture = await EchoLane.OpenAsync();
        using var cancel = new CancellationTokenSource();
        var resumed = WaitThenNoteAsync(fixture.Lane, cancel.Token);
        var canceller = new Thread(() => cancel.Cancel()) { Name = "test-canceller" };
        canceller.Start();
        canceller.Join();

        var (thread, onPool) = await resumed;

        Assert.True(onPool, $"resumed on {thread ?? "an unnamed thread"}");
        Assert.NotEqual("test-canceller", thread);

        static async Task<(string? Thread, bool OnPool)> WaitThenNoteAsync(IIpmiTransport lane, CancellationToken token)
        {
            try
            {
                await lane.ReceiveAsync(new byte[16], token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            return (Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread);
        }
    }

    [Fact]
    public async Task ThreadPoolHop_OffThePool_MovesTheRestToThePool()
    {
        var noted = new TaskCompletionSource<(bool CompletedAtOnce, bool OnPool)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => _ = HopAndNote(noted)) { Name = "test-dedicated" };
        thread.Start();
        var (completedAtOnce, onPool) = await noted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(completedAtOnce);
        Assert.True(onPool);

        // On a pool thread there is nothing to leave: the await completes at once.
        Assert.True(await Task.Run(() => ThreadPoolHop.Leave().GetAwaiter().IsCompleted));

        static async Task HopAndNote(TaskCompletionSource<(bool, bool)> noted)
        {
            var atOnce = ThreadPoolHop.Leave().GetAwaiter().IsCompleted;
            await ThreadPoolHop.Leave();
            noted.SetResult((atOnce, Thread.CurrentThread.IsThreadPoolThread));
        }
    }

    /// <summary>A lane of a fresh multiplexer to an echo server on loopback: what each lane test starts from.</summary>
    private sealed class EchoLane : IAsyncDisposable
    {
        private readonly UdpMultiplexer _mux;

        private EchoLane(UdpFakeBmcServer echo, UdpMultiplexer mux, IIpmiTransport lane)
        {
            Echo = echo;
            _mux = mux;
            Lane = lane;
        }

        public UdpFakeBmcServer Echo { get; }

        public IIpmiTransport Lane { get; }

        public static async Task<EchoLane> OpenAsync()
        {
            var echo = new UdpFakeBmcServer(new FakeBmc()) { Echo = true };
            var mux = new UdpMultiplexer();
            return new EchoLane(echo, mux, await mux.ConnectAsync("127.0.0.1", echo.Port, CancellationToken.None));
        }

        public async ValueTask DisposeAsync()
        {
            await _mux.DisposeAsync();
            await Echo.DisposeAsync();
        }
    }

    private static string TargetFor(string host, int port) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
}

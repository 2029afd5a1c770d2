using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Transport;
using BmcExporter.Ipmi.Crypto;

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

    [Fact]
    public async Task IpmiSession_ClosedPort_ThrowsTimeoutNamingPortUnreachable()
    {
        int port;
        await using (var server = new UdpFakeBmcServer(new FakeBmc()))
        {
            port = server.Port;
        }

        var options = new IpmiSessionOptions
        {
            Host = "127.0.0.1",
            Port = port,
            UserName = "reader",
            Password = IpmiSecret.FromString("readpass"),
            RequestTimeout = TimeSpan.FromMilliseconds(200),
            Retries = 1,
        };

        var ex = await Assert.ThrowsAsync<IpmiTimeoutException>(async () => await IpmiSession.OpenAsync(options, CancellationToken.None));

        Assert.Contains($"127.0.0.1:{port}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RequestTimeout", ex.Message, StringComparison.Ordinal);
    }
}

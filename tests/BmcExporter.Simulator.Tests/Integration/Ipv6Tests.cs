using System.Net;
using System.Net.Sockets;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Client.Transport;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Simulator.Fleet;

namespace BmcExporter.Simulator.Tests.Integration;

/// <summary>The simulator listens on ::1; our client reaches it over IPv6 through both transports.</summary>
public sealed class Ipv6Tests
{
    private static Task<SimulatedFleet> StartAsync(IPAddress bind, int portBase = 0) => SimulatedFleet.StartAsync(
        new FleetOptions
        {
            BindAddress = bind,
            PortBase = portBase,
            Profile = TestFleet.TestProfile,
            UserName = "reader",
            Password = "reader-pass"u8.ToArray(),
            Seed = 7,
        },
        CancellationToken.None);

    private static IpmiSessionOptions Options(string host, int port) => new()
    {
        Host = host,
        Port = port,
        UserName = "reader",
        Password = IpmiSecret.FromString("reader-pass"),
        RequestTimeout = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task StartAsync_BindIpv6Loopback_EndpointIsIpv6()
    {
        await using var fleet = await StartAsync(IPAddress.IPv6Loopback);

        Assert.Equal(AddressFamily.InterNetworkV6, fleet.Endpoints[0].AddressFamily);
        Assert.Equal(IPAddress.IPv6Loopback, fleet.Endpoints[0].Address);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Client_Ipv6Simulator_ReadsSdrAndSensors(bool shared)
    {
        await using var fleet = await StartAsync(IPAddress.IPv6Loopback);
        await using var mux = new UdpMultiplexer();
        var options = Options("[::1]", fleet.Endpoints[0].Port);
        await using var session = shared
            ? await IpmiSession.OpenAsync(options, mux, CancellationToken.None)
            : await IpmiSession.OpenAsync(options, CancellationToken.None);

        var sdr = await SdrRepositoryReader.ReadAsync(session, null, CancellationToken.None);
        var readings = await SensorReader.ReadAllAsync(session, sdr.Sensors, null, CancellationToken.None);

        Assert.NotEmpty(readings);
        Assert.Contains(readings, r => r.Name == "Inlet Temp" && r.Value == 24.0);
        Assert.Equal(1, fleet.ActiveSessions(0));
    }

    [Fact]
    public async Task Multiplexer_V6TargetWithV4BmcOnSamePort_NeverReachesTheV4Bmc()
    {
        await using var v6 = await StartAsync(IPAddress.IPv6Loopback);
        var port = v6.Endpoints[0].Port;
        await using var v4 = await StartAsync(IPAddress.Loopback, port);
        await using var mux = new UdpMultiplexer();

        await using (var session = await IpmiSession.OpenAsync(Options("::1", port), mux, CancellationToken.None))
        {
            await session.SendAsync(new BmcExporter.Ipmi.IpmiRequest(BmcExporter.Ipmi.NetFn.App, 0x01, ReadOnlyMemory<byte>.Empty), CancellationToken.None);
            Assert.Equal(1, v6.ActiveSessions(0));
            Assert.Equal(0, v4.ActiveSessions(0));
            Assert.Equal(0L, v4.Statistics.Received);
        }

        await using var onV4 = await IpmiSession.OpenAsync(Options("127.0.0.1", port), mux, CancellationToken.None);
        Assert.Equal(1, v4.ActiveSessions(0));
    }
}

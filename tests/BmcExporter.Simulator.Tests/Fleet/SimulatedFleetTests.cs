using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Simulator.Fleet;

namespace BmcExporter.Simulator.Tests.Fleet;

public sealed class SimulatedFleetTests
{
    [Fact]
    public async Task StartAsync_SeveralBmcs_EachHasItsOwnPortIdentityAndSessions()
    {
        await using var fleet = await TestFleet.StartAsync(count: 3);
        Assert.Equal(3, fleet.Endpoints.Select(e => e.Port).Distinct().Count());
        for (var i = 0; i < 3; i++)
        {
            await using var session = await IpmiSession.OpenAsync(
                new IpmiSessionOptions { Host = "127.0.0.1", Port = fleet.Endpoints[i].Port, UserName = "reader", Password = IpmiSecret.FromString("reader-pass") },
                CancellationToken.None);
            var fru = await FruReader.ReadAsync(session, 0, null, CancellationToken.None);
            Assert.Equal($"TPS0000{i}", fru.Inventory.Product!.SerialNumber);
            Assert.Equal(1, fleet.ActiveSessions(i));
        }

        Assert.Equal(3, fleet.Statistics.SessionsOpened);
    }

    [Fact]
    public async Task StartAsync_WithoutCredentials_GeneratesAUserAccount()
    {
        await using var fleet = await SimulatedFleet.StartAsync(new FleetOptions { Profile = TestFleet.TestProfile }, CancellationToken.None);
        Assert.Equal("sim", fleet.Credentials.UserName);
        Assert.Equal(16, fleet.Credentials.Password.Length);
        await using var session = await IpmiSession.OpenAsync(
            new IpmiSessionOptions { Host = "127.0.0.1", Port = fleet.Endpoints[0].Port, UserName = "sim", Password = IpmiSecret.FromString(fleet.Credentials.Password) },
            CancellationToken.None);
        Assert.Equal("3.07", (await session.GetDeviceIdAsync(CancellationToken.None)).FirmwareRevision);
    }

    [Fact]
    public async Task StartAsync_PortInUse_FailsNamingThePort()
    {
        await using var first = await TestFleet.StartAsync();
        var port = first.Endpoints[0].Port;
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => SimulatedFleet.StartAsync(new FleetOptions { PortBase = port, Profile = TestFleet.TestProfile }, CancellationToken.None));
        Assert.Contains($":{port}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_InvalidCount_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SimulatedFleet.StartAsync(new FleetOptions { BmcCount = 0 }, CancellationToken.None));
    }
}

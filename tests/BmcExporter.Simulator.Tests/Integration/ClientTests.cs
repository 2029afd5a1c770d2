using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Sel;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Ipmi.Session;
using BmcExporter.Simulator.Fleet;

namespace BmcExporter.Simulator.Tests.Integration;

/// <summary>Our own client (IpmiSession + Operations) against the simulator, for every simulated cipher suite.</summary>
public sealed class ClientTests : IAsyncLifetime
{
    private SimulatedFleet _fleet = null!;

    public async Task InitializeAsync() => _fleet = await TestFleet.StartAsync();

    public async Task DisposeAsync() => await _fleet.DisposeAsync();

    private ValueTask<IpmiSession> OpenAsync(byte suite, string user = "reader", string password = "reader-pass", PrivilegeLevel privilege = PrivilegeLevel.User) =>
        IpmiSession.OpenAsync(
            new IpmiSessionOptions
            {
                Host = "127.0.0.1",
                Port = _fleet.Endpoints[0].Port,
                UserName = user,
                Password = IpmiSecret.FromString(password),
                CipherSuites = [suite],
                Privilege = privilege,
                RequestTimeout = TimeSpan.FromMilliseconds(500),
            },
            CancellationToken.None);

    [Theory]
    [InlineData(17)]
    [InlineData(3)]
    [InlineData(2)]
    [InlineData(1)]
    public async Task ReadAll_EverySuite_MatchesProfile(byte suite)
    {
        await using var session = await OpenAsync(suite);
        var device = await session.GetDeviceIdAsync(CancellationToken.None);
        Assert.Equal("3.07", device.FirmwareRevision);
        Assert.Equal(0x1234u, device.ManufacturerId);

        var sdr = await SdrRepositoryReader.ReadAsync(session, null, CancellationToken.None);
        var readings = await SensorReader.ReadAllAsync(session, sdr.Sensors, null, CancellationToken.None);
        var byName = readings.ToDictionary(r => r.Name);
        Assert.Equal(24.0, byName["Inlet Temp"].Value);
        Assert.Equal(SensorStatus.Ok, byName["Inlet Temp"].Status);
        Assert.Equal(42.0, byName["Inlet Temp"].Thresholds.UpperCritical);
        Assert.Equal(91.0, byName["CPU Temp"].Value);
        Assert.Equal(SensorStatus.Warning, byName["CPU Temp"].Status);
        Assert.Equal(6000.0, byName["FAN1"].Value);
        Assert.Equal(12.06, byName["12V"].Value!.Value, 3);
        Assert.Equal(SensorStatus.Unavailable, byName["Dead Sensor"].Status);
        var psus = readings.Where(r => r.SensorNumber is 6 or 7).ToList(); // PSU shared record: sensors 6 and 7
        Assert.Equal(2, psus.Count);
        Assert.All(psus, p => Assert.StartsWith("PSU", p.Name, StringComparison.Ordinal));
        Assert.All(psus, p => Assert.Equal([0], p.AssertedStates));
        Assert.Equal([0, 1], byName["Drive"].AssertedStates);

        var sel = await SelReader.ReadAsync(session, null, null, CancellationToken.None);
        Assert.Equal(2, sel.Records.Count);
        var driveEvent = Assert.IsType<SystemEventRecord>(sel.Records[1]);
        Assert.Equal(0x0D, driveEvent.SensorType);
        Assert.Equal(1, driveEvent.Offset);

        var fru = await FruReader.ReadAsync(session, 0, null, CancellationToken.None);
        Assert.Equal("Test Board", fru.Inventory.Board!.ProductName);
        Assert.Equal("TPS00000", fru.Inventory.Product!.SerialNumber);

        var chassis = await session.GetChassisStatusAsync(CancellationToken.None);
        Assert.True(chassis.PowerOn);
        Assert.True(chassis.IntrusionActive);

        var power = await session.GetPowerReadingAsync(CancellationToken.None);
        Assert.Equal(200, power.Reading!.Value.CurrentWatts);
    }

    [Fact]
    public async Task Open_WrongPassword_FailsAuthentication()
    {
        await Assert.ThrowsAsync<IpmiAuthenticationException>(async () => await OpenAsync(17, password: "wrong"));
    }

    [Fact]
    public async Task Open_UnknownUser_IsRejected()
    {
        await Assert.ThrowsAsync<IpmiUnknownUserException>(async () => await OpenAsync(3, user: "nobody"));
    }

    [Fact]
    public async Task Open_AdminOnUserAccount_IsRefused()
    {
        await Assert.ThrowsAnyAsync<IpmiException>(async () => await OpenAsync(17, privilege: PrivilegeLevel.Administrator));
    }

    [Fact]
    public async Task Open_OperatorAccount_GetsOperatorPrivilege()
    {
        await using var session = await OpenAsync(17, "operator", "op-secret-1", PrivilegeLevel.Operator);
        var response = await session.SendAsync(new IpmiRequest(NetFn.App, 0x3B, new byte[] { 0 }), CancellationToken.None);
        Assert.Equal(0, response.CompletionCode);
        Assert.Equal((byte)PrivilegeLevel.Operator, response.Data.Span[0]);
    }

    [Fact]
    public async Task Open_SuiteNotOffered_IsRefused()
    {
        await Assert.ThrowsAnyAsync<IpmiException>(async () => await OpenAsync(16));
    }
}

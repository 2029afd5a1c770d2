using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Session;
using BmcExporter.Simulator.Faults;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;
using BmcExporter.Simulator.Tests.Faults;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Simulator.Tests.Fleet;

/// <summary>Behaviour that depends on simulated time, driven by a fake clock given to the fleet.</summary>
public sealed class TimeDrivenTests
{
    private static ValueTask<IpmiSession> OpenAsync(SimulatedFleet fleet, string user = "reader", string password = "reader-pass", PrivilegeLevel privilege = PrivilegeLevel.User) =>
        IpmiSession.OpenAsync(
            new IpmiSessionOptions
            {
                Host = "127.0.0.1",
                Port = fleet.Endpoints[0].Port,
                UserName = user,
                Password = IpmiSecret.FromString(password),
                Privilege = privilege,
                RequestTimeout = TimeSpan.FromMilliseconds(400),
                Retries = 1,
            },
            CancellationToken.None);

    [Fact]
    public async Task SessionLimit_Reached_RefusesUntilIdleSessionsExpire()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var fleet = await TestFleet.StartAsync(time: time, idleTimeout: TimeSpan.FromSeconds(60));
        var sessions = new List<IpmiSession>();
        for (var i = 0; i < 3; i++)
        {
            sessions.Add(await OpenAsync(fleet)); // test-bmc allows 3 sessions
        }

        Assert.Equal(3, fleet.ActiveSessions(0));
        await Assert.ThrowsAnyAsync<IpmiException>(async () => await OpenAsync(fleet));

        time.Advance(TimeSpan.FromSeconds(61)); // IPMI v2.0 §6.12.15 idle timeout
        await using var fresh = await OpenAsync(fleet);
        Assert.Equal(3, fleet.Statistics.SessionsExpired);
        Assert.Equal(1, fleet.ActiveSessions(0));
    }

    [Fact]
    public async Task StopAnswering_Window_SilentThenBack()
    {
        var time = new FakeTimeProvider();
        var faults = FaultLoader.Parse("faults: [ { stopAfterSeconds: 10, stopForSeconds: 5 } ]", "t");
        await using var fleet = await TestFleet.StartAsync(faults: faults, time: time);
        using var probe = new Probe(fleet.Endpoints[0]);
        Assert.Equal(5, (await probe.SendManyAsync(5)).Count);
        time.Advance(TimeSpan.FromSeconds(11));
        Assert.Empty(await probe.SendManyAsync(5));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(5, (await probe.SendManyAsync(5)).Count);
    }

    [Fact]
    public async Task Reboot_LosesAllSessions()
    {
        var time = new FakeTimeProvider();
        var faults = FaultLoader.Parse("faults: [ { rebootEverySeconds: 100, rebootDowntimeSeconds: 5 } ]", "t");
        await using var fleet = await TestFleet.StartAsync(faults: faults, time: time);
        await using var session = await OpenAsync(fleet);
        Assert.Equal(1, fleet.ActiveSessions(0));
        using var probe = new Probe(fleet.Endpoints[0]);
        time.Advance(TimeSpan.FromSeconds(101));
        Assert.Empty(await probe.SendManyAsync(3)); // down while rebooting
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(3, (await probe.SendManyAsync(3)).Count);
        Assert.Equal(0, fleet.ActiveSessions(0));
    }

    [Fact]
    public async Task Sel_GrowsOverTime_AndClearEmptiesIt()
    {
        var time = new FakeTimeProvider();
        var profile = ProfileLoader.LoadShipped("typical-1u");
        await using var fleet = await SimulatedFleet.StartAsync(
            new FleetOptions { Profile = profile, TimeProvider = time, UserName = "reader", Password = "reader-pass"u8.ToArray() },
            CancellationToken.None);
        await using var reader = await OpenAsync(fleet);
        var before = await SelReader.ReadAsync(reader, null, null, CancellationToken.None);
        Assert.Equal(profile.Sel.Initial.Length, before.Records.Count);

        time.Advance(TimeSpan.FromSeconds(601)); // growth every 300 s
        var after = await SelReader.ReadAsync(reader, before.Cursor, null, CancellationToken.None);
        Assert.Equal(2, after.Records.Count);

        // Clear SEL needs Operator (IPMI v2.0 §31.9): refused for the USER account.
        var reservation = Reserve.DecodeResponse((await reader.SendAsync(Reserve.CreateSelRequest(), CancellationToken.None)).Data.Span);
        var refused = await reader.SendAsync(ClearRequest(reservation), CancellationToken.None);
        Assert.Equal((byte)CompletionCode.InsufficientPrivilege, refused.CompletionCode);

        var operatorProfile = ProfileLoader.Parse(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Profiles", "test-bmc.yaml")), "test-bmc");
        await using var opFleet = await TestFleet.StartAsync(profile: operatorProfile, time: time);
        await using var op = await OpenAsync(opFleet, "operator", "op-secret-1", PrivilegeLevel.Operator);
        var res = Reserve.DecodeResponse((await op.SendAsync(Reserve.CreateSelRequest(), CancellationToken.None)).Data.Span);
        Assert.Equal(0, (await op.SendAsync(ClearRequest(res), CancellationToken.None)).CompletionCode);
        var cleared = await SelReader.ReadAsync(op, null, null, CancellationToken.None);
        Assert.Empty(cleared.Records);
        Assert.NotEqual(0xFFFFFFFFu, cleared.Info.EraseTimestamp);
    }

    [Fact]
    public async Task SdrChange_AfterConfiguredTime_AddsRecordAndMovesTimestamp()
    {
        var time = new FakeTimeProvider();
        var profile = ProfileLoader.LoadShipped("gpu-dense");
        await using var fleet = await SimulatedFleet.StartAsync(
            new FleetOptions { Profile = profile, TimeProvider = time, UserName = "reader", Password = "reader-pass"u8.ToArray() },
            CancellationToken.None);
        await using var session = await OpenAsync(fleet);
        var before = await SdrRepositoryReader.ReadAsync(session, null, CancellationToken.None);
        time.Advance(profile.SdrChangeAfter!.Value + TimeSpan.FromSeconds(1));
        var after = await SdrRepositoryReader.ReadAsync(session, null, CancellationToken.None);
        Assert.Equal(before.Records.Count + 1, after.Records.Count);
        Assert.DoesNotContain(before.Sensors, s => s.Name == "Riser Temp");
        Assert.Contains(after.Sensors, s => s.Name == "Riser Temp");
        Assert.True(after.Info!.Value.AdditionTimestamp > before.Info!.Value.AdditionTimestamp);
    }

    private static IpmiRequest ClearRequest(ushort reservation) =>
        new(NetFn.Storage, 0x47, new byte[] { (byte)reservation, (byte)(reservation >> 8), (byte)'C', (byte)'L', (byte)'R', 0xAA });
}

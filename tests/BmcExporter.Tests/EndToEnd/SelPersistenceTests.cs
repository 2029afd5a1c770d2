using BmcExporter.Snapshots;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Sessions;

namespace BmcExporter.Tests.EndToEnd;

public sealed class SelPersistenceTests
{
    [Fact]
    public async Task Scrape_AcrossExporterRestart_NeitherLosesNorRepeatsSelEvents()
    {
        await using var sim = await SimulatorFixture.StartAsync(1);
        var config = sim.Config(ScrapeMode.OnDemand, CollectorKind.Sel);
        var target = ScrapeTarget.From(config.Targets[0], config)!;

        int firstRun;
        await using (var sessions = new IpmiSessionFactory(TimeProvider.System))
        await using (var runtime = SimulatorFixture.Runtime(config, sessions))
        {
            var first = await runtime.Coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(10), CancellationToken.None);
            var second = await runtime.Coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(10), CancellationToken.None);
            firstRun = first.NewSelEvents.Count;
            Assert.Equal(3, firstRun);
            Assert.Empty(second.NewSelEvents);
            Assert.Equal(first.NewSelEvents.Select(e => e.StableId).Distinct().Count(), firstRun);
        }

        await using (var sessions = new IpmiSessionFactory(TimeProvider.System))
        await using (var restarted = SimulatorFixture.Runtime(config, sessions))
        {
            var afterRestart = await restarted.Coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(10), CancellationToken.None);

            Assert.True(afterRestart.Succeeded("sel"), afterRestart.Error);
            Assert.Empty(afterRestart.NewSelEvents);
            Assert.Equal(3, afterRestart.Sel!.Entries);
        }

        Assert.True(File.Exists(Path.Combine(sim.StateDir, $"127.0.0.1_{target.Port}_default.sel.json")));
    }

    [Fact]
    public async Task Scrape_AfterSelClear_DetectsClearAndReportsNoStaleEvents()
    {
        await using var sim = await SimulatorFixture.StartAsync(1);
        var config = sim.Config(ScrapeMode.OnDemand, CollectorKind.Sel);
        var target = ScrapeTarget.From(config.Targets[0], config)!;
        await using var sessions = new IpmiSessionFactory(TimeProvider.System);
        await using var runtime = SimulatorFixture.Runtime(config, sessions);
        var before = await runtime.Coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(3, before.NewSelEvents.Count);

        await ClearSelAsync(target.Host, target.Port);
        var after = await runtime.Coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.True(after.Succeeded("sel"), after.Error);
        Assert.True(after.Sel!.ClearDetected);
        Assert.Equal(0, after.Sel.Entries);
        Assert.Empty(after.NewSelEvents);
    }

    /// <summary>Clear SEL as an operator (IPMI v2.0 §31.9): reserve, then "CLR" with 0xAA to initiate erase.</summary>
    private static async Task ClearSelAsync(string host, int port)
    {
        await using var session = await IpmiSession.OpenAsync(
            new IpmiSessionOptions
            {
                Host = host,
                Port = port,
                UserName = SimulatorFixture.Operator,
                Password = IpmiSecret.FromString(SimulatorFixture.OperatorPassword),
                Privilege = BmcExporter.Ipmi.Session.PrivilegeLevel.Operator,
            },
            CancellationToken.None);
        // A retransmitted Reserve SEL (a slow machine) makes a second reservation that cancels the first (0xC5,
        // §31.4): reserve again, a bounded number of times.
        IpmiResponse? clear = null;
        for (var attempt = 0; attempt < 5 && clear is not { CompletionCode: 0 }; attempt++)
        {
            var reserve = await session.SendAsync(Reserve.CreateSelRequest(), CancellationToken.None);
            var reservation = Reserve.DecodeResponse(reserve.EnsureOk(NetFn.Storage, Reserve.SelCommand).Data.Span);
            var data = new byte[] { (byte)reservation, (byte)(reservation >> 8), (byte)'C', (byte)'L', (byte)'R', 0xAA };
            clear = await session.SendAsync(new IpmiRequest(NetFn.Storage, 0x47, data), CancellationToken.None);
        }

        clear!.Value.EnsureOk(NetFn.Storage, 0x47);
    }
}

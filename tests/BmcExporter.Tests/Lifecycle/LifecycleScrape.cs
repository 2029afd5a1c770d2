using System.Text;
using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Sessions;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.Lifecycle;

/// <summary>One simulated BMC of a shipped profile, scraped once by the bmc, chassis and sel collectors over a real session.</summary>
internal static class LifecycleScrape
{
    private const string User = "reader";
    private const string Password = "readpass1";

    public static async Task<(TargetSnapshot Snapshot, TargetStats Stats, string Text)> RunAsync(string profile)
    {
        await using var fleet = await SimulatedFleet.StartAsync(
            new FleetOptions { BmcCount = 1, UserName = User, Password = Encoding.ASCII.GetBytes(Password), Profile = ProfileLoader.LoadShipped(profile) },
            CancellationToken.None);
        var port = fleet.Endpoints[0].Port;
        var target = new ScrapeTarget
        {
            Address = $"127.0.0.1:{port}",
            Host = "127.0.0.1",
            Port = port,
            Module = new ModuleConfig
            {
                Name = "default",
                User = User,
                Password = IpmiSecret.FromString(Password, "test"),
                Collectors = [CollectorKind.Bmc, CollectorKind.Chassis, CollectorKind.Sel],
                Timeout = TimeSpan.FromSeconds(2),
                Retries = 1,
            },
        };
        await using var session = await IpmiSession.OpenAsync(IpmiSessionFactory.CreateOptions(target, TimeProvider.System), CancellationToken.None);
        var builder = new SnapshotBuilder(target.Address, "default", new Dictionary<string, string>(), ["bmc", "chassis", "sel"], TimeProvider.System);
        var stats = new TargetStats();
        var context = new CollectContext
        {
            Target = target,
            Channel = session,
            Builder = builder,
            State = new BmcExporter.State.TargetStateStore(null, NullLogger.Instance),
            Stats = stats,
            Time = TimeProvider.System,
            Logger = NullLogger.Instance,
        };
        IScrapeCollector[] collectors = [new BmcCollector(), new ChassisCollector(), new SelCollector()];
        foreach (var collector in collectors)
        {
            await collector.CollectAsync(context, CancellationToken.None);
            builder.Complete(CollectorLabels.Of(collector.Kind), true, null, TimeSpan.Zero);
        }

        var snapshot = builder.Build("pending");
        stats.RecordSelEvents(snapshot.NewSelEvents, selRead: snapshot.Sel is not null);
        return (snapshot, stats, Output.Render.Ipmi(snapshot, stats));
    }
}

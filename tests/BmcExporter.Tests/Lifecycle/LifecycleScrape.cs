using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Ipmi.Client;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.Lifecycle;

/// <summary>One simulated BMC of a shipped profile, scraped once by the bmc, chassis and sel collectors over a real session.</summary>
internal static class LifecycleScrape
{
    public static async Task<(TargetSnapshot Snapshot, TargetStats Stats, string Text)> RunAsync(string profile)
    {
        var (started, target) = await OneSimulatedBmc.StartAsync(profile, [CollectorKind.Bmc, CollectorKind.Chassis, CollectorKind.Sel]);
        await using var fleet = started;
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

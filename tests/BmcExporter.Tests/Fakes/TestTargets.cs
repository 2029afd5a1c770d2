using BmcExporter.Snapshots;
using BmcExporter.Config;
using BmcExporter.Engine;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.Fakes;

internal static class TestTargets
{
    public static ModuleConfig Module(params CollectorKind[] collectors) => new()
    {
        Name = "default",
        User = "reader",
        Collectors = collectors.Length == 0 ? [CollectorKind.Sensors, CollectorKind.Bmc] : collectors,
    };

    public static ScrapeTarget Target(string host, int port = 623, ModuleConfig? module = null, TimeSpan? interval = null) => new()
    {
        Address = HostPort.Format(host, port),
        Host = host,
        Port = port,
        Module = module ?? Module(),
        Interval = interval ?? TimeSpan.FromSeconds(60),
        Timeout = TimeSpan.FromSeconds(10),
    };

    public static ScrapeCoordinator Coordinator(ITargetScraper scraper, TimeProvider time, int maxConcurrency = 4, BreakerOptions? breaker = null, SnapshotStore? store = null, TargetStatsRegistry? stats = null) =>
        new(scraper, store ?? new SnapshotStore(), stats ?? new TargetStatsRegistry(), maxConcurrency, breaker ?? new BreakerOptions(), time, NullLogger.Instance);
}

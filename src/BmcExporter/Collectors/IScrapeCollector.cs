using BmcExporter.Config;
using BmcExporter.Snapshots;
using BmcExporter.Ipmi;
using BmcExporter.State;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Collectors;

/// <summary>One kind of data read from a BMC (sensors, SEL, chassis...), registered by its config name.</summary>
public interface IScrapeCollector
{
    /// <summary>The collector this implements.</summary>
    CollectorKind Kind { get; }

    /// <summary>Reads and writes the result into <see cref="CollectContext.Builder"/>; throws on failure.</summary>
    Task CollectAsync(CollectContext context, CancellationToken cancellationToken);
}

/// <summary>What a collector works with during one scrape of one target.</summary>
public sealed class CollectContext
{
    public required ScrapeTarget Target { get; init; }

    /// <summary>The target's session (commands are counted for the self-metrics).</summary>
    public required IIpmiChannel Channel { get; init; }

    public required SnapshotBuilder Builder { get; init; }

    /// <summary>Persisted per-target state: SDR cache and SEL cursor.</summary>
    public required TargetStateStore State { get; init; }

    public required TargetStats Stats { get; init; }

    public required TimeProvider Time { get; init; }

    public required ILogger Logger { get; init; }
}

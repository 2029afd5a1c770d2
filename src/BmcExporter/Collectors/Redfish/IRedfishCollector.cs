using BmcExporter.Config;
using BmcExporter.Redfish;
using BmcExporter.Snapshots;
using BmcExporter.State;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Collectors.Redfish;

/// <summary>
/// A collector served over Redfish: it fills the same snapshot parts as the IPMI collector of the same
/// <see cref="Kind"/>, so the outputs cannot tell which protocol read a BMC (docs/metrics.md, "Redfish").
/// </summary>
public interface IRedfishCollector
{
    /// <summary>The collector this implements (<c>collectors:</c> name).</summary>
    CollectorKind Kind { get; }

    /// <summary>Reads and writes the result into <see cref="RedfishCollectContext.Builder"/>; throws on failure.</summary>
    Task CollectAsync(RedfishCollectContext context, CancellationToken cancellationToken);
}

/// <summary>What a Redfish collector works with during one scrape of one target.</summary>
public sealed class RedfishCollectContext
{
    public required ScrapeTarget Target { get; init; }

    /// <summary>The target's session (kept across scrapes).</summary>
    public required RedfishReader Reader { get; init; }

    /// <summary>Readings and inventory read at most once per scrape, shared by the collectors.</summary>
    public required RedfishScrapeData Data { get; init; }

    public required SnapshotBuilder Builder { get; init; }

    /// <summary>Persisted log cursors.</summary>
    public required RedfishLogCursors Cursors { get; init; }

    public required TimeProvider Time { get; init; }

    public required ILogger Logger { get; init; }
}

using BmcExporter.Config;
using BmcExporter.Snapshots;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Commands;
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

    /// <summary>
    /// Optional parts of a collector (one command among several) the BMC said it does not offer, remembered per target
    /// like whole unsupported collectors, so a refused command is not sent again every scrape. By default nothing is
    /// remembered (every scrape asks).
    /// </summary>
    public IOptionalFeatures Features { get; init; } = NoFeatureMemory.Instance;

    /// <summary>Answers shared by the collectors of one scrape (by default, this collector's own).</summary>
    public ScrapeMemo Memo { get; init; } = new();

    /// <summary>Get Device ID through <see cref="Memo"/>: one command per scrape, however many collectors ask.</summary>
    public ValueTask<DeviceIdInfo> GetDeviceIdAsync(CancellationToken cancellationToken) => Memo.DeviceIdAsync(Channel, cancellationToken);
}

/// <summary>What a target's BMC said it does not offer, below the level of a whole collector.</summary>
public interface IOptionalFeatures
{
    /// <summary><c>true</c> when <paramref name="feature"/> was refused by this target and no re-check is due.</summary>
    bool IsKnownUnsupported(string feature);

    /// <summary>Records that the target refused <paramref name="feature"/>.</summary>
    void MarkUnsupported(string feature, string reason);
}

/// <summary>Remembers nothing: every scrape asks for every optional feature.</summary>
public sealed class NoFeatureMemory : IOptionalFeatures
{
    public static readonly NoFeatureMemory Instance = new();

    private NoFeatureMemory()
    {
    }

    /// <inheritdoc />
    public bool IsKnownUnsupported(string feature) => false;

    /// <inheritdoc />
    public void MarkUnsupported(string feature, string reason)
    {
    }
}

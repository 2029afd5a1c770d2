namespace BmcExporter.Config;

/// <summary>
/// Which share of the fleet this replica owns (<c>sharding:</c>, <c>--shard</c>/<c>--shards</c>, or the
/// StatefulSet pod ordinal). See <c>BmcExporter.Targets.ShardAssigner</c>.
/// </summary>
public sealed record ShardingConfig
{
    /// <summary><c>shard</c>: this replica's index, 0 ≤ shard &lt; shards. Default 0.</summary>
    public int Shard { get; init; }

    /// <summary>
    /// <c>shard: auto</c> (or <c>--shard auto</c>, or shards &gt; 1 with no shard given): take the shard from
    /// the StatefulSet pod ordinal, the <c>-N</c> suffix of <c>HOSTNAME</c>. Resolved by
    /// <see cref="ServeOptions.Apply"/>; a resolved config always has this <c>false</c>.
    /// </summary>
    public bool ShardFromPodOrdinal { get; init; }

    /// <summary><c>shards</c>: number of replicas splitting the fleet, at least 1. Default 1 (no sharding).</summary>
    public int Shards { get; init; } = 1;

    /// <summary><c>true</c> when more than one shard exists.</summary>
    public bool IsSharded => Shards > 1;
}

using System.Text;
using BmcExporter.Config;

namespace BmcExporter.Targets;

/// <summary>
/// Splits targets over replicas with jump consistent hashing (Lamping &amp; Veach, "A Fast, Minimal Memory,
/// Consistent Hash Algorithm", 2014) over a stable 64-bit hash of the target key <c>host:port</c>: every
/// target lands on exactly one shard, and going from M to M+1 shards moves only about 1/(M+1) of them.
/// </summary>
public static class ShardAssigner
{
    /// <summary>The shard in 0..<paramref name="shards"/>-1 that owns <paramref name="targetKey"/>.</summary>
    public static int ShardOf(string targetKey, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        return JumpHash(StableHash(targetKey), shards);
    }

    /// <summary><c>true</c> when this replica (<paramref name="sharding"/>) owns <paramref name="target"/>.</summary>
    public static bool Owns(TargetConfig target, ShardingConfig sharding) =>
        !sharding.IsSharded || ShardOf(target.Key, sharding.Shards) == sharding.Shard;

    /// <summary>The targets this replica owns, order kept.</summary>
    public static IReadOnlyList<TargetConfig> Filter(IEnumerable<TargetConfig> targets, ShardingConfig sharding) =>
        targets.Where(t => Owns(t, sharding)).ToList();

    /// <summary>Jump consistent hash: maps a 64-bit key to a bucket in 0..<paramref name="buckets"/>-1.</summary>
    public static int JumpHash(ulong key, int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        long bucket = -1;
        long next = 0;
        while (next < buckets)
        {
            bucket = next;
            // A 64-bit linear congruential step drives the pseudo-random jumps.
            key = unchecked((key * 2862933555777941757UL) + 1);
            next = (long)((bucket + 1) * ((double)(1L << 31) / ((key >> 33) + 1)));
        }

        return (int)bucket;
    }

    /// <summary>
    /// A hash of the key that never changes between runs, machines or .NET versions: FNV-1a 64 over the
    /// lower-cased UTF-8 key, then the MurmurHash3 64-bit finaliser so that keys differing in one
    /// character spread over all bits.
    /// </summary>
    public static ulong StableHash(string targetKey)
    {
        Span<byte> buffer = stackalloc byte[256];
        var lower = targetKey.ToLowerInvariant();
        var hash = Encoding.UTF8.GetByteCount(lower) <= buffer.Length
            ? Fnv1a64(buffer[..Encoding.UTF8.GetBytes(lower, buffer)])
            : Fnv1a64(Encoding.UTF8.GetBytes(lower));
        hash ^= hash >> 33;
        hash = unchecked(hash * 0xff51afd7ed558ccdUL);
        hash ^= hash >> 33;
        hash = unchecked(hash * 0xc4ceb9fe1a85ec53UL);
        hash ^= hash >> 33;
        return hash;
    }

    /// <summary>FNV-1a, 64-bit (Fowler, Noll, Vo; offset basis 14695981039346656037, prime 1099511628211).</summary>
    internal static ulong Fnv1a64(ReadOnlySpan<byte> data)
    {
        const ulong offsetBasis = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var hash = offsetBasis;
        foreach (var b in data)
        {
            hash ^= b;
            hash = unchecked(hash * prime);
        }

        return hash;
    }
}

using BmcExporter.Config;
using BmcExporter.Targets;

namespace BmcExporter.Tests.Targets;

public sealed class ShardAssignerTests
{
    private const ulong PinnedHash = 14225716476840965400UL;

    private static readonly string[] Fleet = Enumerable.Range(0, 10_000).Select(i => $"10.{i / 65536}.{i / 256 % 256}.{i % 256}:623").ToArray();

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Filter_AllShards_CoverFleetWithoutOverlap(int shards)
    {
        var targets = Fleet.Take(2000).Select(k => new TargetConfig { Host = k[..k.LastIndexOf(':')] }).ToList();
        var owned = Enumerable.Range(0, shards)
            .Select(s => ShardAssigner.Filter(targets, new ShardingConfig { Shard = s, Shards = shards }))
            .ToList();

        Assert.Equal(targets.Count, owned.Sum(o => o.Count));
        Assert.Equal(targets.Count, owned.SelectMany(o => o).Select(t => t.Key).Distinct().Count());
    }

    [Fact]
    public void ShardOf_Distribution_IsEven()
    {
        const int shards = 8;
        var counts = new int[shards];
        foreach (var key in Fleet)
        {
            counts[ShardAssigner.ShardOf(key, shards)]++;
        }

        // Expected 1250 each; a binomial standard deviation is ~33, so ±15% is > 5 sigma.
        Assert.All(counts, c => Assert.InRange(c, 1060, 1440));
    }

    [Theory]
    [InlineData(4, 5)]
    [InlineData(9, 10)]
    [InlineData(10, 12)]
    public void ShardOf_GrowingShards_MovesAboutTheMinimum(int before, int after)
    {
        var moved = Fleet.Count(k => ShardAssigner.ShardOf(k, before) != ShardAssigner.ShardOf(k, after));
        var ideal = Fleet.Length * (after - before) / (double)after;

        Assert.InRange(moved, ideal * 0.85, ideal * 1.15);
        // Keys only ever move to the new shards, never between old ones.
        Assert.All(Fleet.Where(k => ShardAssigner.ShardOf(k, before) != ShardAssigner.ShardOf(k, after)),
            k => Assert.True(ShardAssigner.ShardOf(k, after) >= before));
    }

    [Fact]
    public void StableHash_IsCaseInsensitiveAndPinned()
    {
        // Pinned: a change of hash would reshuffle every sharded deployment, so it must fail loudly.
        Assert.Equal(ShardAssigner.StableHash("BMC-1.example.com:623"), ShardAssigner.StableHash("bmc-1.example.com:623"));
        Assert.NotEqual(ShardAssigner.StableHash("10.0.0.1:623"), ShardAssigner.StableHash("10.0.0.2:623"));
        Assert.Equal(PinnedHash, ShardAssigner.StableHash("10.0.0.1:623"));
    }

    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void Fnv1a64_PublishedVectors(string input, ulong expected)
    {
        Assert.Equal(expected, ShardAssigner.Fnv1a64(System.Text.Encoding.ASCII.GetBytes(input)));
    }

    [Theory]
    [InlineData(1UL, 1, 0)]
    [InlineData(42UL, 57, 43)]
    [InlineData(0xDEAD10CCUL, 1, 0)]
    [InlineData(0xDEAD10CCUL, 666, 361)]
    [InlineData(256UL, 1024, 520)]
    [InlineData(1UL, 128, 55)]
    [InlineData(129UL, 128, 120)]
    [InlineData(128UL, 100_000_000, 38_172_097)]
    [InlineData(ulong.MaxValue, 128, 92)]
    public void JumpHash_PublishedVectors(ulong key, int buckets, int expected)
    {
        // Vectors shared by independent implementations of Lamping & Veach's algorithm (Go, Python, Elixir).
        Assert.Equal(expected, ShardAssigner.JumpHash(key, buckets));
    }

    [Fact]
    public void JumpHash_ZeroBuckets_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ShardAssigner.JumpHash(1, 0));
    }

    [Fact]
    public void Owns_Unsharded_OwnsEverything()
    {
        Assert.All(Fleet.Take(100), k => Assert.True(ShardAssigner.Owns(new TargetConfig { Host = k[..k.LastIndexOf(':')] }, new ShardingConfig())));
    }
}

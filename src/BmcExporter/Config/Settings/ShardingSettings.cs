using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary><c>sharding:</c> as written.</summary>
internal sealed class ShardingSettings : SettingsNode
{
    /// <summary>A number, or <c>auto</c> for the StatefulSet pod ordinal.</summary>
    public Located<string>? Shard { get; set; }

    public Located<int>? Shards { get; set; }

    public ShardingConfig Build(BuildContext c)
    {
        var shards = c.Int(Shards, 1, 1, 65_536);
        if (Shard is null || Shard.Value == "auto")
        {
            // shards > 1 without a shard: take it from the pod ordinal.
            return new ShardingConfig { Shards = shards, ShardFromPodOrdinal = Shard is not null || shards > 1 };
        }

        var shard = !YamlNumbers.TryParseInt(Shard.Value, out var n) || n is < 0 or > 65_535 ? c.Reject(Shard, $"'{Shard.Value}' is not a number 0..65535 or 'auto'", 0)
            : n >= shards ? c.Reject(Shard, $"shard {n} must be less than shards ({shards})", 0)
            : n;
        return new ShardingConfig { Shard = shard, Shards = shards };
    }
}

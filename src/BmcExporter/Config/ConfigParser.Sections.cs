using YamlDotNet.RepresentationModel;

namespace BmcExporter.Config;

/// <summary>The small top-level sections: listen address, scrape, sharding, OTLP, target files.</summary>
internal sealed partial class ConfigParser
{
    private static readonly string[] ScrapeKeys = ["mode", "interval", "max_concurrency", "timeout"];
    private static readonly string[] ShardingKeys = ["shard", "shards"];
    private static readonly string[] OtlpKeys = ["enabled", "endpoint", "protocol", "interval", "headers"];

    private string? ReadListenAddress(YamlNode node, string path)
    {
        var s = ReadString(node, path);
        if (s is null)
        {
            return null;
        }

        if (!ListenAddresses.IsValid(s, out var why))
        {
            Error(node, path, why);
            return null;
        }

        return s;
    }

    private ScrapeConfig ReadScrape(YamlNode node, string path)
    {
        var scrape = new ScrapeConfig();
        var map = ReadMap(node, path);
        if (map is null)
        {
            return scrape;
        }

        foreach (var (key, value) in Entries(map, path, ScrapeKeys))
        {
            var p = Join(path, key);
            switch (key)
            {
                case "mode":
                    var mode = ReadString(value, p);
                    switch (mode)
                    {
                        case null:
                            break;
                        case "background":
                            scrape = scrape with { Mode = ScrapeMode.Background };
                            break;
                        case "on_demand":
                            scrape = scrape with { Mode = ScrapeMode.OnDemand };
                            break;
                        default:
                            Error(value, p, $"'{mode}' is not one of background, on_demand");
                            break;
                    }

                    break;
                case "interval":
                    scrape = scrape with { Interval = ReadDuration(value, p, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24), TimeSpan.FromSeconds(1)) ?? scrape.Interval };
                    break;
                case "max_concurrency":
                    scrape = scrape with { MaxConcurrency = ReadInt(value, p, 1, 100_000) ?? scrape.MaxConcurrency };
                    break;
                case "timeout":
                    scrape = scrape with { Timeout = ReadDuration(value, p, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1), TimeSpan.FromSeconds(1)) ?? scrape.Timeout };
                    break;
            }
        }

        return scrape;
    }

    private ShardingConfig ReadSharding(YamlNode node, string path)
    {
        var sharding = new ShardingConfig();
        var map = ReadMap(node, path);
        if (map is null)
        {
            return sharding;
        }

        YamlNode? shardNode = null;
        foreach (var (key, value) in Entries(map, path, ShardingKeys))
        {
            var p = Join(path, key);
            if (key == "shard")
            {
                shardNode = value;
                sharding = value is YamlScalarNode { Value: "auto" }
                    ? sharding with { ShardFromPodOrdinal = true }
                    : sharding with { Shard = ReadInt(value, p, 0, 65_535) ?? 0 };
            }
            else
            {
                sharding = sharding with { Shards = ReadInt(value, p, 1, 65_536) ?? 1 };
            }
        }

        if (shardNode is null && sharding.Shards > 1)
        {
            sharding = sharding with { ShardFromPodOrdinal = true };
        }

        if (!sharding.ShardFromPodOrdinal && sharding.Shard >= sharding.Shards)
        {
            Error(shardNode ?? map, Join(path, "shard"), $"shard {sharding.Shard} must be less than shards ({sharding.Shards})");
        }

        return sharding;
    }

    private OtlpConfig ReadOtlp(YamlNode node, string path)
    {
        var otlp = new OtlpConfig();
        var map = ReadMap(node, path);
        if (map is null)
        {
            return otlp;
        }

        var endpointSet = false;
        foreach (var (key, value) in Entries(map, path, OtlpKeys))
        {
            var p = Join(path, key);
            switch (key)
            {
                case "enabled":
                    otlp = otlp with { Enabled = ReadBool(value, p) ?? false };
                    break;
                case "endpoint":
                    var s = ReadString(value, p);
                    if (s is null)
                    {
                        break;
                    }

                    if (!Uri.TryCreate(s, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                    {
                        Error(value, p, $"'{s}' is not an absolute http:// or https:// URL");
                        break;
                    }

                    endpointSet = true;
                    otlp = otlp with { Endpoint = uri };
                    break;
                case "protocol":
                    var proto = ReadString(value, p);
                    switch (proto)
                    {
                        case null:
                            break;
                        case "grpc":
                            otlp = otlp with { Protocol = OtlpProtocol.Grpc };
                            break;
                        case "http/protobuf":
                            otlp = otlp with { Protocol = OtlpProtocol.HttpProtobuf };
                            break;
                        default:
                            Error(value, p, $"'{proto}' is not one of grpc, http/protobuf");
                            break;
                    }

                    break;
                case "interval":
                    otlp = otlp with { Interval = ReadDuration(value, p, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24), TimeSpan.FromSeconds(1)) ?? otlp.Interval };
                    break;
                case "headers":
                    otlp = otlp with { Headers = ReadHeaders(value, p) };
                    break;
            }
        }

        if (!endpointSet && otlp.Protocol == OtlpProtocol.HttpProtobuf)
        {
            // The OTLP/HTTP default port (OTLP specification, "OTLP/HTTP Default Port").
            otlp = otlp with { Endpoint = new Uri("http://127.0.0.1:4318") };
        }

        return otlp;
    }

    private Dictionary<string, Secret> ReadHeaders(YamlNode node, string path)
    {
        var headers = new Dictionary<string, Secret>(StringComparer.OrdinalIgnoreCase);
        var map = ReadMap(node, path);
        if (map is null)
        {
            return headers;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var p = Join(path, name);
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                Error(keyNode, p, $"'{name}' is not a valid HTTP header name");
                continue;
            }

            // Header values often carry API keys: treated as secrets, never echoed.
            if (value is not YamlScalarNode scalar)
            {
                Error(value, p, "must be a single value");
                continue;
            }

            headers[name] = new Secret(System.Text.Encoding.UTF8.GetBytes(scalar.Value ?? string.Empty), $"header {name}");
        }

        return headers;
    }

    private List<string> ReadTargetFiles(YamlNode node, string path)
    {
        var list = ReadStringList(node, path) ?? [];
        return list.Select(ResolvePath).ToList();
    }
}

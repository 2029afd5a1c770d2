using BmcExporter.Config.Yaml;
using BmcExporter.Ipmi.Crypto;

namespace BmcExporter.Config.Settings;

/// <summary><c>otlp:</c> as written.</summary>
internal sealed class OtlpSettings : SettingsNode
{
    private static readonly Dictionary<string, OtlpProtocol> Protocols = new(StringComparer.Ordinal) { ["grpc"] = OtlpProtocol.Grpc, ["http/protobuf"] = OtlpProtocol.HttpProtobuf };
    private static readonly Dictionary<string, OtlpCompression> Compressions = new(StringComparer.Ordinal) { ["gzip"] = OtlpCompression.Gzip, ["none"] = OtlpCompression.None };

    public Located<bool>? Enabled { get; set; }
    public Located<string>? Endpoint { get; set; }
    public Located<string>? Protocol { get; set; }
    public Located<string>? Interval { get; set; }
    public LocatedMap<Located<string>>? Headers { get; set; }
    public Located<int>? BatchSize { get; set; }
    public Located<string>? Compression { get; set; }
    public Located<string>? Timeout { get; set; }
    public OtlpRetrySettings? Retry { get; set; }
    public OtlpQueueSettings? Queue { get; set; }

    public OtlpConfig Build(BuildContext c)
    {
        var protocol = c.Choice(Protocol, OtlpProtocol.Grpc, Protocols);

        // The OTLP/HTTP default port is 4318 (OTLP specification, "OTLP/HTTP Default Port").
        var endpoint = new Uri(protocol == OtlpProtocol.HttpProtobuf ? "http://127.0.0.1:4318" : "http://127.0.0.1:4317");
        if (Endpoint is not null)
        {
            endpoint = Uri.TryCreate(Endpoint.Value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri
                : c.Reject(Endpoint, $"'{Endpoint.Value}' is not an absolute http:// or https:// URL", endpoint);
        }

        // Header values often carry API keys: kept as secrets, never echoed.
        var headers = new Dictionary<string, IpmiSecret>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in Headers ?? [])
        {
            _ = name.Value.Length > 0 && name.Value.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_')
                ? headers[name.Value] = IpmiSecret.FromText(value?.Value ?? string.Empty, $"header {name.Value}")
                : c.Reject<IpmiSecret?>(name, $"'{name.Value}' is not a valid HTTP header name", null);
        }

        var initialBackoff = c.Duration(Retry?.InitialBackoff, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));
        var maxBackoff = c.Duration(Retry?.MaxBackoff, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10));
        if (maxBackoff < initialBackoff)
        {
            maxBackoff = c.Reject(Retry!.MaxBackoff ?? (ILocated)Retry, $"retry.max_backoff {Durations.Format(maxBackoff)} is shorter than retry.initial_backoff {Durations.Format(initialBackoff)}", initialBackoff);
        }

        return new OtlpConfig
        {
            Enabled = Enabled?.Value ?? false,
            Endpoint = endpoint,
            Protocol = protocol,
            Interval = c.Duration(Interval, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)),
            Headers = headers,
            BatchSize = c.Int(BatchSize, 1000, 1, 100_000),
            Compression = c.Choice(Compression, OtlpCompression.Gzip, Compressions),
            Timeout = c.Duration(Timeout, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)),
            RetryMaxAttempts = c.Int(Retry?.MaxAttempts, 5, 1, 20),
            RetryInitialBackoff = initialBackoff,
            RetryMaxBackoff = maxBackoff,
            QueueMaxBytes = c.Size(Queue?.MaxBytes, 64L << 20, 1L << 20, 16L << 30),
            QueueMaxRecords = c.Int(Queue?.MaxRecords, 100_000, 100, 10_000_000),
        };
    }
}

/// <summary><c>otlp.retry:</c> as written.</summary>
internal sealed class OtlpRetrySettings : SettingsNode
{
    public Located<int>? MaxAttempts { get; set; }
    public Located<string>? InitialBackoff { get; set; }
    public Located<string>? MaxBackoff { get; set; }
}

/// <summary><c>otlp.queue:</c> as written.</summary>
internal sealed class OtlpQueueSettings : SettingsNode
{
    public Located<string>? MaxBytes { get; set; }
    public Located<int>? MaxRecords { get; set; }
}

using BmcExporter.Config.Yaml;
using BmcExporter.Ipmi.Crypto;

namespace BmcExporter.Config.Settings;

/// <summary><c>otlp:</c> as written.</summary>
internal sealed class OtlpSettings : SettingsNode
{
    private static readonly Dictionary<string, OtlpProtocol> Protocols = new(StringComparer.Ordinal) { ["grpc"] = OtlpProtocol.Grpc, ["http/protobuf"] = OtlpProtocol.HttpProtobuf };

    public Located<bool>? Enabled { get; set; }
    public Located<string>? Endpoint { get; set; }
    public Located<string>? Protocol { get; set; }
    public Located<string>? Interval { get; set; }
    public LocatedMap<Located<string>>? Headers { get; set; }

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

        return new OtlpConfig
        {
            Enabled = Enabled?.Value ?? false,
            Endpoint = endpoint,
            Protocol = protocol,
            Interval = c.Duration(Interval, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)),
            Headers = headers,
        };
    }
}

using BmcExporter.Config.Equality;
using BmcExporter.Ipmi.Crypto;

namespace BmcExporter.Config;

/// <summary>OpenTelemetry (OTLP) output (<c>otlp:</c>). Off by default.</summary>
public sealed record OtlpConfig
{
    /// <summary><c>enabled</c>: export hw.* metrics and SEL log events over OTLP. Default <c>false</c>.</summary>
    public bool Enabled { get; init; }

    /// <summary><c>endpoint</c>: collector address. Default <c>http://127.0.0.1:4317</c> (the OTLP/gRPC port).</summary>
    public Uri Endpoint { get; init; } = new("http://127.0.0.1:4317");

    /// <summary><c>protocol</c>: grpc (default) or http/protobuf.</summary>
    public OtlpProtocol Protocol { get; init; } = OtlpProtocol.Grpc;

    /// <summary><c>interval</c>: metric export interval. Default 60 s.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>headers</c>: extra request headers (e.g. an API key); values are treated as secrets. Default none.</summary>
    public IReadOnlyDictionary<string, IpmiSecret> Headers { get; init => field = EquatableDictionary<string, IpmiSecret>.Of(value, StringComparer.OrdinalIgnoreCase); } =
        EquatableDictionary<string, IpmiSecret>.Of([], StringComparer.OrdinalIgnoreCase);
}

/// <summary>OTLP transport.</summary>
public enum OtlpProtocol
{
    /// <summary>OTLP over gRPC (<c>grpc</c>).</summary>
    Grpc,

    /// <summary>OTLP over HTTP with protobuf bodies (<c>http/protobuf</c>).</summary>
    HttpProtobuf,
}

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

    /// <summary>
    /// <c>batch_size</c>: BMC resources per metric export request, and log records per log export request.
    /// Default 1000; valid 1..100000. A metric round sends ceil(BMCs / batch_size) requests.
    /// </summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary><c>compression</c>: <c>gzip</c> (default; pieces are compressed once when a snapshot is stored) or <c>none</c>.</summary>
    public OtlpCompression Compression { get; init; } = OtlpCompression.Gzip;

    /// <summary><c>timeout</c>: deadline of one export request. Default 10 s; valid 1s..5m.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>retry.max_attempts</c>: attempts per request before a metric batch is given up for this interval
    /// (log records stay queued and are tried again). Default 5; valid 1..20.</summary>
    public int RetryMaxAttempts { get; init; } = 5;

    /// <summary><c>retry.initial_backoff</c>: wait before the first retry, doubled per attempt. Default 1 s; valid 10ms..1m.</summary>
    public TimeSpan RetryInitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>retry.max_backoff</c>: cap on one wait, also on a server's Retry-After / RetryInfo. Default 60 s; valid ≥ initial_backoff, ≤ 10m.</summary>
    public TimeSpan RetryMaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>queue.max_bytes</c>: size bound of the persisted log queue in <c>state_dir</c>. Default 64 MiB; valid 1 MiB..16 GiB.</summary>
    public long QueueMaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary><c>queue.max_records</c>: record bound of the log queue; the oldest are dropped (and counted) beyond it. Default 100000; valid 100..10000000.</summary>
    public int QueueMaxRecords { get; init; } = 100_000;
}

/// <summary>OTLP request compression.</summary>
public enum OtlpCompression
{
    /// <summary>gzip (<c>Content-Encoding: gzip</c>, or <c>grpc-encoding: gzip</c>).</summary>
    Gzip,

    /// <summary>No compression.</summary>
    None,
}

/// <summary>OTLP transport.</summary>
public enum OtlpProtocol
{
    /// <summary>OTLP over gRPC (<c>grpc</c>).</summary>
    Grpc,

    /// <summary>OTLP over HTTP with protobuf bodies (<c>http/protobuf</c>).</summary>
    HttpProtobuf,
}

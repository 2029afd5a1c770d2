using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using BmcExporter.Config;
using BmcExporter.Otlp.Proto.Collector.Logs;
using BmcExporter.Otlp.Proto.Collector.Metrics;
using BmcExporter.Otlp.Wire;
using Google.Protobuf;

namespace BmcExporter.Otlp.Delivery;

/// <summary>
/// Sends one export request and says what the receiver answered. OTLP/gRPC is spoken over <see cref="HttpClient"/>
/// (HTTP/2 with prior knowledge on <c>http://</c>, TLS with ALPN on <c>https://</c>): a unary call is one POST
/// with a length-prefixed message and a <c>grpc-status</c> trailer (gRPC over HTTP/2 protocol), which lets the
/// body be the pre-compressed pieces as they are, like the OpenTelemetry .NET OTLP exporter does without
/// Grpc.Net.Client. OTLP/HTTP posts the same message as <c>application/x-protobuf</c> (OTLP specification,
/// "OTLP/HTTP"). One connection pool serves both signals.
/// </summary>
internal sealed class OtlpTransport : IDisposable
{
    private const string GrpcContentType = "application/grpc";
    private const string ProtobufContentType = "application/x-protobuf";

    private readonly OtlpConfig _config;
    private readonly HttpClient _client;
    private readonly bool _grpc;

    public OtlpTransport(OtlpConfig config, HttpMessageHandler? handler = null)
    {
        _config = config;
        _grpc = config.Protocol == OtlpProtocol.Grpc;
        handler ??= new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            EnableMultipleHttp2Connections = true,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        MetricsUri = SignalUri(OtlpSignal.Metrics);
        LogsUri = SignalUri(OtlpSignal.Logs);
    }

    /// <summary>Whether requests go over gRPC (else OTLP/HTTP).</summary>
    public bool IsGrpc => _grpc;

    public Uri MetricsUri { get; }

    public Uri LogsUri { get; }

    /// <summary>The endpoint without user info or query, for logs.</summary>
    public string RedactedEndpoint => Redact(_config.Endpoint);

    /// <summary>Sends <paramref name="payload"/> once; never throws except on the caller's cancellation.</summary>
    public async Task<ExportOutcome> SendAsync(OtlpSignal signal, ExportPayload payload, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_config.Timeout);
        try
        {
            using var request = BuildRequest(signal, payload);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            return _grpc
                ? await ReadGrpcAsync(signal, response, deadline.Token).ConfigureAwait(false)
                : await ReadHttpAsync(signal, response, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ExportOutcome(ExportStatus.Retryable, $"no answer within {_config.Timeout.TotalSeconds:0.###}s (otlp.timeout)");
        }
        catch (HttpRequestException ex)
        {
            return new ExportOutcome(ExportStatus.Retryable, $"connection failed: {ex.HttpRequestError}");
        }
        catch (InvalidProtocolBufferException)
        {
            // The receiver accepted the request but its response body did not parse: count it as delivered.
            return ExportOutcome.Accepted();
        }
        catch (IOException ex)
        {
            return new ExportOutcome(ExportStatus.Retryable, $"connection failed: {ex.GetType().Name}");
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>The URI <paramref name="uri"/> without credentials or query (which may hold tokens).</summary>
    public static string Redact(Uri uri) =>
        new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty, Query = string.Empty }.Uri.ToString();

    private HttpRequestMessage BuildRequest(OtlpSignal signal, ExportPayload payload)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, signal == OtlpSignal.Metrics ? MetricsUri : LogsUri)
        {
            Content = new PayloadContent(payload, _grpc),
        };
        if (_grpc)
        {
            request.Version = HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(GrpcContentType);
            request.Headers.TryAddWithoutValidation("te", "trailers");
            request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "identity");
            request.Headers.TryAddWithoutValidation("grpc-timeout", $"{(long)_config.Timeout.TotalMilliseconds}m");
            if (payload.Gzip)
            {
                request.Headers.TryAddWithoutValidation("grpc-encoding", "gzip");
            }
        }
        else
        {
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(ProtobufContentType);
            if (payload.Gzip)
            {
                request.Content.Headers.ContentEncoding.Add("gzip");
            }
        }

        foreach (var (name, value) in _config.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value.RevealString());
        }

        return request;
    }

    private static async Task<ExportOutcome> ReadHttpAsync(OtlpSignal signal, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return PartialSuccess(signal, body);
        }

        // Drain a little so the connection can be reused; the body of an error is not needed.
        await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        // OTLP/HTTP "Failures": 429, 502, 503 and 504 are retryable, honouring Retry-After; the rest are not.
        var retryable = code is 429 or 502 or 503 or 504;
        return new ExportOutcome(retryable ? ExportStatus.Retryable : ExportStatus.Permanent, $"HTTP {code}", retryable ? RetryAfter(response) : null);
    }

    private static async Task<ExportOutcome> ReadGrpcAsync(OtlpSignal signal, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

            // gRPC's HTTP-to-status mapping: 429, 502, 503 and 504 become UNAVAILABLE.
            var code = (int)response.StatusCode;
            var retryable = code is 429 or 502 or 503 or 504;
            return new ExportOutcome(retryable ? ExportStatus.Retryable : ExportStatus.Permanent, $"HTTP {code} from a gRPC endpoint", retryable ? RetryAfter(response) : null);
        }

        // Trailers-only responses carry the status in the headers; otherwise it comes after the message.
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var status = Header(response.Headers, "grpc-status") ?? Header(response.TrailingHeaders, "grpc-status");
        if (status is null || !int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var grpcStatus))
        {
            return new ExportOutcome(ExportStatus.Retryable, "gRPC response without grpc-status (connection cut?)");
        }

        if (grpcStatus != GrpcStatus.Ok)
        {
            var message = Header(response.Headers, "grpc-message") ?? Header(response.TrailingHeaders, "grpc-message");
            var details = Header(response.Headers, "grpc-status-details-bin") ?? Header(response.TrailingHeaders, "grpc-status-details-bin");
            return GrpcStatus.Classify(grpcStatus, message is null ? null : Uri.UnescapeDataString(message), details);
        }

        // One length-prefixed, uncompressed response message (we only accept identity).
        if (body.Length >= 5 && body[0] == 0)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1));
            if (length <= body.Length - 5)
            {
                return PartialSuccess(signal, body.AsSpan(5, (int)length).ToArray());
            }
        }

        return ExportOutcome.Accepted();
    }

    private static ExportOutcome PartialSuccess(OtlpSignal signal, byte[] body)
    {
        if (body.Length == 0)
        {
            return ExportOutcome.Accepted();
        }

        if (signal == OtlpSignal.Metrics)
        {
            var partial = ExportMetricsServiceResponse.Parser.ParseFrom(body).PartialSuccess;
            return ExportOutcome.Accepted(partial?.RejectedDataPoints ?? 0, partial?.ErrorMessage);
        }

        var logs = ExportLogsServiceResponse.Parser.ParseFrom(body).PartialSuccess;
        return ExportOutcome.Accepted(logs?.RejectedLogRecords ?? 0, logs?.ErrorMessage);
    }

    /// <summary>Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3).</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter.Date is { } date && response.Headers.Date is { } now)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private Uri SignalUri(OtlpSignal signal)
    {
        var endpoint = _config.Endpoint;
        var path = _grpc
            ? signal == OtlpSignal.Metrics ? "opentelemetry.proto.collector.metrics.v1.MetricsService/Export" : "opentelemetry.proto.collector.logs.v1.LogsService/Export"
            : signal == OtlpSignal.Metrics ? "v1/metrics" : "v1/logs";

        // For OTLP/HTTP the endpoint is a base URL and the signal path is appended to its path, as the OTLP
        // exporter specification does for OTEL_EXPORTER_OTLP_ENDPOINT: http://c:4318/otlp -> http://c:4318/otlp/v1/logs.
        return new UriBuilder(endpoint) { Path = endpoint.AbsolutePath.TrimEnd('/') + "/" + path }.Uri;
    }
}

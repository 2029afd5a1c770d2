using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using BmcExporter.Redfish.Errors;

namespace BmcExporter.Redfish.Http;

/// <summary>
/// HTTPS to one BMC: keep-alive connections (at most <see cref="RedfishClientOptions.MaxRequestsInFlight"/>, which
/// also bounds requests in flight), a per-exchange timeout, bounded bodies, 503 + Retry-After waits within the
/// caller's deadline, and one typed exception per failure kind. No JSON here beyond reading bytes.
/// </summary>
internal sealed class RedfishTransport : IDisposable
{
    private readonly RedfishClientOptions _options;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _slots;
    private readonly CertificatePolicy _certificates;

    public RedfishTransport(RedfishClientOptions options, RedfishStatistics statistics, HttpMessageHandler? handler = null)
    {
        _options = options;
        Statistics = statistics;
        _certificates = CertificatePolicy.Create(options);
        _slots = new SemaphoreSlim(options.MaxRequestsInFlight, options.MaxRequestsInFlight);
        handler ??= new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.MaxRequestsInFlight,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            PooledConnectionLifetime = TimeSpan.FromMinutes(30),
            ConnectTimeout = options.RequestTimeout,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, chain, errors) => _certificates.Validate(cert, chain, errors) },
        };
        _http = new HttpClient(handler, disposeHandler: true) { BaseAddress = options.BaseUri, Timeout = Timeout.InfiniteTimeSpan };
    }

    public RedfishStatistics Statistics { get; }

    private string Target => _options.Target;

    /// <summary>Sends <paramref name="request"/>, waiting out 503 + Retry-After up to <see cref="RedfishClientOptions.MaxRetries"/> times.</summary>
    public async Task<RedfishResponse> SendAsync(RedfishRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.Status != HttpStatusCode.ServiceUnavailable || attempt >= _options.MaxRetries
                || response.RetryAfter is not { } wait || wait > _options.MaxRetryAfter)
            {
                return response;
            }

            // DSP0266 §9.5.2: 503 with Retry-After asks the client to come back later; wait within the caller's deadline.
            Statistics.OnRetry();
            try
            {
                await Task.Delay(wait, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(
                    $"Redfish {Target} {request}: the scrape deadline expired while waiting {wait.TotalSeconds:0.#} s (Retry-After) after 503.", ex, cancellationToken);
            }
        }
    }

    private async Task<RedfishResponse> SendOnceAsync(RedfishRequest request, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var message = Build(request);
            Statistics.OnSent(request.Method);
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await ReadBodyAsync(request, response, linked.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                Statistics.OnNotModified();
            }

            return new RedfishResponse
            {
                Status = response.StatusCode,
                Body = body,
                MediaType = response.Content.Headers.ContentType?.MediaType,
                ETag = response.Headers.ETag?.ToString(),
                AuthToken = response.Headers.TryGetValues("X-Auth-Token", out var tokens) ? tokens.FirstOrDefault() : null,
                Location = response.Headers.Location?.ToString(),
                RetryAfter = RetryAfter(response.Headers.RetryAfter),
            };
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(
                $"Redfish {Target} {request} cancelled: the caller's deadline (the scrape timeout) expired before the BMC answered.", ex, cancellationToken);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            throw new RedfishTimeoutException(Target,
                $"Redfish {Target} {request} took longer than request_timeout ({_options.RequestTimeout.TotalSeconds:0.###} s); raise request_timeout if the BMC is slow.", ex);
        }
        catch (HttpRequestException ex) when (ex.InnerException is AuthenticationException || _certificates.LastFailure is not null && ex.HttpRequestError == HttpRequestError.SecureConnectionError)
        {
            throw new RedfishTlsException(Target,
                $"Redfish {Target}: TLS handshake failed: {_certificates.LastFailure ?? ex.InnerException?.Message ?? ex.Message}. Set ca_file to the CA that signed the BMC's certificate, or (knowingly) insecure: true.", ex);
        }
        catch (HttpIOException ex) when (ex.HttpRequestError == HttpRequestError.ResponseEnded)
        {
            throw new RedfishProtocolException(Target, request.Path, "the response ended early (truncated body)", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new RedfishConnectionException(Target, $"Redfish {Target} {request}: {ex.Message}", ex);
        }
        finally
        {
            _slots.Release();
        }
    }

    private HttpRequestMessage Build(RedfishRequest request)
    {
        var message = new HttpRequestMessage(request.Method, request.Path);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.TryAddWithoutValidation("OData-Version", "4.0"); // DSP0266 §8.4 request headers
        if (request.Auth is { } auth)
        {
            message.Headers.TryAddWithoutValidation(auth.Name, auth.Value);
        }

        if (request.IfNoneMatch is { } etag)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (request.JsonBody is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        return message;
    }

    private async Task<ReadOnlyMemory<byte>> ReadBodyAsync(RedfishRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var limit = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is { } length && length > limit)
        {
            throw new RedfishProtocolException(Target, request.Path, $"the body of {length} bytes is over the {limit}-byte limit");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream(response.Content.Headers.ContentLength is { } known ? (int)known : 4096);
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int n;
                while ((n = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + n > limit)
                    {
                        throw new RedfishProtocolException(Target, request.Path, $"the body is over the {limit}-byte limit");
                    }

                    buffer.Write(chunk, 0, n);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            // The MemoryStream's array outlives the stream; the body is parsed and dropped before the next request.
            return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _options.TimeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    public void Dispose()
    {
        _http.Dispose();
        _slots.Dispose();
    }
}

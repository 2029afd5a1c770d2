using System.Net;
using System.Text.Json;
using BmcExporter.Redfish.Errors;
using BmcExporter.Redfish.Http;
using BmcExporter.Redfish.Json;

namespace BmcExporter.Redfish;

/// <summary>
/// One authenticated Redfish conversation with one BMC, kept across scrapes: logs in lazily, keeps the
/// X-Auth-Token, re-logs once per request on 401, falls back to Basic when sessions are not offered, caches
/// resources by ETag, and logs out on <see cref="DisposeAsync"/>. Safe for concurrent use.
/// </summary>
public sealed partial class RedfishSession : IAsyncDisposable
{
    public const string ServiceRootPath = "/redfish/v1/";

    private readonly RedfishTransport _transport;
    private readonly ResourceCache _cache = new();
    private readonly SemaphoreSlim _loginGate = new(1, 1);
    private AuthState? _auth;
    private int _disposed;

    private RedfishSession(RedfishClientOptions options, HttpMessageHandler? handler)
    {
        Options = options;
        _transport = new RedfishTransport(options, Statistics, handler);
    }

    public RedfishClientOptions Options { get; }

    public RedfishStatistics Statistics { get; } = new();

    /// <summary>The authentication in use (Session or Basic), null before the first authenticated request.</summary>
    public RedfishAuthMode? ActiveAuth => Volatile.Read(ref _auth)?.Mode;

    /// <summary>Why Session login fell back to Basic, or null.</summary>
    public string? BasicFallbackReason { get; private set; }

    private string Target => Options.Target;

    /// <summary>Validates <paramref name="options"/> (reads the CA file) and creates the session; nothing is sent yet.</summary>
    public static RedfishSession Create(RedfishClientOptions options) => Create(options, null);

    internal static RedfishSession Create(RedfishClientOptions options, HttpMessageHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new RedfishSession(options, handler);
    }

    /// <summary>GETs one resource (path under /redfish/v1) and returns its JSON, always from the service.</summary>
    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        var view = await GetAsync(path, CachePolicy.Reading, cancellationToken).ConfigureAwait(false);
        return view.Element;
    }

    internal async Task<JsonView> GetAsync(string path, CachePolicy policy, CancellationToken cancellationToken)
    {
        path = LocalPath(path);
        var now = Options.TimeProvider.GetUtcNow();
        _cache.TryGet(path, out var cached);
        if (policy == CachePolicy.Static && cached is not null && now - cached.FetchedAt < Options.StaticRefreshInterval)
        {
            Statistics.OnCacheHit();
            return cached.View;
        }

        var request = new RedfishRequest(HttpMethod.Get, path) { IfNoneMatch = cached?.ETag };
        var response = await SendAuthenticatedAsync(request, cancellationToken).ConfigureAwait(false);
        var context = new ResourceContext(Target, path);
        if (response.Status == HttpStatusCode.NotModified)
        {
            if (cached is null)
            {
                throw context.Malformed("304 Not Modified without a cached copy");
            }

            _cache.Store(path, cached with { FetchedAt = now });
            return cached.View;
        }

        EnsureSuccess(request, response, context);
        var view = Parse(response, context);
        if (policy == CachePolicy.Static || response.ETag is not null)
        {
            _cache.Store(path, new CachedResource(view, response.ETag, now));
        }
        else
        {
            _cache.Remove(path);
        }

        return view;
    }

    /// <summary>GET that turns 404 into null (optional resources).</summary>
    internal async Task<JsonView?> TryGetAsync(string path, CachePolicy policy, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(path, policy, cancellationToken).ConfigureAwait(false);
        }
        catch (RedfishHttpException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private JsonView Parse(RedfishResponse response, ResourceContext context)
    {
        if (!response.IsJson)
        {
            throw context.Malformed($"Content-Type is '{response.MediaType ?? "(none)"}', expected application/json (DSP0266 §8.5)");
        }

        return DocumentParser.Parse(response.Body, context);
    }

    private void EnsureSuccess(RedfishRequest request, RedfishResponse response, ResourceContext context)
    {
        if ((int)response.Status is >= 200 and < 300)
        {
            return;
        }

        var error = ErrorBody.TryParse(response, context);
        if (response.Status is HttpStatusCode.Unauthorized)
        {
            throw new RedfishAuthenticationException(Target, request.Method.Method, request.Path, response.Status, error);
        }

        var hint = response.Status == HttpStatusCode.ServiceUnavailable
            ? response.RetryAfter is { } wait ? $"Retry-After {wait.TotalSeconds:0.#} s after {Options.MaxRetries} waits of at most {Options.MaxRetryAfter.TotalSeconds:0.#} s" : "no Retry-After"
            : null;
        throw new RedfishHttpException(Target, request.Method.Method, request.Path, response.Status, error, hint);
    }

    /// <summary>
    /// Only paths on this service are followed: a link to another host would carry our credentials there. An
    /// absolute URI naming this service (some BMCs write nextLink so) is reduced to its path and query.
    /// </summary>
    private string LocalPath(string path)
    {
        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "https" or "http")
        {
            path = Uri.Compare(absolute, Options.BaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
                ? absolute.PathAndQuery
                : throw new RedfishProtocolException(Target, path, "a link to another host is not followed");
        }

        if (!path.StartsWith("/redfish/v1", StringComparison.Ordinal) || path.Contains('#', StringComparison.Ordinal) || path.Contains("..", StringComparison.Ordinal))
        {
            throw new RedfishProtocolException(Target, path, "a link outside /redfish/v1 on this service is not followed");
        }

        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await LogoutAsync().ConfigureAwait(false);
        }
        finally
        {
            _transport.Dispose();
            _loginGate.Dispose();
        }
    }

    public override string ToString() => $"Redfish session {Options.UserName}@{Target} ({ActiveAuth?.ToString() ?? "not logged in"})";
}

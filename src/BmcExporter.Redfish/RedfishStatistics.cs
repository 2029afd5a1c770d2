namespace BmcExporter.Redfish;

/// <summary>Counters of one session's HTTP traffic; the benchmark and the GET-count tests read them.</summary>
public sealed class RedfishStatistics
{
    private long _gets;
    private long _notModified;
    private long _posts;
    private long _deletes;
    private long _logins;
    private long _retries;
    private long _cacheHits;

    /// <summary>GET requests sent (each 503 retry counts again).</summary>
    public long Gets => Interlocked.Read(ref _gets);

    /// <summary>GETs answered 304 Not Modified (If-None-Match matched).</summary>
    public long NotModified => Interlocked.Read(ref _notModified);

    public long Posts => Interlocked.Read(ref _posts);

    public long Deletes => Interlocked.Read(ref _deletes);

    /// <summary>Session logins (the first, and each re-login after a 401).</summary>
    public long Logins => Interlocked.Read(ref _logins);

    /// <summary>Requests repeated after 503 + Retry-After.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Static resources served from the cache without any request.</summary>
    public long CacheHits => Interlocked.Read(ref _cacheHits);

    internal void OnSent(HttpMethod method)
    {
        if (method == HttpMethod.Get)
        {
            Interlocked.Increment(ref _gets);
        }
        else if (method == HttpMethod.Post)
        {
            Interlocked.Increment(ref _posts);
        }
        else if (method == HttpMethod.Delete)
        {
            Interlocked.Increment(ref _deletes);
        }
    }

    internal void OnNotModified() => Interlocked.Increment(ref _notModified);

    internal void OnLogin() => Interlocked.Increment(ref _logins);

    internal void OnRetry() => Interlocked.Increment(ref _retries);

    internal void OnCacheHit() => Interlocked.Increment(ref _cacheHits);

    public override string ToString() =>
        $"GET {Gets} (304: {NotModified}, cached: {CacheHits}), POST {Posts}, DELETE {Deletes}, logins {Logins}, retries {Retries}";
}

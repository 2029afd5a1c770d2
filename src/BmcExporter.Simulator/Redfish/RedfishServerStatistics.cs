namespace BmcExporter.Simulator.Redfish;

/// <summary>Counters of the fleet's Redfish side (interlocked); tests measure requests and faults with them.</summary>
public sealed class RedfishServerStatistics
{
    private long _requests;
    private long _gets;
    private long _notModified;
    private long _logins;
    private long _logouts;
    private long _unauthorized;
    private long _unavailable;
    private long _truncated;
    private long _wrongContentType;
    private long _connections;
    private long _inFlight;
    private long _maxInFlight;

    public long Requests => Interlocked.Read(ref _requests);

    public long Gets => Interlocked.Read(ref _gets);

    public long NotModified => Interlocked.Read(ref _notModified);

    public long Logins => Interlocked.Read(ref _logins);

    public long Logouts => Interlocked.Read(ref _logouts);

    public long Unauthorized => Interlocked.Read(ref _unauthorized);

    public long Unavailable => Interlocked.Read(ref _unavailable);

    public long Truncated => Interlocked.Read(ref _truncated);

    public long WrongContentType => Interlocked.Read(ref _wrongContentType);

    /// <summary>TLS connections accepted (all BMCs): keep-alive clients open few.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Most requests the fleet was handling at once (all BMCs together).</summary>
    public long MaxInFlight => Interlocked.Read(ref _maxInFlight);

    internal void Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        long max;
        while (now > (max = Interlocked.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }
    }

    internal void Exit() => Interlocked.Decrement(ref _inFlight);

    internal void OnConnection() => Interlocked.Increment(ref _connections);

    internal void OnRequest(string method)
    {
        Interlocked.Increment(ref _requests);
        if (method == "GET")
        {
            Interlocked.Increment(ref _gets);
        }
    }

    internal void OnNotModified() => Interlocked.Increment(ref _notModified);

    internal void OnLogin() => Interlocked.Increment(ref _logins);

    internal void OnLogout() => Interlocked.Increment(ref _logouts);

    internal void OnUnauthorized() => Interlocked.Increment(ref _unauthorized);

    internal void OnUnavailable() => Interlocked.Increment(ref _unavailable);

    internal void OnTruncated() => Interlocked.Increment(ref _truncated);

    internal void OnWrongContentType() => Interlocked.Increment(ref _wrongContentType);

    public override string ToString() =>
        $"requests {Requests} (GET {Gets}, 304 {NotModified}) on {Connections} connections, logins {Logins}, logouts {Logouts}, 401 {Unauthorized}, 503 {Unavailable}";
}

using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace BmcExporter.Simulator.Redfish;

/// <summary>One Redfish session: its id, user and times. The token is the dictionary key, never printed.</summary>
internal sealed record RedfishSimSession(string Id, string UserName, DateTimeOffset Created)
{
    public DateTimeOffset LastUsed { get; set; } = Created;
}

/// <summary>
/// Sessions of one BMC (DSP0266 §13.3.4): created by login, found by X-Auth-Token, expired after the idle
/// SessionTimeout or a fault's fixed lifetime, deleted by DELETE on the session URI. Bounded by MaxSessions.
/// </summary>
internal sealed class RedfishSessionTable(RedfishServerOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, RedfishSimSession> _byToken = new(StringComparer.Ordinal);
    private int _nextId;

    public int Count => _byToken.Count;

    public IEnumerable<RedfishSimSession> Active => _byToken.Values;

    /// <summary>Creates a session, or returns null when MaxSessions are open (after expiring stale ones).</summary>
    public (string Token, RedfishSimSession Session)? Create(string user, TimeSpan? lifetime)
    {
        Expire(lifetime);
        if (_byToken.Count >= options.MaxSessions)
        {
            return null;
        }

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var session = new RedfishSimSession(Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture), user, time.GetUtcNow());
        _byToken[token] = session;
        return (token, session);
    }

    /// <summary>The live session of <paramref name="token"/> (touching it), or null when unknown or expired.</summary>
    public RedfishSimSession? Find(string token, TimeSpan? lifetime)
    {
        if (!_byToken.TryGetValue(token, out var session))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (IsExpired(session, now, lifetime))
        {
            _byToken.TryRemove(token, out _);
            return null;
        }

        session.LastUsed = now;
        return session;
    }

    public bool Delete(string id)
    {
        foreach (var (token, session) in _byToken)
        {
            if (session.Id == id)
            {
                return _byToken.TryRemove(token, out _);
            }
        }

        return false;
    }

    private void Expire(TimeSpan? lifetime)
    {
        var now = time.GetUtcNow();
        foreach (var (token, session) in _byToken)
        {
            if (IsExpired(session, now, lifetime))
            {
                _byToken.TryRemove(token, out _);
            }
        }
    }

    private bool IsExpired(RedfishSimSession s, DateTimeOffset now, TimeSpan? lifetime) =>
        now - s.LastUsed >= options.SessionTimeout || (lifetime is { } l && now - s.Created >= l);
}

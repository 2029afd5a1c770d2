namespace BmcExporter.Simulator.Bmc;

internal sealed partial class SimulatedBmc
{
    private int FreeSlot()
    {
        _sessions ??= new BmcSession?[Profile.Sessions.SessionLimit];
        return Array.IndexOf(_sessions, null);
    }

    private BmcSession? FindSession(uint bmcSessionId)
    {
        if (_sessions is null || bmcSessionId == 0)
        {
            return null;
        }

        foreach (var s in _sessions)
        {
            if (s is not null && s.BmcSessionId == bmcSessionId)
            {
                return s;
            }
        }

        return null;
    }

    private void RemoveSession(BmcSession session)
    {
        if (_sessions is null)
        {
            return;
        }

        var i = Array.IndexOf(_sessions, session);
        if (i >= 0)
        {
            _sessions[i] = null;
            session.Dispose();
        }
    }

    private void DropAllSessions()
    {
        if (_sessions is null)
        {
            return;
        }

        foreach (var s in _sessions)
        {
            s?.Dispose();
        }

        _sessions = null;
    }

    /// <summary>
    /// Closes sessions idle longer than the timeout (IPMI v2.0 §6.12.15: 60 s ± 3 s default for LAN) and
    /// handshakes left half-open. Checked lazily on each packet, so idle BMCs need no timers.
    /// </summary>
    private void ExpireSessions(TimeSpan elapsed)
    {
        if (_sessions is null)
        {
            return;
        }

        for (var i = 0; i < _sessions.Length; i++)
        {
            var s = _sessions[i];
            if (s is null)
            {
                continue;
            }

            var limit = s.State == SessionState.Active ? _fleet.IdleTimeout : (HandshakeTimeout < _fleet.IdleTimeout ? HandshakeTimeout : _fleet.IdleTimeout);
            if (elapsed - s.LastActivity > limit)
            {
                _sessions[i] = null;
                s.Dispose();
                _fleet.Statistics.OnSessionExpired();
            }
        }
    }

    private uint NewSessionId()
    {
        uint id = 1;
        for (var attempt = 0; attempt < 64; attempt++)
        {
            id = (uint)(Behaviour.SimHash.Mix((ulong)(_random.NextDouble() * ulong.MaxValue)) >> 32);
            if (id != 0 && FindSession(id) is null)
            {
                return id;
            }
        }

        // 64 collisions among at most 64 slots cannot all happen by chance; step to an unused ID.
        while (id == 0 || FindSession(id) is not null)
        {
            id++;
        }

        return id;
    }

    /// <summary>Active sessions right now (for tests and statistics).</summary>
    internal int ActiveSessionCount => _sessions?.Count(s => s is { State: SessionState.Active }) ?? 0;
}

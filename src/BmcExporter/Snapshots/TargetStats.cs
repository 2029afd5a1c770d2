using System.Collections.Concurrent;
using BmcExporter.Ipmi.Client;

namespace BmcExporter.Snapshots;

/// <summary>
/// The exporter's own counters for one target (scrapes by outcome, commands, retries, sessions, SDR
/// cache, authentication failures). Lock-free; rendered into the exposition on every <c>/metrics</c>.
/// </summary>
public sealed class TargetStats
{
    private readonly long[] _scrapesByOutcome = new long[Enum.GetValues<ScrapeOutcome>().Length];
    private long _commands;
    private long _commandErrors;
    private long _retries;
    private long _sessionsOpened;
    private long _sessionsLost;
    private long _sdrCacheHits;
    private long _sdrCacheMisses;
    private long _authFailures;
    private readonly ConcurrentDictionary<(string SensorType, SelSeverity Severity), long> _selEvents = new();
    private readonly ConcurrentDictionary<string, long> _sessionAudit = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _securityViolations = new(StringComparer.Ordinal);
    private long _lastSelEventUnixSeconds = -1;
    private long _restarts;
    private int _selRead;
    private long _retransmissions;
    private long _requestTimeouts;
    private long _redfishGets;
    private long _lastRedfishGets;
    private SessionCounters? _lastCounters;
    private readonly Lock _transportLock = new();

    public long Commands => Interlocked.Read(ref _commands);

    public long CommandErrors => Interlocked.Read(ref _commandErrors);

    public long Retries => Interlocked.Read(ref _retries);

    public long SessionsOpened => Interlocked.Read(ref _sessionsOpened);

    public long SessionsLost => Interlocked.Read(ref _sessionsLost);

    public long SdrCacheHits => Interlocked.Read(ref _sdrCacheHits);

    public long SdrCacheMisses => Interlocked.Read(ref _sdrCacheMisses);

    public long AuthenticationFailures => Interlocked.Read(ref _authFailures);

    /// <summary>IPMI requests sent again because no answer came in time, over every session to the target.</summary>
    public long Retransmissions => Interlocked.Read(ref _retransmissions);

    /// <summary>IPMI requests that got no answer after every retransmission, over every session to the target.</summary>
    public long RequestTimeouts => Interlocked.Read(ref _requestTimeouts);

    /// <summary>The current session's retransmission timeout and smoothed round trip, when a session reported them.</summary>
    public (TimeSpan Timeout, TimeSpan? RoundTrip)? Transport
    {
        get
        {
            lock (_transportLock)
            {
                return _lastCounters is { } c ? (c.RetransmissionTimeout, c.SmoothedRoundTrip) : null;
            }
        }
    }

    /// <summary>
    /// Takes a session's cumulative counters after a scrape; counters lower than last time mean a new session, whose
    /// counts all count (totals keep growing across sessions).
    /// </summary>
    public void RecordTransport(SessionCounters counters)
    {
        lock (_transportLock)
        {
            var last = _lastCounters;
            var fresh = last is null || counters.RequestsSent < last.Value.RequestsSent;
            Interlocked.Add(ref _retransmissions, fresh ? counters.Retransmissions : counters.Retransmissions - last!.Value.Retransmissions);
            Interlocked.Add(ref _requestTimeouts, fresh ? counters.Timeouts : counters.Timeouts - last!.Value.Timeouts);
            _lastCounters = counters;
        }
    }

    /// <summary>SEL entries seen, by sensor type name and severity.</summary>
    public IEnumerable<KeyValuePair<(string SensorType, SelSeverity Severity), long>> SelEventCounts => _selEvents;

    /// <summary>Session Audit SEL entries seen, by event (<c>ipmi_sel_session_audit_total</c>).</summary>
    public IEnumerable<KeyValuePair<string, long>> SessionAuditCounts => _sessionAudit;

    /// <summary>Platform Security Violation SEL entries seen, by event (<c>ipmi_sel_security_violation_total</c>).</summary>
    public IEnumerable<KeyValuePair<string, long>> SecurityViolationCounts => _securityViolations;

    /// <summary>Unix time of the newest SEL entry seen, or <c>null</c>.</summary>
    public long? LastSelEventUnixSeconds => Interlocked.Read(ref _lastSelEventUnixSeconds) is var v and >= 0 ? v : null;

    /// <summary>
    /// System Boot / Restart Initiated SEL entries seen (<c>ipmi_system_restarts_total</c>), or <c>null</c> before the
    /// target's SEL was first read (the series then starts at 0, or at the boots already in the log, on that read).
    /// </summary>
    public long? SystemRestarts => Volatile.Read(ref _selRead) == 1 ? Interlocked.Read(ref _restarts) : null;

    /// <summary>Number of scrapes that ended with <paramref name="outcome"/>.</summary>
    public long Scrapes(ScrapeOutcome outcome) => Interlocked.Read(ref _scrapesByOutcome[(int)outcome]);

    public void RecordScrape(ScrapeOutcome outcome) => Interlocked.Increment(ref _scrapesByOutcome[(int)outcome]);

    public void RecordCommand(bool failed)
    {
        Interlocked.Increment(ref _commands);
        if (failed)
        {
            Interlocked.Increment(ref _commandErrors);
        }
    }

    public void RecordRetry() => Interlocked.Increment(ref _retries);

    public void RecordSessionOpened() => Interlocked.Increment(ref _sessionsOpened);

    public void RecordSessionLost() => Interlocked.Increment(ref _sessionsLost);

    public void RecordSdrCache(bool hit) => Interlocked.Increment(ref hit ? ref _sdrCacheHits : ref _sdrCacheMisses);

    public void RecordAuthenticationFailure() => Interlocked.Increment(ref _authFailures);

    /// <summary>HTTP GETs the target's Redfish session sent (304s included, cache hits not).</summary>
    public long RedfishGets => Interlocked.Read(ref _redfishGets);

    /// <summary>HTTP GETs of the last Redfish scrape (the status page states it; docs/redfish.md counts a steady one).</summary>
    public long LastRedfishGets => Interlocked.Read(ref _lastRedfishGets);

    /// <summary>Adds the GETs of one Redfish scrape.</summary>
    public void RecordRedfishGets(long gets)
    {
        Interlocked.Add(ref _redfishGets, gets);
        Interlocked.Exchange(ref _lastRedfishGets, gets);
    }

    /// <summary>Counts SEL entries first seen in a scrape; <paramref name="selRead"/> says the scrape read the SEL at all.</summary>
    public void RecordSelEvents(IEnumerable<SelEvent> events, bool selRead = true)
    {
        if (selRead)
        {
            Volatile.Write(ref _selRead, 1);
        }

        foreach (var e in events)
        {
            if (IsSystemRestart(e))
            {
                Interlocked.Increment(ref _restarts);
            }

            _selEvents.AddOrUpdate((e.SensorTypeName, e.Severity), 1, static (_, n) => n + 1);
            if (e.Security is { } security)
            {
                var counts = security.Kind == BmcExporter.Ipmi.Sel.SecurityEventKind.SessionAudit ? _sessionAudit : _securityViolations;
                counts.AddOrUpdate(security.Event, 1, static (_, n) => n + 1);
            }
            if (e.Timestamp is { } ts)
            {
                var seconds = ts.ToUnixTimeSeconds();
                long seen;
                while ((seen = Interlocked.Read(ref _lastSelEventUnixSeconds)) < seconds
                    && Interlocked.CompareExchange(ref _lastSelEventUnixSeconds, seconds, seen) != seen)
                {
                }
            }
        }
    }

    /// <summary>
    /// An asserted System Boot / Restart Initiated event (sensor type 0x1D, IPMI v2.0 table 42-3): any offset (power
    /// up, hard or warm reset, PXE or diagnostic boot, OS-initiated reset, system restart) is one restart.
    /// </summary>
    internal static bool IsSystemRestart(SelEvent e) => e.RecordType == SystemEventRecord && e.SensorType == SystemBootSensorType && e.Asserted;

    private const byte SystemEventRecord = 0x02;
    private const byte SystemBootSensorType = 0x1D;
}

/// <summary><see cref="TargetStats"/> by target key.</summary>
public sealed class TargetStatsRegistry
{
    private readonly ConcurrentDictionary<string, TargetStats> _stats = new(StringComparer.Ordinal);

    /// <summary>The stats of <paramref name="targetKey"/>, created on first use.</summary>
    public TargetStats For(string targetKey) => _stats.GetOrAdd(targetKey, static _ => new TargetStats());

    /// <summary>The stats of <paramref name="targetKey"/> if it has any (nothing is created).</summary>
    public TargetStats? Find(string targetKey) => _stats.GetValueOrDefault(targetKey);

    /// <summary>Every target's stats.</summary>
    public IEnumerable<KeyValuePair<string, TargetStats>> All => _stats;

    /// <summary>Drops a target that left the fleet, so its series disappear.</summary>
    public void Remove(string targetKey) => _stats.TryRemove(targetKey, out _);
}

using System.Collections.Concurrent;

namespace BmcExporter.Engine;

/// <summary>
/// Remembers, per target and collector, that the BMC said it does not offer what the collector reads, so the
/// collector is not asked again every scrape. The answer is re-checked once <see cref="RecheckAfter"/> has passed,
/// or as soon as the target's session has been re-opened (a BMC reset or firmware update can add a feature).
/// </summary>
public sealed class CollectorSupport
{
    private readonly ConcurrentDictionary<(string Target, string Collector), Entry> _unsupported = new();
    private readonly TimeProvider _time;

    public CollectorSupport(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>How long an "unsupported" answer is trusted before the collector is tried again. Default one hour.</summary>
    public TimeSpan RecheckAfter { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// <c>true</c> with the recorded <paramref name="reason"/> when <paramref name="collector"/> is known unsupported
    /// on <paramref name="targetKey"/> and no re-check is due. <paramref name="sessionGeneration"/> counts the sessions
    /// opened to the target so far: a different count than when the answer was recorded means a new session.
    /// </summary>
    public bool IsKnownUnsupported(string targetKey, string collector, long sessionGeneration, out string reason)
    {
        if (_unsupported.TryGetValue((targetKey, collector), out var entry)
            && entry.SessionGeneration == sessionGeneration
            && _time.GetUtcNow() - entry.RecordedAt < RecheckAfter)
        {
            reason = entry.Reason;
            return true;
        }

        reason = string.Empty;
        return false;
    }

    /// <summary>Records the BMC's "not supported" answer for <paramref name="collector"/> on <paramref name="targetKey"/>.</summary>
    public void MarkUnsupported(string targetKey, string collector, string reason, long sessionGeneration) =>
        _unsupported[(targetKey, collector)] = new Entry(reason, _time.GetUtcNow(), sessionGeneration);

    /// <summary>The collector worked (or failed for another reason): forget any earlier "not supported".</summary>
    public void Clear(string targetKey, string collector) => _unsupported.TryRemove((targetKey, collector), out _);

    /// <summary>Forgets a target that left the fleet.</summary>
    public void Forget(string targetKey)
    {
        foreach (var key in _unsupported.Keys)
        {
            if (key.Target == targetKey)
            {
                _unsupported.TryRemove(key, out _);
            }
        }
    }

    private sealed record Entry(string Reason, DateTimeOffset RecordedAt, long SessionGeneration);
}

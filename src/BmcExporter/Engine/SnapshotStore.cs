using System.Collections.Concurrent;
using BmcExporter.Snapshots;

namespace BmcExporter.Engine;

/// <summary>The latest snapshot of every target, and when each last succeeded (for the status page).</summary>
public sealed class SnapshotStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Raised after a snapshot is stored (OTLP log events subscribe here). Handlers must not block.</summary>
    public event Action<TargetSnapshot>? SnapshotStored;

    /// <summary>Raised after a target was forgotten (it left the fleet).</summary>
    public event Action<string>? SnapshotRemoved;

    /// <summary>Stores <paramref name="snapshot"/> as its target's latest.</summary>
    public void Put(TargetSnapshot snapshot)
    {
        _entries.AddOrUpdate(
            snapshot.Target,
            static (_, s) => new Entry(s, s.Outcome is ScrapeOutcome.Success or ScrapeOutcome.Partial ? s.StartedAt : null),
            static (_, old, s) => new Entry(s, s.Outcome is ScrapeOutcome.Success or ScrapeOutcome.Partial ? s.StartedAt : old.LastSuccess),
            snapshot);
        SnapshotStored?.Invoke(snapshot);
    }

    /// <summary>The latest snapshot of <paramref name="targetKey"/>, or <c>null</c>.</summary>
    public TargetSnapshot? Latest(string targetKey) => _entries.TryGetValue(targetKey, out var e) ? e.Snapshot : null;

    /// <summary>When <paramref name="targetKey"/> last returned data, or <c>null</c>.</summary>
    public DateTimeOffset? LastSuccess(string targetKey) => _entries.TryGetValue(targetKey, out var e) ? e.LastSuccess : null;

    /// <summary>Every target's latest snapshot, ordered by target key.</summary>
    public IReadOnlyList<TargetSnapshot> All() =>
        _entries.Values.Select(e => e.Snapshot).OrderBy(s => s.Target, StringComparer.Ordinal).ToList();

    /// <summary>Number of targets with a snapshot.</summary>
    public int Count => _entries.Count;

    /// <summary>Forgets a target (its series vanish from <c>/metrics</c>).</summary>
    public void Remove(string targetKey)
    {
        if (_entries.TryRemove(targetKey, out _))
        {
            SnapshotRemoved?.Invoke(targetKey);
        }
    }

    private sealed record Entry(TargetSnapshot Snapshot, DateTimeOffset? LastSuccess);
}

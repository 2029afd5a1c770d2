using System.Collections.Concurrent;

namespace BmcExporter.Snapshots;

/// <summary>
/// The latest snapshot of every target. Outputs subscribe to <see cref="SnapshotStored"/> and render from the
/// snapshot they are handed; they never call back into the scrape path.
/// </summary>
public sealed class SnapshotStore
{
    private readonly ConcurrentDictionary<string, TargetSnapshot> _entries = new(StringComparer.Ordinal);

    /// <summary>Raised after a snapshot is stored, on the storing thread. Handlers must not block.</summary>
    public event Action<TargetSnapshot>? SnapshotStored;

    /// <summary>Raised after a target was forgotten (it left the fleet).</summary>
    public event Action<string>? SnapshotRemoved;

    /// <summary>
    /// Stores <paramref name="snapshot"/> as its target's latest, with <see cref="TargetSnapshot.LastSuccess"/>
    /// carried over from the previous one unless this scrape returned data. Returns what was stored.
    /// </summary>
    public TargetSnapshot Put(TargetSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var stored = _entries.AddOrUpdate(
            snapshot.Key,
            static (_, s) => WithLastSuccess(s, null),
            static (_, old, s) => WithLastSuccess(s, old.LastSuccess),
            snapshot);
        SnapshotStored?.Invoke(stored);
        return stored;
    }

    /// <summary>The latest snapshot of the scrape key <paramref name="targetKey"/>, or <c>null</c>.</summary>
    public TargetSnapshot? Latest(string targetKey) => _entries.GetValueOrDefault(targetKey);

    /// <summary>When <paramref name="targetKey"/> last returned data, or <c>null</c>.</summary>
    public DateTimeOffset? LastSuccess(string targetKey) => Latest(targetKey)?.LastSuccess;

    /// <summary>Every target's latest snapshot, ordered by scrape key.</summary>
    public IReadOnlyList<TargetSnapshot> All() =>
        _entries.Values.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();

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

    private static TargetSnapshot WithLastSuccess(TargetSnapshot s, DateTimeOffset? previous) =>
        s with { LastSuccess = s.Outcome is ScrapeOutcome.Success or ScrapeOutcome.Partial ? s.StartedAt : previous };
}

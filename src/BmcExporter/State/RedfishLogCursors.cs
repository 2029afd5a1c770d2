using System.Collections.Concurrent;
using BmcExporter.Redfish.Logs;

namespace BmcExporter.State;

/// <summary>
/// The Redfish log cursors of each target (one per LogService URI), persisted in <c>state_dir</c> beside the IPMI
/// SEL cursor as <c>KEY.redfish-logs.json</c>. As with the SEL, cursors are committed only after the outputs accepted
/// the entries; entries handed out by a scrape whose cursors were not committed are remembered (in memory) so the
/// counters do not count them twice when they come again.
/// </summary>
public sealed class RedfishLogCursors
{
    private const string Kind = "redfish-logs";
    private readonly TargetStateStore _store;
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, RedfishLogCursor>> _cursors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _reported = new(StringComparer.Ordinal);

    public RedfishLogCursors(TargetStateStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>The committed cursors of <paramref name="targetKey"/> by LogService URI (from disk on first use).</summary>
    public IReadOnlyDictionary<string, RedfishLogCursor> Get(string targetKey) => _cursors.GetOrAdd(targetKey, key =>
    {
        var stored = _store.Read<Dictionary<string, RedfishLogCursor>>(key, Kind);
        return stored is null ? new Dictionary<string, RedfishLogCursor>(StringComparer.Ordinal) : new Dictionary<string, RedfishLogCursor>(stored, StringComparer.Ordinal);
    });

    /// <summary>Notes that entry <paramref name="uid"/> was handed out uncommitted; <c>true</c> when it had been already (a repeat).</summary>
    public bool NoteReported(string targetKey, string uid)
    {
        var reported = _reported.GetOrAdd(targetKey, static _ => new HashSet<string>(StringComparer.Ordinal));
        lock (reported)
        {
            return !reported.Add(uid);
        }
    }

    /// <summary>Stores and persists the cursors after their entries were accepted.</summary>
    public void Commit(string targetKey, IReadOnlyDictionary<string, RedfishLogCursor> cursors)
    {
        var copy = new Dictionary<string, RedfishLogCursor>(cursors, StringComparer.Ordinal);
        _cursors[targetKey] = copy;
        _store.Write(targetKey, Kind, copy);
        _reported.TryRemove(targetKey, out _);
    }

    /// <summary>The file the cursors of <paramref name="targetKey"/> are kept in, or <c>null</c> without a state directory.</summary>
    public string? PathFor(string targetKey) => _store.PathFor(targetKey, Kind);

    /// <summary>Forgets a target in memory (its file stays, so a target that comes back resumes).</summary>
    public void Forget(string targetKey)
    {
        _cursors.TryRemove(targetKey, out _);
        _reported.TryRemove(targetKey, out _);
    }
}

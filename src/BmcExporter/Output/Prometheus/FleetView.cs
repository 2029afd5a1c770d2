using System.Collections.Concurrent;
using System.Diagnostics;
using BmcExporter.Snapshots;

namespace BmcExporter.Output.Prometheus;

/// <summary>
/// The fleet <c>/metrics</c> page: the targets this replica scrapes in background mode, each rendered once when
/// its snapshot is stored (<see cref="RenderVariant.Fleet"/>). Targets seen only through <c>/ipmi</c> never enter it.
/// A request captures the current renderings and copies their bytes; nothing is built per request.
/// </summary>
public sealed class FleetView : IDisposable
{
    private readonly SnapshotStore _store;
    private readonly TargetStatsRegistry _stats;
    private readonly ConcurrentDictionary<string, Entry> _members = new(StringComparer.Ordinal);
    private readonly Lock _membershipLock = new();
    private Entry[] _ordered = [];
    private long _renders;
    private long _renderTicks;

    /// <summary>Renders every stored snapshot of a member target; subscribe before scrapes start.</summary>
    public FleetView(SnapshotStore store, TargetStatsRegistry stats)
    {
        _store = store;
        _stats = stats;
        _store.SnapshotStored += OnStored;
        _store.SnapshotRemoved += OnRemoved;
    }

    /// <summary>Member targets.</summary>
    public int Count => Volatile.Read(ref _ordered).Length;

    /// <summary>Snapshots rendered so far.</summary>
    public long Renders => Interlocked.Read(ref _renders);

    /// <summary>Time spent rendering so far.</summary>
    public TimeSpan RenderTime => TimeSpan.FromTicks(Interlocked.Read(ref _renderTicks) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);

    /// <summary>Replaces the member set (scrape keys of the background schedule); members with a stored snapshot are rendered now.</summary>
    public void SetMembers(IEnumerable<string> targetKeys)
    {
        ArgumentNullException.ThrowIfNull(targetKeys);
        lock (_membershipLock)
        {
            var wanted = targetKeys.ToHashSet(StringComparer.Ordinal);
            foreach (var key in _members.Keys.Where(k => !wanted.Contains(k)).ToList())
            {
                _members.TryRemove(key, out _);
            }

            foreach (var key in wanted)
            {
                if (_members.TryAdd(key, new Entry(key)) && _store.Latest(key) is { } stored)
                {
                    OnStored(stored);
                }
            }

            Volatile.Write(ref _ordered, _members.Values.OrderBy(e => e.Key, StringComparer.Ordinal).ToArray());
        }
    }

    /// <summary><c>true</c> when <paramref name="targetKey"/> is on this replica's background schedule.</summary>
    public bool IsMember(string targetKey) => _members.ContainsKey(targetKey);

    /// <summary>The current rendering of a member, or <c>null</c>.</summary>
    public RenderedExposition? Latest(string targetKey) => _members.TryGetValue(targetKey, out var e) ? e.Current : null;

    /// <summary>
    /// The <c>/ipmi</c> rendering of a stored snapshot, rendered at most once per snapshot for member targets (a
    /// per-BMC Prometheus job scraping <c>/ipmi</c> in background mode then costs a copy, not a render).
    /// </summary>
    public RenderedExposition IpmiView(TargetSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!_members.TryGetValue(snapshot.Key, out var entry))
        {
            return TargetRenderer.Render(snapshot, _stats.For(snapshot.Key), RenderVariant.Ipmi);
        }

        var cached = entry.Ipmi;
        if (cached is not null && ReferenceEquals(cached.Snapshot, snapshot))
        {
            return cached.Rendering;
        }

        var rendered = TargetRenderer.Render(snapshot, _stats.For(snapshot.Key), RenderVariant.Ipmi);
        entry.Ipmi = new IpmiRendering(snapshot, rendered);
        return rendered;
    }

    /// <summary>The renderings of every member with a snapshot, in target order, as of now.</summary>
    public IReadOnlyList<RenderedExposition> Capture()
    {
        var ordered = Volatile.Read(ref _ordered);
        var result = new List<RenderedExposition>(ordered.Length);
        foreach (var entry in ordered)
        {
            if (entry.Current is { } current)
            {
                result.Add(current);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _store.SnapshotStored -= OnStored;
        _store.SnapshotRemoved -= OnRemoved;
    }

    private void OnStored(TargetSnapshot snapshot)
    {
        if (!_members.TryGetValue(snapshot.Key, out var entry))
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var rendered = TargetRenderer.Render(snapshot, _stats.For(snapshot.Key), RenderVariant.Fleet, entry.Current);
        Interlocked.Add(ref _renderTicks, Stopwatch.GetTimestamp() - started);
        Interlocked.Increment(ref _renders);
        lock (entry)
        {
            // Snapshots of one target are stored one at a time; a late one never replaces a newer one.
            if (entry.StartedAt <= snapshot.StartedAt)
            {
                entry.StartedAt = snapshot.StartedAt;
                entry.Current = rendered;
            }
        }
    }

    private void OnRemoved(string targetKey)
    {
        if (_members.TryGetValue(targetKey, out var entry))
        {
            lock (entry)
            {
                entry.Current = null;
                entry.StartedAt = DateTimeOffset.MinValue;
            }
        }
    }

    private sealed class Entry(string key)
    {
        private volatile RenderedExposition? _current;
        private volatile IpmiRendering? _ipmi;

        public string Key { get; } = key;

        public DateTimeOffset StartedAt { get; set; } = DateTimeOffset.MinValue;

        public RenderedExposition? Current
        {
            get => _current;
            set => _current = value;
        }

        public IpmiRendering? Ipmi
        {
            get => _ipmi;
            set => _ipmi = value;
        }
    }

    private sealed record IpmiRendering(TargetSnapshot Snapshot, RenderedExposition Rendering);
}

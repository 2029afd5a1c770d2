using System.Collections.Concurrent;
using BmcExporter.Snapshots;

namespace BmcExporter.Output.Health;

/// <summary>
/// The fleet health page's model: one <see cref="TargetRecord"/> per target, updated once per stored snapshot (the
/// judging happens there, not per request) and one per scheduled target not scraped yet. Requests read, filter,
/// sort and page the records; nothing calls back into the scrape path.
/// </summary>
public sealed class FleetHealth : IDisposable
{
    /// <summary>SEL entries kept per target for its page.</summary>
    public const int SelKept = 50;

    /// <summary>Errors kept per target for its page.</summary>
    public const int ErrorsKept = 10;

    private readonly SnapshotStore _store;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, TargetRecord> _records = new(StringComparer.Ordinal);
    private readonly Lock _membersLock = new();
    private HashSet<string> _members = new(StringComparer.Ordinal);

    /// <summary>Follows <paramref name="store"/>; <paramref name="time"/> dates the SEL window.</summary>
    public FleetHealth(SnapshotStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _time = time;
        store.SnapshotStored += OnStored;
        store.SnapshotRemoved += OnRemoved;
        foreach (var snapshot in store.All())
        {
            OnStored(snapshot);
        }
    }

    /// <summary>Every record (a moment's copy).</summary>
    public IReadOnlyList<TargetRecord> Records => [.. _records.Values];

    /// <summary>The record of <paramref name="key"/>, or <c>null</c>.</summary>
    public TargetRecord? Find(string key) => _records.GetValueOrDefault(key);

    /// <summary>
    /// The background schedule (scrape keys): a scheduled target without a snapshot shows as not yet scraped; one that
    /// left the schedule and has no snapshot is dropped.
    /// </summary>
    public void SetMembers(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_membersLock)
        {
            _members = new HashSet<string>(keys, StringComparer.Ordinal);
            foreach (var key in keys)
            {
                _records.AddOrUpdate(key, static k => NotScraped(k), static (_, r) => r with { Scheduled = true });
            }

            foreach (var (key, record) in _records)
            {
                if (!_members.Contains(key))
                {
                    if (record.Snapshot is null)
                    {
                        _records.TryRemove(new KeyValuePair<string, TargetRecord>(key, record));
                    }
                    else if (record.Scheduled)
                    {
                        _records.TryUpdate(key, record with { Scheduled = false }, record);
                    }
                }
            }
        }
    }

    /// <summary>Counts by health and targets with each kind of finding.</summary>
    public FleetSummary Summary()
    {
        var byHealth = TargetHealthNames.All.ToDictionary(h => h, _ => 0);
        var byKind = FindingKindNames.All.ToDictionary(k => k, _ => 0);
        var total = 0;
        foreach (var record in _records.Values)
        {
            total++;
            byHealth[record.Health]++;
            foreach (var kind in record.Findings.Select(f => f.Kind).Distinct())
            {
                byKind[kind]++;
            }
        }

        return new FleetSummary(total, byHealth, byKind);
    }

    /// <summary>The records matching <paramref name="query"/>, sorted, one page of them.</summary>
    public FleetPage Query(FleetQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matching = _records.Values.Where(query.Matches).ToList();
        matching.Sort(query.Compare);
        var pages = Math.Max(1, (matching.Count + query.PerPage - 1) / query.PerPage);
        var items = matching.Skip((query.Page - 1) * query.PerPage).Take(query.PerPage).ToList();
        return new FleetPage(items, matching.Count, query.Page, pages);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _store.SnapshotStored -= OnStored;
        _store.SnapshotRemoved -= OnRemoved;
    }

    private static TargetRecord NotScraped(string key)
    {
        var hash = key.LastIndexOf('#');
        return new TargetRecord
        {
            Key = key,
            Target = hash < 0 ? key : key[..hash],
            Module = hash < 0 ? string.Empty : key[(hash + 1)..],
            Scheduled = true,
        };
    }

    private void OnStored(TargetSnapshot snapshot)
    {
        bool scheduled;
        lock (_membersLock)
        {
            scheduled = _members.Contains(snapshot.Key);
        }

        _records.AddOrUpdate(
            snapshot.Key,
            static (_, s) => s.Self.Next(null, s.Snapshot, s.Scheduled),
            static (_, old, s) => s.Self.Next(old, s.Snapshot, s.Scheduled),
            (Self: this, Snapshot: snapshot, Scheduled: scheduled));
    }

    private TargetRecord Next(TargetRecord? old, TargetSnapshot snapshot, bool scheduled)
    {
        var sel = snapshot.NewSelEvents.Count == 0
            ? old?.RecentSel ?? []
            : snapshot.NewSelEvents.Where(e => !e.Repeat).Reverse().Select(e => new SeenSelEvent(e, snapshot.StartedAt))
                .Concat(old?.RecentSel ?? []).Take(SelKept).ToList();
        // Unsupported collectors are not errors: the per-BMC page lists them as such in its collector table.
        var errors = old?.Errors ?? [];
        var newErrors = snapshot.Collectors.Where(c => !c.Success && !c.Unsupported && c.Error is not null).Select(c => $"{c.Collector}: {c.Error}").ToList();
        if (newErrors.Count == 0 && snapshot.Error is { } error)
        {
            newErrors.Add(error);
        }

        if (newErrors.Count > 0)
        {
            errors = newErrors.Select(e => new TimedError(snapshot.StartedAt, e)).Concat(errors).Take(ErrorsKept).ToList();
        }

        var (health, findings) = HealthAssessor.Assess(snapshot, sel, _time.GetUtcNow());
        return new TargetRecord
        {
            Key = snapshot.Key,
            Target = snapshot.Target,
            Module = snapshot.Module,
            Snapshot = snapshot,
            Health = health,
            Findings = findings,
            RecentSel = sel,
            Errors = errors,
            Scheduled = scheduled,
        };
    }

    private void OnRemoved(string key)
    {
        lock (_membersLock)
        {
            if (_members.Contains(key))
            {
                _records[key] = NotScraped(key);
            }
            else
            {
                _records.TryRemove(key, out _);
            }
        }
    }
}

/// <summary>Fleet counts.</summary>
/// <param name="Total">Targets known (scheduled or scraped).</param>
/// <param name="ByHealth">Targets per health.</param>
/// <param name="TargetsWithFinding">Targets with at least one finding of each kind.</param>
public sealed record FleetSummary(int Total, IReadOnlyDictionary<TargetHealth, int> ByHealth, IReadOnlyDictionary<FindingKind, int> TargetsWithFinding);

/// <summary>One page of the target list.</summary>
/// <param name="Items">The records on this page.</param>
/// <param name="Matching">Records matching the filter, over all pages.</param>
/// <param name="Page">This page (1-based).</param>
/// <param name="Pages">Number of pages (at least 1).</param>
public sealed record FleetPage(IReadOnlyList<TargetRecord> Items, int Matching, int Page, int Pages);

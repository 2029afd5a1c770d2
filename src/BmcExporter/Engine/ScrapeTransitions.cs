using System.Collections.Concurrent;
using BmcExporter.Logging;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Engine;

/// <summary>
/// Logs changes, never repeats: a target that stops returning data is logged once at warning and once at info when
/// it comes back; while it returns data, each collector that starts failing is logged once at warning, its recovery
/// once at info, and a collector the BMC does not support once at info. A circuit-open scrape changes nothing (the
/// target stays down), and a scrape without data leaves the collectors' states alone (their own failures are
/// judged again once the BMC answers).
/// </summary>
public sealed class ScrapeTransitions
{
    private readonly ConcurrentDictionary<string, TargetState> _targets = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    public ScrapeTransitions(ILogger logger)
    {
        _logger = logger;
    }

    private enum CollectorState
    {
        Ok,
        Failing,
        Unsupported,
    }

    /// <summary>Compares <paramref name="snapshot"/> with what was last logged for <paramref name="target"/> and logs the changes.</summary>
    public void Observe(ScrapeTarget target, TargetSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Outcome == ScrapeOutcome.CircuitOpen)
        {
            return;
        }

        var state = _targets.GetOrAdd(target.Key, static _ => new TargetState());
        lock (state)
        {
            if (snapshot.Outcome is ScrapeOutcome.Failed or ScrapeOutcome.Timeout)
            {
                if (state.DownSince is null)
                {
                    state.DownSince = snapshot.StartedAt;
                    var error = snapshot.Error ?? "no reason given";
                    Log.ScrapeFailed(_logger, target.Address, target.Module.Name, snapshot.Outcome, error, ScrapeFailureHint.For(snapshot.Outcome, error, target.Module.Name));
                }

                return;
            }

            if (state.DownSince is { } since)
            {
                state.DownSince = null;
                Log.ScrapeRecovered(_logger, target.Address, target.Module.Name, snapshot.Outcome, Math.Round((snapshot.StartedAt - since).TotalSeconds));
            }

            foreach (var c in snapshot.Collectors)
            {
                var now = c.Success ? CollectorState.Ok : c.Unsupported ? CollectorState.Unsupported : CollectorState.Failing;
                var before = state.Collectors.GetValueOrDefault(c.Collector, CollectorState.Ok);
                state.Collectors[c.Collector] = now;
                if (now == before)
                {
                    continue;
                }

                switch (now)
                {
                    case CollectorState.Failing:
                        Log.CollectorFailing(_logger, c.Collector, target.Address, target.Module.Name, c.Error ?? "no reason given");
                        break;
                    case CollectorState.Unsupported:
                        Log.CollectorUnsupported(_logger, c.Collector, target.Address, target.Module.Name, c.Error ?? "no reason given");
                        break;
                    default:
                        Log.CollectorRecovered(_logger, c.Collector, target.Address);
                        break;
                }
            }
        }
    }

    /// <summary>Forgets a target that left the fleet.</summary>
    public void Forget(string targetKey) => _targets.TryRemove(targetKey, out _);

    private sealed class TargetState
    {
        public DateTimeOffset? DownSince { get; set; }

        public Dictionary<string, CollectorState> Collectors { get; } = new(StringComparer.Ordinal);
    }
}

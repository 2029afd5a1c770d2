using BmcExporter.Engine;
using BmcExporter.Snapshots;
using Polly.CircuitBreaker;

namespace BmcExporter.Output.Prometheus;

/// <summary>Process-wide figures shown on <c>/metrics</c>.</summary>
/// <param name="Targets">Scheduled targets.</param>
/// <param name="InFlight">Targets being scraped.</param>
/// <param name="MaxConcurrency">Configured concurrency bound.</param>
/// <param name="LastReloadSuccessful">Whether the last config (re)load succeeded.</param>
/// <param name="LastSuccessfulLoad">When the config was last loaded successfully.</param>
public sealed record FleetGauges(int Targets, int InFlight, int MaxConcurrency, bool LastReloadSuccessful, DateTimeOffset? LastSuccessfulLoad);

/// <summary>
/// The <c>/metrics</c> view: every target's latest snapshot with a <c>target</c> label (plus the union of
/// user labels, empty where a target lacks one), the per-target self-health series and process figures.
/// </summary>
public static class FleetExposition
{
    /// <summary>Builds the exposition.</summary>
    public static ExpositionBuilder Build(
        IReadOnlyList<TargetSnapshot> snapshots,
        TargetStatsRegistry stats,
        Func<string, CircuitState> circuitOf,
        Func<string, DateTimeOffset?> lastSuccessOf,
        FleetGauges gauges)
    {
        var userLabels = snapshots.SelectMany(s => s.Labels.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var builder = new ExpositionBuilder(["target", .. userLabels]);
        var prefixByTarget = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var snapshot in snapshots)
        {
            var prefix = Prefix(snapshot.Target, snapshot.Labels, userLabels);
            prefixByTarget[snapshot.Target] = prefix;
            SnapshotExposition.Write(builder, snapshot, prefix);
            builder.Gauge(MetricNames.TargetScrapeDuration, prefix, snapshot.Duration.TotalSeconds);
            builder.Gauge(MetricNames.TargetScrapeOutcome, prefix, 1, SnapshotExposition.OutcomeName(snapshot.Outcome));
            builder.Gauge(MetricNames.CircuitState, prefix, CircuitValue(circuitOf(snapshot.Target)));
            if (lastSuccessOf(snapshot.Target) is { } last)
            {
                builder.Gauge(MetricNames.TargetLastSuccess, prefix, last.ToUnixTimeMilliseconds() / 1000.0);
            }
        }

        foreach (var (target, s) in stats.All)
        {
            if (!prefixByTarget.TryGetValue(target, out var prefix))
            {
                continue;
            }

            foreach (var outcome in Enum.GetValues<ScrapeOutcome>())
            {
                builder.Counter(MetricNames.ScrapesTotal, prefix, s.Scrapes(outcome), SnapshotExposition.OutcomeName(outcome));
            }

            builder.Counter(MetricNames.CommandsTotal, prefix, s.Commands);
            builder.Counter(MetricNames.CommandErrorsTotal, prefix, s.CommandErrors);
            builder.Counter(MetricNames.RetriesTotal, prefix, s.Retries);
            builder.Counter(MetricNames.SessionsOpenedTotal, prefix, s.SessionsOpened);
            builder.Counter(MetricNames.SessionsLostTotal, prefix, s.SessionsLost);
            builder.Counter(MetricNames.SdrCacheHitsTotal, prefix, s.SdrCacheHits);
            builder.Counter(MetricNames.SdrCacheMissesTotal, prefix, s.SdrCacheMisses);
            builder.Counter(MetricNames.AuthFailuresTotal, prefix, s.AuthenticationFailures);
            SnapshotExposition.WriteSelCounters(builder, s, prefix);
        }

        builder.GlobalGauge(MetricNames.Targets, gauges.Targets);
        builder.GlobalGauge(MetricNames.ScrapesInFlight, gauges.InFlight);
        builder.GlobalGauge(MetricNames.MaxConcurrency, gauges.MaxConcurrency);
        builder.GlobalGauge(MetricNames.ConfigReloadSuccess, gauges.LastReloadSuccessful ? 1 : 0);
        if (gauges.LastSuccessfulLoad is { } loaded)
        {
            builder.GlobalGauge(MetricNames.ConfigReloadTimestamp, loaded.ToUnixTimeMilliseconds() / 1000.0);
        }

        return builder;
    }

    /// <summary>0 closed, 1 open, 2 half-open, 3 isolated.</summary>
    public static double CircuitValue(CircuitState state) => state switch
    {
        CircuitState.Closed => 0,
        CircuitState.Open => 1,
        CircuitState.HalfOpen => 2,
        _ => 3,
    };

    private static string[] Prefix(string target, IReadOnlyDictionary<string, string> labels, List<string> userLabels)
    {
        var prefix = new string[1 + userLabels.Count];
        prefix[0] = target;
        for (var i = 0; i < userLabels.Count; i++)
        {
            prefix[i + 1] = labels.GetValueOrDefault(userLabels[i], string.Empty);
        }

        return prefix;
    }
}

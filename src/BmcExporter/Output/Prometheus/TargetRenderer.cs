using System.Globalization;
using BmcExporter.Snapshots;

namespace BmcExporter.Output.Prometheus;

/// <summary>Which page a rendering is for.</summary>
public enum RenderVariant
{
    /// <summary><c>/ipmi?target=</c>: hardware families, no <c>target</c> label (ipmi_exporter's multi-target shape).</summary>
    Ipmi,

    /// <summary>The fleet <c>/metrics</c>: a <c>target</c> label first, the per-target self-health families too, compressed pieces.</summary>
    Fleet,
}

/// <summary>
/// Renders one target's snapshot into its series, once: ipmi_exporter's families with its exact meaning (family
/// chosen by the reading's kind, state 0/1/2, NaN when unreadable), the additions, and on the fleet page the
/// exporter's own figures for the target. Series labels start with the target's labels (sorted by name).
/// </summary>
public static class TargetRenderer
{
    /// <summary>
    /// Renders <paramref name="snapshot"/>; <paramref name="stats"/> gives the counters kept across scrapes and
    /// <paramref name="previous"/>, the target's last rendering, lets unchanged families keep their compressed piece.
    /// </summary>
    public static RenderedExposition Render(TargetSnapshot snapshot, TargetStats? stats, RenderVariant variant, RenderedExposition? previous = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var sink = SampleSink.ForThread;
        sink.Reset(PrefixLabels(snapshot, variant));
        WriteUp(sink, snapshot);
        foreach (var sensor in snapshot.Sensors)
        {
            SensorSeries.Write(sink, sensor, snapshot.OptionalMetrics);
        }

        DeviceSeries.Write(sink, snapshot);
        SecuritySeries.Write(sink, snapshot);
        WatchdogSeries.Write(sink, snapshot);
        SelEventSeries.Write(sink, snapshot);
        if (stats is not null)
        {
            WriteSelCounters(sink, stats);
        }

        if (variant == RenderVariant.Fleet)
        {
            WriteSelfHealth(sink, snapshot, stats);
        }

        return sink.Pack(compress: variant == RenderVariant.Fleet, previous);
    }

    /// <summary>The prefix labels: <c>target</c> on the fleet page, then the target's own labels sorted by name.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> PrefixLabels(TargetSnapshot snapshot, RenderVariant variant)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var labels = new List<KeyValuePair<string, string>>(snapshot.Labels.Count + 1);
        if (variant == RenderVariant.Fleet)
        {
            labels.Add(new("target", snapshot.Target));
        }

        labels.AddRange(snapshot.Labels.OrderBy(l => l.Key, StringComparer.Ordinal));
        return labels;
    }

    /// <summary>The <c>outcome</c> label value.</summary>
    public static string OutcomeName(ScrapeOutcome outcome) => outcome switch
    {
        ScrapeOutcome.Success => "success",
        ScrapeOutcome.Partial => "partial",
        ScrapeOutcome.Failed => "failed",
        ScrapeOutcome.CircuitOpen => "circuit_open",
        _ => "timeout",
    };

    /// <summary>The <c>severity</c> label value of SEL counters.</summary>
    public static string SeverityName(SelSeverity severity) => severity switch
    {
        SelSeverity.Warning => "warning",
        SelSeverity.Critical => "critical",
        _ => "info",
    };

    /// <summary>0 closed, 1 open, 2 half-open, 3 isolated.</summary>
    public static double CircuitValue(BreakerState state) => state switch
    {
        BreakerState.Closed => 0,
        BreakerState.Open => 1,
        BreakerState.HalfOpen => 2,
        _ => 3,
    };

    private static void WriteUp(SampleSink sink, TargetSnapshot snapshot)
    {
        foreach (var outcome in snapshot.Collectors)
        {
            sink.Add(MetricNames.Up, outcome.Success ? 1 : 0, outcome.Collector);
            sink.Add(MetricNames.CollectorSupported, outcome.Unsupported ? 0 : 1, outcome.Collector);
        }

        sink.Add(MetricNames.ScrapeDuration, snapshot.Duration.TotalSeconds);
    }

    private static void WriteSelCounters(SampleSink sink, TargetStats stats)
    {
        foreach (var ((type, severity), count) in stats.SelEventCounts)
        {
            sink.Add(MetricNames.SelEventsTotal, count, type, SeverityName(severity));
        }

        if (stats.LastSelEventUnixSeconds is { } last)
        {
            sink.Add(MetricNames.SelLastEventTimestamp, last);
        }

        foreach (var (name, count) in stats.SessionAuditCounts)
        {
            sink.Add(MetricNames.SelSessionAuditTotal, count, name);
        }

        foreach (var (name, count) in stats.SecurityViolationCounts)
        {
            sink.Add(MetricNames.SelSecurityViolationTotal, count, name);
        }

        if (stats.SystemRestarts is { } restarts)
        {
            sink.Add(MetricNames.SystemRestartsTotal, restarts);
        }
    }

    private static void WriteSelfHealth(SampleSink sink, TargetSnapshot snapshot, TargetStats? stats)
    {
        sink.Add(MetricNames.TargetScrapeDuration, snapshot.Duration.TotalSeconds);
        sink.Add(MetricNames.TargetScrapeOutcome, 1, OutcomeName(snapshot.Outcome));
        sink.Add(MetricNames.CircuitState, CircuitValue(snapshot.Breaker));
        if (snapshot.LastSuccess is { } last)
        {
            sink.Add(MetricNames.TargetLastSuccess, last.ToUnixTimeMilliseconds() / 1000.0);
        }

        if (snapshot.Sdr is { } sdr)
        {
            sink.Add(MetricNames.SdrRecordsRead, sdr.RecordsRead);
            sink.Add(MetricNames.SdrRepositoryRecords, sdr.RepositoryRecords);
            sink.Add(MetricNames.SdrWalkComplete, sdr.Complete ? 1 : 0);
        }

        if (stats is not null)
        {
            foreach (var outcome in Enum.GetValues<ScrapeOutcome>())
            {
                sink.Add(MetricNames.ScrapesTotal, stats.Scrapes(outcome), OutcomeName(outcome));
            }

            sink.Add(MetricNames.CommandsTotal, stats.Commands);
            sink.Add(MetricNames.CommandErrorsTotal, stats.CommandErrors);
            sink.Add(MetricNames.RetriesTotal, stats.Retries);
            sink.Add(MetricNames.SessionsOpenedTotal, stats.SessionsOpened);
            sink.Add(MetricNames.SessionsLostTotal, stats.SessionsLost);
            sink.Add(MetricNames.SdrCacheHitsTotal, stats.SdrCacheHits);
            sink.Add(MetricNames.SdrCacheMissesTotal, stats.SdrCacheMisses);
            sink.Add(MetricNames.AuthFailuresTotal, stats.AuthenticationFailures);
            sink.Add(MetricNames.RetransmissionsTotal, stats.Retransmissions);
            sink.Add(MetricNames.RequestTimeoutsTotal, stats.RequestTimeouts);
            if (stats.Transport is { RoundTrip: { } roundTrip })
            {
                sink.Add(MetricNames.RoundTrip, roundTrip.TotalSeconds);
            }

            if (stats.RedfishGets > 0)
            {
                sink.Add(MetricNames.RedfishGetsTotal, stats.RedfishGets);
            }
        }

        // Last, counting itself.
        sink.Add(MetricNames.TargetSeries, sink.Count + 1);
    }

    internal static string Id(int recordId) => recordId.ToString(CultureInfo.InvariantCulture);
}

using BmcExporter.Engine;
using BmcExporter.Snapshots;

namespace BmcExporter.Output.Prometheus;

public static partial class SnapshotExposition
{
    /// <summary>Writes the SEL counters kept across scrapes for one target.</summary>
    public static void WriteSelCounters(ExpositionBuilder builder, TargetStats stats, IReadOnlyList<string> prefix)
    {
        foreach (var ((type, severity), count) in stats.SelEventCounts)
        {
            builder.Counter(MetricNames.SelEventsTotal, prefix, count, type, SeverityName(severity));
        }

        if (stats.LastSelEventUnixSeconds is { } last)
        {
            builder.Gauge(MetricNames.SelLastEventTimestamp, prefix, last);
        }
    }

    /// <summary>The <c>severity</c> label value.</summary>
    public static string SeverityName(SelSeverity severity) => severity switch
    {
        SelSeverity.Warning => "warning",
        SelSeverity.Critical => "critical",
        _ => "info",
    };

    /// <summary>The <c>outcome</c> label value.</summary>
    public static string OutcomeName(ScrapeOutcome outcome) => outcome switch
    {
        ScrapeOutcome.Success => "success",
        ScrapeOutcome.Partial => "partial",
        ScrapeOutcome.Failed => "failed",
        ScrapeOutcome.CircuitOpen => "circuit_open",
        _ => "timeout",
    };
}

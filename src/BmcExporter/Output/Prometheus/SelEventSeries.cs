using BmcExporter.Snapshots;

namespace BmcExporter.Output.Prometheus;

/// <summary>Series of the <c>sel-events</c> collector (ipmi_exporter's families).</summary>
internal static class SelEventSeries
{
    public static void Write(SampleSink sink, TargetSnapshot snapshot)
    {
        if (snapshot.SelEventCounts is not { } counts)
        {
            return;
        }

        foreach (var (state, count) in counts.ByState.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sink.Add(MetricNames.SelEventsCountByState, count, state);
        }

        foreach (var (name, count) in counts.ByName.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sink.Add(MetricNames.SelEventsCountByName, count, name);
            sink.Add(MetricNames.SelEventsLatestTimestamp, counts.LatestByName.GetValueOrDefault(name), name);
        }
    }
}

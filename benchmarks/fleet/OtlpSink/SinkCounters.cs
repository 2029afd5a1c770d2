using BmcExporter.Otlp.Proto.Collector.Logs;
using BmcExporter.Otlp.Proto.Collector.Metrics;

namespace BmcExporter.Benchmarks.OtlpSink;

/// <summary>Running totals of what the sink received, printed as one line after every request.</summary>
internal sealed class SinkCounters
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _uids = new(StringComparer.Ordinal);
    private long _requests;
    private long _resources;
    private long _points;
    private long _logRecords;
    private long _bytes;

    public void Add(ExportMetricsServiceRequest request, long bytes)
    {
        long points = 0;
        foreach (var resource in request.ResourceMetrics)
        {
            foreach (var scope in resource.ScopeMetrics)
            {
                foreach (var metric in scope.Metrics)
                {
                    points += metric.Gauge?.DataPoints.Count ?? metric.Sum?.DataPoints.Count ?? 0;
                }
            }
        }

        lock (_lock)
        {
            _requests++;
            _resources += request.ResourceMetrics.Count;
            _points += points;
            _bytes += bytes;
        }

        Print();
    }

    public void Add(ExportLogsServiceRequest request, long bytes)
    {
        lock (_lock)
        {
            _requests++;
            _resources += request.ResourceLogs.Count;
            _bytes += bytes;
            foreach (var record in request.ResourceLogs.SelectMany(r => r.ScopeLogs).SelectMany(s => s.LogRecords))
            {
                _logRecords++;
                var uid = record.Attributes.FirstOrDefault(a => a.Key == "log.record.uid")?.Value?.StringValue;
                if (uid is not null)
                {
                    _uids.Add(uid);
                }
            }
        }

        Print();
    }

    public void Print()
    {
        string line;
        lock (_lock)
        {
            line = $"requests={_requests} resources={_resources} data_points={_points} log_records={_logRecords} distinct_uids={_uids.Count} bytes={_bytes}";
        }

        Console.WriteLine(line);
    }
}

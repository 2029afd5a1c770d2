using BmcExporter.Config;
using BmcExporter.Otlp.Proto.Collector.Logs;
using BmcExporter.Otlp.Proto.Collector.Metrics;
using BmcExporter.Otlp.Wire;
using BmcExporter.Simulator.Redfish;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Otlp;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Tests.Redfish;

/// <summary>
/// OTLP from a Redfish scrape: one simulated BMC scraped over IPMI and over Redfish at one frozen instant, each snapshot
/// encoded by the OTLP encoders and decoded with the generated protobuf classes. The hw.* readings (by metric and
/// hw.name) and the SEL log records (entry, time, severity) must be the same whichever protocol read them.
/// </summary>
public sealed class RedfishOtlpTests
{
    /// <summary>The reading metrics both protocols fill; hw.status also carries IPMI discrete sensors Redfish has no resource for.</summary>
    private static readonly string[] Readings = ["hw.temperature", "hw.fan.speed", "hw.voltage", "hw.power", "hw.host.power"];

    [Fact]
    public async Task Otlp_SameBmcOverIpmiAndRedfish_SameHwReadingsAndSelLogRecords()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await using var fx = await RedfishHostFixture.StartAsync(new RedfishServerOptions(), simulatorTime: clock);
        clock.Advance(TimeSpan.FromMinutes(17));
        var ipmi = fx.Module("ipmi", ModuleProtocol.Ipmi);
        var redfish = fx.Module("redfish", ModuleProtocol.Redfish);
        var config = fx.Config(ipmi, redfish);
        var runtime = fx.Runtime(config);
        var overIpmi = await RedfishHostFixture.ScrapeAsync(runtime, fx.Target(config, ipmi));
        var overRedfish = await RedfishHostFixture.ScrapeAsync(runtime, fx.Target(config, redfish));
        Assert.Equal(ScrapeOutcome.Success, overRedfish.Outcome);

        var a = Points(overIpmi);
        var b = Points(overRedfish);
        foreach (var metric in Readings)
        {
            Assert.True(b.Keys.Any(k => k.Metric == metric), $"no {metric} from the Redfish scrape");
        }

        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var (key, value) in b)
        {
            Assert.True(Math.Abs(a[key] - value) < 1e-6, $"{key}: IPMI {a[key]}, Redfish {value}");
        }

        // Log records: same entries, times, severities and event name. The body is what each protocol says: the IPMI
        // event description, or the LogEntry's Message, which a BMC mirroring its SEL writes around that description.
        var ipmiLogs = await LogsAsync(overIpmi);
        var redfishLogs = await LogsAsync(overRedfish);
        Assert.NotEmpty(redfishLogs);
        Assert.Equal(ipmiLogs.Select(l => (l.RecordId, l.Time, l.Severity, l.EventName)), redfishLogs.Select(l => (l.RecordId, l.Time, l.Severity, l.EventName)));
        Assert.All(ipmiLogs.Zip(redfishLogs), p => Assert.Contains(p.First.Body, p.Second.Body, StringComparison.Ordinal));
    }

    /// <summary>Every data point of the reading metrics: (metric, hw.name, hw.type) → value.</summary>
    private static Dictionary<(string Metric, string Name, string Type), double> Points(TargetSnapshot snapshot)
    {
        var w = new ProtoBuffer();
        MetricsEncoder.Write(w, snapshot, snapshot.StartedAt.AddDays(-1));
        var request = ExportMetricsServiceRequest.Parser.ParseFrom(w.Written.ToArray());
        var points = new Dictionary<(string, string, string), double>();
        foreach (var metric in request.ResourceMetrics.Single().ScopeMetrics.Single().Metrics.Where(m => Readings.Contains(m.Name)))
        {
            foreach (var p in metric.Gauge.DataPoints)
            {
                var attributes = OtlpEncodingTests.Attributes(p.Attributes);
                points.Add((metric.Name, attributes.TryGetValue("hw.name", out var n) ? (string)n : "", attributes.TryGetValue("hw.type", out var t) ? (string)t : ""), p.AsDouble);
            }
        }

        return points;
    }

    /// <summary>The SEL log records: record id, time, severity, body and event name.</summary>
    private static async Task<List<(long RecordId, ulong Time, string Severity, string Body, string EventName)>> LogsAsync(TargetSnapshot snapshot)
    {
        var records = LogsEncoder.QueueRecords(snapshot, snapshot.StartedAt);
        if (records.Count == 0)
        {
            return [];
        }

        var body = await new ExportPayload([LogsEncoder.Request(records)], gzip: false).ToArrayAsync(false, CancellationToken.None);
        return [.. ExportLogsServiceRequest.Parser.ParseFrom(body).ResourceLogs.Single().ScopeLogs.Single().LogRecords
            .Select(r => ((long)OtlpEncodingTests.Attributes(r.Attributes)["ipmi.sel.record_id"], r.TimeUnixNano, r.SeverityText, r.Body.StringValue, r.EventName))];
    }
}

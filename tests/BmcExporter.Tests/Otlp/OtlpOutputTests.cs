using BmcExporter.Config;
using BmcExporter.Otlp;
using BmcExporter.Snapshots;

namespace BmcExporter.Tests.Otlp;

public sealed class OtlpOutputTests
{
    private const string TargetA = "10.0.0.7:623";
    private const string TargetB = "10.0.0.8:6230";

    [Fact]
    public async Task ExportMetrics_HttpProtobuf_SendsHwMetricsWithOneResourcePerBmc()
    {
        using var receiver = new OtlpHttpReceiver();
        await using var output = new OtlpOutput(Config(receiver), TimeProvider.System);
        output.Publish(OtlpTestData.Snapshot(TargetA, "r12"));
        output.Publish(OtlpTestData.Snapshot(TargetB, "r13"));

        Assert.Equal(2, await output.ExportMetricsAsync(CancellationToken.None));

        var resources = receiver.Bodies("/v1/metrics").Select(ProtoMessage.Parse).SelectMany(r => r.Messages(1)).ToList();
        Assert.Equal(2, resources.Count);
        var byHost = resources.ToDictionary(r => (string)r.Message(1)!.Attributes(1)["bmc.target"]!);
        var a = byHost[TargetA].Message(1)!.Attributes(1);
        Assert.Equal("bmc-exporter", a["service.name"]);
        Assert.Equal("10.0.0.7", a["host.name"]);
        Assert.Equal("default", a["bmc.module"]);
        Assert.Equal("r12", a["rack"]);
        Assert.Equal("r13", byHost[TargetB].Message(1)!.Attributes(1)["rack"]);
        Assert.All(receiver.Requests, r => Assert.Equal("application/x-protobuf", r.ContentType));
    }

    [Fact]
    public async Task ExportMetrics_Readings_FollowHardwareConventions()
    {
        using var receiver = new OtlpHttpReceiver();
        await using var output = new OtlpOutput(Config(receiver), TimeProvider.System);
        output.Publish(OtlpTestData.Snapshot(TargetA, "r12"));
        await output.ExportMetricsAsync(CancellationToken.None);

        var metrics = Metrics(receiver);

        var temperature = Assert.Single(metrics["hw.temperature"].Points);
        Assert.Equal("Cel", metrics["hw.temperature"].Unit);
        Assert.Equal("gauge", metrics["hw.temperature"].Kind);
        Assert.Equal(47.5, temperature.Value);
        Assert.Equal("sensor_5", temperature.Attributes["hw.id"]);
        Assert.Equal("CPU Temp", temperature.Attributes["hw.name"]);
        Assert.Equal("Processor 1", temperature.Attributes["hw.sensor_location"]);

        var limits = metrics["hw.temperature.limit"].Points.ToDictionary(p => (string)p.Attributes["hw.limit_type"]!, p => p.Value);
        Assert.Equal(new Dictionary<string, double> { ["high.degraded"] = 85, ["high.critical"] = 95 }, limits);

        Assert.Equal(("rpm", 5400.0), (metrics["hw.fan.speed"].Unit, Assert.Single(metrics["hw.fan.speed"].Points).Value));
        Assert.Equal(0.4, Assert.Single(metrics["hw.fan.speed_ratio"].Points).Value, 9);
        Assert.Equal(("V", 12.1), (metrics["hw.voltage"].Unit, Assert.Single(metrics["hw.voltage"].Points).Value));
        var power = Assert.Single(metrics["hw.power"].Points);
        Assert.Equal((230.0, "power_supply"), (power.Value, power.Attributes["hw.type"]));
        Assert.Equal(310, Assert.Single(metrics["hw.host.power"].Points).Value);
    }

    [Fact]
    public async Task ExportMetrics_Status_IsOneHotOverOkDegradedFailed()
    {
        using var receiver = new OtlpHttpReceiver();
        await using var output = new OtlpOutput(Config(receiver), TimeProvider.System);
        output.Publish(OtlpTestData.Snapshot(TargetA, "r12"));
        await output.ExportMetricsAsync(CancellationToken.None);

        var status = Metrics(receiver)["hw.status"];
        Assert.Equal(("sum", "1"), (status.Kind, status.Unit));
        var ones = status.Points.Where(p => p.Value == 1)
            .Select(p => $"{p.Attributes["hw.id"]}:{p.Attributes["hw.type"]}:{p.Attributes["hw.state"]}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "chassis:enclosure:failed",
                "sensor_11:power_supply:ok",
                "sensor_12:power_supply:failed",
                "sensor_5:temperature:ok",
                "sensor_7:fan:degraded",
                "sensor_8:fan:ok",
                "sensor_9:voltage:failed",
            ],
            ones);
        Assert.Equal(7 * 3, status.Points.Count);
        Assert.DoesNotContain(status.Points, p => (string)p.Attributes["hw.id"]! == "sensor_13");
    }

    [Fact]
    public async Task Publish_NewSelEntries_AreExportedAsLogRecords()
    {
        using var receiver = new OtlpHttpReceiver();
        await using var output = new OtlpOutput(Config(receiver), TimeProvider.System);
        var critical = OtlpTestData.SelEvent(TargetA, 3, SelSeverity.Critical, "Upper Critical going high");
        var info = OtlpTestData.SelEvent(TargetA, 4, SelSeverity.Info, "Upper Critical going high deasserted");
        output.Publish(OtlpTestData.Snapshot(TargetA, "r12", critical, info));

        output.ExportQueuedLogs();

        Assert.Equal(2, output.ExportedLogRecords);
        var resourceLogs = receiver.Bodies("/v1/logs").Select(ProtoMessage.Parse).SelectMany(r => r.Messages(1)).ToList();
        Assert.All(resourceLogs, r => Assert.Equal(TargetA, r.Message(1)!.Attributes(1)["bmc.target"]));
        var records = resourceLogs.SelectMany(r => r.Messages(2)).SelectMany(s => s.Messages(2)).ToList();
        Assert.Equal(2, records.Count);

        var first = records[0];
        Assert.Equal((ulong)critical.Timestamp!.Value.ToUnixTimeMilliseconds() * 1_000_000, first.Fixed64(1));
        Assert.Equal(17UL, first.Varint(2)); // SEVERITY_NUMBER_ERROR
        Assert.Equal("Upper Critical going high", ProtoMessage.AnyValue(first.Message(5)));
        var attributes = first.Attributes(6);
        Assert.Equal(critical.StableId, attributes["log.record.uid"]);
        Assert.Equal(3L, Assert.IsType<long>(attributes["ipmi.sel.record_id"]));
        Assert.Equal("Temperature", attributes["ipmi.sensor.type"]);
        Assert.Equal("assertion", attributes["ipmi.sel.event_direction"]);
        Assert.Equal(HwConventions.SelEventName, first.String(12)); // LogRecord.event_name
        Assert.Equal(
            ["bmc.target", "ipmi.sel.event_direction", "ipmi.sel.event_offset", "ipmi.sel.generator_id", "ipmi.sel.raw", "ipmi.sel.record_id", "ipmi.sel.record_type", "ipmi.sensor.number", "ipmi.sensor.type", "log.record.uid"],
            attributes.Keys.Order(StringComparer.Ordinal));

        Assert.Equal(9UL, records[1].Varint(2)); // SEVERITY_NUMBER_INFO
        Assert.Equal(info.StableId, records[1].Attributes(6)["log.record.uid"]);
    }

    [Fact]
    public async Task Publish_ChangedLabels_RebuildsResource()
    {
        using var receiver = new OtlpHttpReceiver();
        await using var output = new OtlpOutput(Config(receiver), TimeProvider.System);
        output.Publish(OtlpTestData.Snapshot(TargetA, "r12"));
        output.Publish(OtlpTestData.Snapshot(TargetA, "r99"));
        receiver.Requests.Clear(); // the replaced pipeline exported once more while shutting down
        await output.ExportMetricsAsync(CancellationToken.None);

        var resource = Assert.Single(receiver.Bodies("/v1/metrics").Select(ProtoMessage.Parse).SelectMany(r => r.Messages(1)));
        Assert.Equal("r99", resource.Message(1)!.Attributes(1)["rack"]);
        Assert.Equal(1, output.TargetCount);
    }

    [Fact]
    public async Task Export_HttpBaseUrlWithPath_AppendsSignalPaths()
    {
        using var receiver = new OtlpHttpReceiver();
        var config = Config(receiver) with { Endpoint = new Uri(receiver.BaseUri, "otlp/") };
        await using var output = new OtlpOutput(config, TimeProvider.System);
        output.Publish(OtlpTestData.Snapshot(TargetA, "r12", OtlpTestData.SelEvent(TargetA, 1, SelSeverity.Info, "x")));

        await output.ExportMetricsAsync(CancellationToken.None);
        output.ExportQueuedLogs();

        Assert.Equal(["/otlp/v1/logs", "/otlp/v1/metrics"], receiver.Requests.Select(r => r.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Start_EachInterval_ExportsMetricsAndQueuedLogs()
    {
        using var receiver = new OtlpHttpReceiver();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var output = new OtlpOutput(Config(receiver), time);
        output.Start();
        output.Publish(OtlpTestData.Snapshot(TargetA, "r12", OtlpTestData.SelEvent(TargetA, 2, SelSeverity.Warning, "y")));

        Assert.True(SpinWait.SpinUntil(() => receiver.Bodies("/v1/logs").Any(), TimeSpan.FromSeconds(10)), "queued SEL entry not exported");
        Assert.Empty(receiver.Bodies("/v1/metrics"));
        time.Advance(TimeSpan.FromSeconds(60));

        Assert.True(SpinWait.SpinUntil(() => receiver.Bodies("/v1/metrics").Any(), TimeSpan.FromSeconds(10)), "no metric export after one interval");
    }

    [Fact]
    public async Task ExportMetrics_Headers_AreSent()
    {
        using var receiver = new OtlpHttpReceiver();
        var config = Config(receiver) with
        {
            Headers = new Dictionary<string, BmcExporter.Ipmi.Crypto.IpmiSecret>(StringComparer.OrdinalIgnoreCase) { ["x-api-key"] = BmcExporter.Ipmi.Crypto.IpmiSecret.FromText("k-123", "header x-api-key") },
        };
        await using var output = new OtlpOutput(config, TimeProvider.System);
        output.Publish(OtlpTestData.Snapshot(TargetA, "r12"));

        await output.ExportMetricsAsync(CancellationToken.None);

        Assert.Equal("k-123", Assert.Single(receiver.Requests).ApiKey);
    }

    [Fact]
    public async Task RemoveTarget_StopsExportingIt()
    {
        using var receiver = new OtlpHttpReceiver();
        await using var output = new OtlpOutput(Config(receiver), TimeProvider.System);
        output.Publish(OtlpTestData.Snapshot(TargetA, "r12"));
        output.Publish(OtlpTestData.Snapshot(TargetB, "r13"));

        output.RemoveTarget(TargetA);
        receiver.Requests.Clear(); // the removed pipeline exported once more while shutting down

        Assert.Equal(1, await output.ExportMetricsAsync(CancellationToken.None));
        var resource = Assert.Single(receiver.Bodies("/v1/metrics").Select(ProtoMessage.Parse).SelectMany(r => r.Messages(1)));
        Assert.Equal(TargetB, resource.Message(1)!.Attributes(1)["bmc.target"]);
    }

    [Fact]
    public async Task ExportMetrics_CollectorDown_ReportsFailureWithoutThrowing()
    {
        int port;
        using (var receiver = new OtlpHttpReceiver())
        {
            port = receiver.Port;
        }

        var config = new OtlpConfig { Enabled = true, Protocol = OtlpProtocol.HttpProtobuf, Endpoint = new Uri($"http://127.0.0.1:{port}") };
        await using var output = new OtlpOutput(config, TimeProvider.System);
        output.Publish(OtlpTestData.Snapshot(TargetA, "r12"));

        Assert.Equal(0, await output.ExportMetricsAsync(CancellationToken.None));
    }

    private static OtlpConfig Config(OtlpHttpReceiver receiver) =>
        new() { Enabled = true, Protocol = OtlpProtocol.HttpProtobuf, Endpoint = receiver.BaseUri, Interval = TimeSpan.FromSeconds(60) };

    /// <summary>Every metric of every request, by name (OTLP: request 1 → ResourceMetrics 2 → ScopeMetrics 2 → Metric).</summary>
    private static Dictionary<string, MetricView> Metrics(OtlpHttpReceiver receiver)
    {
        var result = new Dictionary<string, MetricView>(StringComparer.Ordinal);
        foreach (var body in receiver.Bodies("/v1/metrics"))
        {
            foreach (var metric in ProtoMessage.Parse(body).Messages(1).SelectMany(r => r.Messages(2)).SelectMany(s => s.Messages(2)))
            {
                var (kind, data) = metric.Has(5) ? ("gauge", metric.Message(5)!) : ("sum", metric.Message(7)!);
                var points = data.Messages(1).Select(p => new PointView(
                    p.Has(4) ? p.Double(4)!.Value : (long)p.Fixed64(6)!.Value,
                    p.Attributes(7))).ToList();
                result[metric.String(1)!] = new MetricView(metric.String(3) ?? string.Empty, kind, points);
            }
        }

        return result;
    }

    private sealed record MetricView(string Unit, string Kind, List<PointView> Points);

    private sealed record PointView(double Value, Dictionary<string, object?> Attributes);
}

public sealed class OtlpGrpcTests
{
    [Fact]
    public async Task ExportMetricsAndLogs_Grpc_ReachesTheCollectorServices()
    {
        await using var receiver = await OtlpGrpcReceiver.StartAsync();
        var config = new OtlpConfig { Enabled = true, Protocol = OtlpProtocol.Grpc, Endpoint = receiver.BaseUri };
        await using var output = new OtlpOutput(config, TimeProvider.System);
        var e = OtlpTestData.SelEvent("10.0.0.7:623", 21, SelSeverity.Warning, "Lower Non-critical going low");
        output.Publish(OtlpTestData.Snapshot("10.0.0.7:623", "r12", e));

        Assert.Equal(1, await output.ExportMetricsAsync(CancellationToken.None));
        output.ExportQueuedLogs();

        var metrics = ProtoMessage.Parse(Assert.Single(receiver.Bodies("opentelemetry.proto.collector.metrics.v1.MetricsService")));
        var names = metrics.Messages(1).SelectMany(r => r.Messages(2)).SelectMany(s => s.Messages(2)).Select(m => m.String(1)).ToList();
        Assert.Contains("hw.temperature", names);
        Assert.Contains("hw.status", names);
        var logs = ProtoMessage.Parse(Assert.Single(receiver.Bodies("opentelemetry.proto.collector.logs.v1.LogsService")));
        var record = Assert.Single(logs.Messages(1).SelectMany(r => r.Messages(2)).SelectMany(s => s.Messages(2)));
        Assert.Equal(13UL, record.Varint(2)); // SEVERITY_NUMBER_WARN
        Assert.Equal(e.StableId, record.Attributes(6)["log.record.uid"]);
    }
}

using System.IO.Compression;
using BmcExporter.Ipmi.Sel;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Otlp;
using BmcExporter.Otlp.Proto.Collector.Logs;
using BmcExporter.Otlp.Proto.Collector.Metrics;
using BmcExporter.Otlp.Proto.Common;
using BmcExporter.Otlp.Proto.Metrics;
using BmcExporter.Otlp.Wire;
using BmcExporter.Snapshots;

namespace BmcExporter.Tests.Otlp;

/// <summary>What the render-once encoders write, decoded with the classes generated from our .proto files.</summary>
public sealed class OtlpEncodingTests
{
    private const string Target = "10.0.0.7:623";

    [Fact]
    public void Encode_Snapshot_IsOneResourceMetricsWithBmcResource()
    {
        var request = Decode(OtlpTestData.Snapshot(Target, "r12"));

        var resource = Assert.Single(request.ResourceMetrics);
        var attributes = Attributes(resource.Resource.Attributes);
        Assert.Equal("bmc-exporter", attributes["service.name"]);
        Assert.Equal("10.0.0.7", attributes["host.name"]);
        Assert.Equal(Target, attributes["bmc.target"]);
        Assert.Equal("default", attributes["bmc.module"]);
        Assert.Equal("r12", attributes["rack"]);
        var scope = Assert.Single(resource.ScopeMetrics);
        Assert.Equal(HwConventions.ScopeName, scope.Scope.Name);
    }

    [Fact]
    public void Encode_Readings_FollowHardwareConventionsPerKind()
    {
        var metrics = Decode(OtlpTestData.Snapshot(Target, "r12")).ResourceMetrics[0].ScopeMetrics[0].Metrics.ToDictionary(m => m.Name);

        // Golden: name -> unit, kind of data, values.
        Assert.Equal(
            ["hw.fan.speed", "hw.fan.speed_ratio", "hw.host.power", "hw.power", "hw.status", "hw.temperature", "hw.temperature.limit", "hw.voltage"],
            metrics.Keys.Order(StringComparer.Ordinal));
        var temperature = Assert.Single(metrics["hw.temperature"].Gauge.DataPoints);
        Assert.Equal("Cel", metrics["hw.temperature"].Unit);
        Assert.Equal(47.5, temperature.AsDouble);
        Assert.Equal(OtlpFields.UnixNanos(OtlpTestData.EventTime), temperature.TimeUnixNano);
        Assert.Equal(
            new Dictionary<string, object> { ["hw.id"] = "sensor_5", ["hw.name"] = "CPU Temp", ["hw.sensor_location"] = "Processor 1" },
            Attributes(temperature.Attributes));
        var limits = metrics["hw.temperature.limit"].Gauge.DataPoints.ToDictionary(p => (string)Attributes(p.Attributes)["hw.limit_type"], p => p.AsDouble);
        Assert.Equal(new Dictionary<string, double> { ["high.degraded"] = 85, ["high.critical"] = 95 }, limits);
        Assert.Equal(("rpm", 5400.0), (metrics["hw.fan.speed"].Unit, Assert.Single(metrics["hw.fan.speed"].Gauge.DataPoints).AsDouble));
        Assert.Equal(("1", 0.4), (metrics["hw.fan.speed_ratio"].Unit, Math.Round(Assert.Single(metrics["hw.fan.speed_ratio"].Gauge.DataPoints).AsDouble, 9)));
        Assert.Equal(("V", 12.1), (metrics["hw.voltage"].Unit, Assert.Single(metrics["hw.voltage"].Gauge.DataPoints).AsDouble));
        var power = Assert.Single(metrics["hw.power"].Gauge.DataPoints);
        Assert.Equal((230.0, "power_supply"), (power.AsDouble, Attributes(power.Attributes)["hw.type"]));
        Assert.Equal(310, Assert.Single(metrics["hw.host.power"].Gauge.DataPoints).AsDouble);
    }

    [Theory]
    [InlineData(SensorKind.Temperature, "hw.temperature", "Cel", "hw.temperature.limit")]
    [InlineData(SensorKind.FanSpeed, "hw.fan.speed", "rpm", "hw.fan.speed.limit")]
    [InlineData(SensorKind.FanRatio, "hw.fan.speed_ratio", "1", null)]
    [InlineData(SensorKind.Voltage, "hw.voltage", "V", "hw.voltage.limit")]
    [InlineData(SensorKind.Power, "hw.power", "W", null)]
    public void ForKind_InstrumentKinds_MapToHwNames(SensorKind kind, string name, string unit, string? limit)
    {
        var instrument = HwConventions.ForKind(kind)!;
        Assert.Equal((name, unit, limit), (instrument.Name, instrument.Unit, instrument.LimitName));
        Assert.Contains(kind, HwConventions.InstrumentKinds);
    }

    [Theory]
    [InlineData(SensorKind.Current)]
    [InlineData(SensorKind.Other)]
    public void ForKind_KindsWithoutConvention_HaveNoInstrument(SensorKind kind) => Assert.Null(HwConventions.ForKind(kind));

    [Fact]
    public void Encode_Status_IsNonMonotonicCumulativeSumOneHot()
    {
        var status = Decode(OtlpTestData.Snapshot(Target, "r12")).ResourceMetrics[0].ScopeMetrics[0].Metrics.Single(m => m.Name == "hw.status");

        Assert.Equal(Metric.DataOneofCase.Sum, status.DataCase);
        Assert.Equal(AggregationTemporality.Cumulative, status.Sum.AggregationTemporality);
        Assert.False(status.Sum.IsMonotonic);
        var ones = status.Sum.DataPoints.Where(p => p.AsInt == 1)
            .Select(p => Attributes(p.Attributes)).Select(a => $"{a["hw.id"]}:{a["hw.type"]}:{a["hw.state"]}").Order(StringComparer.Ordinal);
        Assert.Equal(
            ["chassis:enclosure:failed", "sensor_11:power_supply:ok", "sensor_12:power_supply:failed", "sensor_5:temperature:ok", "sensor_7:fan:degraded", "sensor_8:fan:ok", "sensor_9:voltage:failed"],
            ones);
        Assert.All(status.Sum.DataPoints, p => Assert.True(p.StartTimeUnixNano > 0));
        Assert.Equal(7 * 3, status.Sum.DataPoints.Count);
    }

    [Fact]
    public async Task Payload_GzipOfManyPieces_IsOneValidGzipMemberOfConcatenatedResources()
    {
        var pieces = Enumerable.Range(0, 40).Select(i => Piece(OtlpTestData.Snapshot($"10.0.1.{i}:623", $"r{i}"))).ToList();

        var body = await new ExportPayload(pieces, gzip: true).ToArrayAsync(grpc: false, CancellationToken.None);

        // GZipStream checks the CRC-32 and length in the trailer.
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        var request = ExportMetricsServiceRequest.Parser.ParseFrom(plain.ToArray());
        Assert.Equal(40, request.ResourceMetrics.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"10.0.1.{i}:623"), request.ResourceMetrics.Select(r => (string)Attributes(r.Resource.Attributes)["bmc.target"]));
    }

    [Fact]
    public async Task Payload_Identity_WritesTheRawConcatenationWithGrpcPrefix()
    {
        var pieces = Enumerable.Range(0, 3).Select(i => Piece(OtlpTestData.Snapshot($"10.0.2.{i}:623", "r"))).ToList();
        var payload = new ExportPayload(pieces, gzip: false);

        var body = await payload.ToArrayAsync(grpc: true, CancellationToken.None);

        Assert.Equal(0, body[0]);
        Assert.Equal(payload.RawLength, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1)));
        Assert.Equal(3, ExportMetricsServiceRequest.Parser.ParseFrom(body.AsSpan(5).ToArray()).ResourceMetrics.Count);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(200)]
    [InlineData(20_000)]
    [InlineData(3_000_000)]
    public void ProtoBuffer_NestedMessageOfAnyLength_DecodesExactly(int length)
    {
        var w = new ProtoBuffer();
        var text = new string('x', length);
        w.BeginMessage(InstrumentationScope.AttributesFieldNumber);
        w.WriteString(KeyValue.KeyFieldNumber, "k");
        w.BeginMessage(KeyValue.ValueFieldNumber);
        w.WriteString(AnyValue.StringValueFieldNumber, text);
        w.EndMessage();
        w.EndMessage();
        w.WriteString(InstrumentationScope.NameFieldNumber, "n");

        var scope = InstrumentationScope.Parser.ParseFrom(w.Written.ToArray());

        Assert.Equal("n", scope.Name);
        var attribute = Assert.Single(scope.Attributes);
        Assert.Equal(("k", length), (attribute.Key, attribute.Value.StringValue.Length));
    }

    [Fact]
    public async Task LogsRequest_RecordsOfTwoBmcs_GroupsConsecutiveRecordsByResource()
    {
        var a = OtlpTestData.Snapshot("10.0.0.1:623", "r1", OtlpTestData.SelEvent("10.0.0.1:623", 1, SelSeverity.Critical, "Upper Critical going high"), OtlpTestData.SelEvent("10.0.0.1:623", 2, SelSeverity.Info, "x"));
        var b = OtlpTestData.Snapshot("10.0.0.2:623", "r2", OtlpTestData.SelEvent("10.0.0.2:623", 9, SelSeverity.Warning, "y"));
        var records = LogsEncoder.QueueRecords(a, OtlpTestData.EventTime).Concat(LogsEncoder.QueueRecords(b, OtlpTestData.EventTime)).ToList();

        var body = await new ExportPayload([LogsEncoder.Request(records)], gzip: false).ToArrayAsync(false, CancellationToken.None);
        var request = ExportLogsServiceRequest.Parser.ParseFrom(body);

        Assert.Equal(2, request.ResourceLogs.Count);
        Assert.Equal("10.0.0.1:623", Attributes(request.ResourceLogs[0].Resource.Attributes)["bmc.target"]);
        var first = request.ResourceLogs[0].ScopeLogs[0].LogRecords;
        Assert.Equal(2, first.Count);
        Assert.Equal(BmcExporter.Otlp.Proto.Logs.SeverityNumber.Error, first[0].SeverityNumber);
        Assert.Equal("Upper Critical going high", first[0].Body.StringValue);
        Assert.Equal("ipmi.sel.entry", first[0].EventName);
        Assert.Equal(OtlpFields.UnixNanos(OtlpTestData.EventTime.AddMinutes(1)), first[0].TimeUnixNano);
        var attributes = Attributes(first[0].Attributes);
        Assert.Equal("10.0.0.1:623/0000abcd/1/00000001", attributes["log.record.uid"]);
        Assert.Equal(1L, attributes["ipmi.sel.record_id"]);
        Assert.Equal("assertion", attributes["ipmi.sel.event_direction"]);
        Assert.Equal("WARN", request.ResourceLogs[1].ScopeLogs[0].LogRecords[0].SeverityText);
    }

    [Fact]
    public async Task LogsRequest_SessionAuditAndSecurityViolation_CarryEventUserAndChannel()
    {
        var audit = OtlpTestData.SelEvent(Target, 1, SelSeverity.Warning, "Session Audit: invalid username or password") with
        {
            SensorType = 0x2A,
            Offset = 2,
            Security = new SecurityEvent(SecurityEventKind.SessionAudit, "invalid_username_or_password", 2, 1),
        };
        var violation = OtlpTestData.SelEvent(Target, 2, SelSeverity.Warning, "Platform Security Violation") with
        {
            SensorType = 0x06,
            Offset = 5,
            Security = new SecurityEvent(SecurityEventKind.SecurityViolation, "out_of_band_password_violation", null, null),
        };
        var plain = OtlpTestData.SelEvent(Target, 3, SelSeverity.Info, "Upper Critical going high");
        var records = LogsEncoder.QueueRecords(OtlpTestData.Snapshot(Target, "r1", audit, violation, plain), OtlpTestData.EventTime).ToList();

        var body = await new ExportPayload([LogsEncoder.Request(records)], gzip: false).ToArrayAsync(false, CancellationToken.None);
        var logs = ExportLogsServiceRequest.Parser.ParseFrom(body).ResourceLogs[0].ScopeLogs[0].LogRecords;

        var first = Attributes(logs[0].Attributes);
        Assert.Equal("invalid_username_or_password", first["ipmi.sel.security_event"]);
        Assert.Equal(2L, first["ipmi.user.id"]);
        Assert.Equal(1L, first["ipmi.channel"]);
        var second = Attributes(logs[1].Attributes);
        Assert.Equal("out_of_band_password_violation", second["ipmi.sel.security_event"]);
        Assert.False(second.ContainsKey("ipmi.user.id"));
        Assert.False(second.ContainsKey("ipmi.channel"));
        Assert.False(Attributes(logs[2].Attributes).ContainsKey("ipmi.sel.security_event"));
    }

    internal static EncodedPiece Piece(TargetSnapshot snapshot)
    {
        var w = new ProtoBuffer();
        var points = MetricsEncoder.Write(w, snapshot, OtlpTestData.EventTime.AddDays(-1));
        return EncodedPiece.Compress(w.Written, points);
    }

    internal static Dictionary<string, object> Attributes(IEnumerable<KeyValue> attributes) =>
        attributes.ToDictionary(a => a.Key, a => a.Value.ValueCase switch
        {
            AnyValue.ValueOneofCase.IntValue => (object)a.Value.IntValue,
            AnyValue.ValueOneofCase.DoubleValue => a.Value.DoubleValue,
            AnyValue.ValueOneofCase.BoolValue => a.Value.BoolValue,
            _ => a.Value.StringValue,
        });

    private static ExportMetricsServiceRequest Decode(TargetSnapshot snapshot)
    {
        var w = new ProtoBuffer();
        MetricsEncoder.Write(w, snapshot, OtlpTestData.EventTime.AddDays(-1));
        return ExportMetricsServiceRequest.Parser.ParseFrom(w.Written.ToArray());
    }
}

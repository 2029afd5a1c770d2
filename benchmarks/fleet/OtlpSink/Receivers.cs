using BmcExporter.Otlp.Proto.Collector.Logs;
using BmcExporter.Otlp.Proto.Collector.Metrics;
using Google.Protobuf;
using Grpc.Core;

namespace BmcExporter.Benchmarks.OtlpSink;

/// <summary>OTLP/gRPC metrics service: counts and acknowledges.</summary>
internal sealed class MetricsReceiver(SinkCounters counters) : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        counters.Add(request, WireBytes(context));
        return Task.FromResult(new ExportMetricsServiceResponse());
    }

    internal static long WireBytes(ServerCallContext context) =>
        context.GetHttpContext().Request.ContentLength ?? 0;
}

/// <summary>OTLP/gRPC logs service: counts and acknowledges.</summary>
internal sealed class LogsReceiver(SinkCounters counters) : LogsService.LogsServiceBase
{
    public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
    {
        counters.Add(request, MetricsReceiver.WireBytes(context));
        return Task.FromResult(new ExportLogsServiceResponse());
    }
}

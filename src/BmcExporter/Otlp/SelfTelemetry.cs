using BmcExporter.Config;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace BmcExporter.Otlp;

/// <summary>
/// The exporter's own telemetry over OTLP through the OpenTelemetry SDK: one MeterProvider (one resource, the
/// exporter process) reading the OTLP output's meter and the .NET runtime's, exported every <c>otlp.interval</c>
/// to the same collector. Fleet data does not go through the SDK (one resource per provider does not fit a fleet).
/// </summary>
internal static class SelfTelemetry
{
    public static MeterProvider Start(OtlpConfig config)
    {
        var endpoint = config.Endpoint;
        if (config.Protocol == OtlpProtocol.HttpProtobuf)
        {
            endpoint = new UriBuilder(endpoint) { Path = endpoint.AbsolutePath.TrimEnd('/') + "/v1/metrics" }.Uri;
        }

        return Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty()
                .AddService(HwConventions.ServiceName, serviceVersion: Wire.OtlpFields.ScopeVersion, serviceInstanceId: Environment.MachineName))
            .AddMeter(OtlpStats.MeterName, "System.Runtime")
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Endpoint = endpoint;
                exporter.Protocol = config.Protocol == OtlpProtocol.Grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                exporter.TimeoutMilliseconds = (int)config.Timeout.TotalMilliseconds;
                exporter.Headers = config.Headers.Count == 0 ? null : string.Join(",", config.Headers.Select(h => $"{h.Key}={h.Value.RevealString()}"));
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)config.Interval.TotalMilliseconds;
                reader.TemporalityPreference = MetricReaderTemporalityPreference.Cumulative;
            })
            .Build();
    }
}

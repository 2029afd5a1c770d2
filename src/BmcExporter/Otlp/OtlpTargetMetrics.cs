using System.Diagnostics.Metrics;
using BmcExporter.Snapshots;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace BmcExporter.Otlp;

/// <summary>
/// The OTLP metrics of one BMC: its resource and its latest snapshot. The SDK holds one resource per
/// MeterProvider and pre-allocates every metric stream (about 100 bytes per possible point), so a provider
/// per BMC kept alive would cost about a megabyte each; instead each export builds the BMC's provider,
/// meter and observable <c>hw.*</c> instruments, exports once through the provider's shutdown flush, and
/// drops them. Between exports a BMC costs only its snapshot reference.
/// </summary>
internal sealed partial class OtlpTargetMetrics
{
    // Points per instrument for one BMC: the largest profiles have ~150 sensors x 3 states on hw.status.
    private const int CardinalityLimit = 1024;

    private readonly ResourceBuilder _resource;
    private TargetSnapshot _latest;

    public OtlpTargetMetrics(TargetSnapshot first, ResourceBuilder resource)
    {
        _latest = first;
        _resource = resource;
        Target = first.Target;
        Identity = OtlpResource.IdentityOf(first);
    }

    /// <summary>The target key.</summary>
    public string Target { get; }

    /// <summary>Module and labels the resource was built from; a change needs a new instance.</summary>
    public string Identity { get; }

    private TargetSnapshot Latest => Volatile.Read(ref _latest);

    /// <summary>Makes <paramref name="snapshot"/> the data the next export reports.</summary>
    public void Update(TargetSnapshot snapshot) => Volatile.Write(ref _latest, snapshot);

    /// <summary>Exports the latest snapshot once, synchronously; <c>false</c> when the export failed or timed out.</summary>
    public bool Export(OtlpExporterOptions exporterOptions, int timeoutMilliseconds)
    {
        // One meter name per BMC: a MeterProvider listens by meter name, so a shared name would mix BMCs
        // whose exports run in parallel.
        var meterName = $"{OtlpResource.ScopeName}/{Target}";
        using var meter = new Meter(meterName, OtlpResource.ScopeVersion);
        CreateInstruments(meter);
        using var provider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(_resource)
            .AddMeter(meterName)
            .AddView(instrumentName: "*", new MetricStreamConfiguration { CardinalityLimit = CardinalityLimit })
            .AddReader(new BaseExportingMetricReader(new OtlpMetricExporter(exporterOptions))
            {
                TemporalityPreference = MetricReaderTemporalityPreference.Cumulative,
            })
            .Build();

        // Shutdown collects and exports once more (here: once) and reports whether that worked.
        return provider.Shutdown(timeoutMilliseconds);
    }
}

using System.Diagnostics.Metrics;
using BmcExporter.Snapshots;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace BmcExporter.Otlp;

/// <summary>
/// The OTLP metric pipeline of one BMC: its own resource, meter, observable <c>hw.*</c> instruments fed
/// from the latest snapshot, and a reader collected on demand (no thread per target).
/// </summary>
internal sealed partial class OtlpTargetMetrics : IDisposable
{
    // Points per instrument for one BMC: the largest profiles have ~150 sensors x 3 states on hw.status.
    private const int CardinalityLimit = 1024;

    private readonly Meter _meter;
    private readonly MeterProvider _provider;
    private readonly BaseExportingMetricReader _reader;
    private TargetSnapshot _latest;

    public OtlpTargetMetrics(TargetSnapshot first, ResourceBuilder resource, OtlpExporterOptions exporterOptions)
    {
        _latest = first;
        Target = first.Target;
        Identity = OtlpResource.IdentityOf(first);

        // One meter name per BMC: a MeterProvider listens by meter name, so a shared name would mix BMCs.
        var meterName = $"{OtlpResource.ScopeName}/{first.Target}";
        _meter = new Meter(meterName, OtlpResource.ScopeVersion);
        CreateInstruments();
        _reader = new BaseExportingMetricReader(new OtlpMetricExporter(exporterOptions))
        {
            TemporalityPreference = MetricReaderTemporalityPreference.Cumulative,
        };
        _provider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(meterName)
            .AddView(instrumentName: "*", new MetricStreamConfiguration { CardinalityLimit = CardinalityLimit })
            .AddReader(_reader)
            .Build();
    }

    /// <summary>The target key.</summary>
    public string Target { get; }

    /// <summary>Module and labels the resource was built from; a change needs a new pipeline.</summary>
    public string Identity { get; }

    /// <summary>Makes <paramref name="snapshot"/> the data the next collection reports.</summary>
    public void Update(TargetSnapshot snapshot) => Volatile.Write(ref _latest, snapshot);

    /// <summary>Collects and exports synchronously; <c>false</c> when the export failed or timed out.</summary>
    public bool Collect(int timeoutMilliseconds) => _reader.Collect(timeoutMilliseconds);

    public void Dispose()
    {
        _provider.Dispose();
        _meter.Dispose();
    }

    private TargetSnapshot Latest => Volatile.Read(ref _latest);
}

using System.Diagnostics.Metrics;
using BmcExporter.Snapshots;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace BmcExporter.Otlp;

/// <summary>
/// The OTLP metric pipeline of one BMC: its own resource (the SDK has one per MeterProvider), meter and
/// observable <c>hw.*</c> instruments fed from the latest snapshot, and a reader collected on demand by
/// the output's single timer (no thread per BMC).
/// </summary>
internal sealed partial class OtlpTargetMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly MeterProvider _provider;
    private readonly BaseExportingMetricReader _reader;
    private TargetSnapshot _latest;

    public OtlpTargetMetrics(TargetSnapshot first, ResourceBuilder resource, OtlpExporterOptions exporterOptions)
    {
        _latest = first;
        Target = first.Target;
        Identity = OtlpResource.IdentityOf(first);

        // The SDK allocates every metric stream at its cardinality limit up front (~100 bytes a point), so
        // size it to this BMC: at most 4 limits or 3 states per sensor, plus the chassis, with room to grow.
        // A BMC that outgrows it gets a new pipeline (see Fits).
        SensorCapacity = Math.Max(16, first.Sensors.Count + (first.Sensors.Count / 4));
        var cardinalityLimit = (SensorCapacity * 4) + 8;

        // One meter name per BMC: a MeterProvider listens by meter name, so a shared name would mix BMCs.
        var meterName = $"{OtlpResource.ScopeName}/{first.Target}";
        _meter = new Meter(meterName, OtlpResource.ScopeVersion);
        CreateInstruments(_meter);
        _reader = new BaseExportingMetricReader(new OtlpMetricExporter(exporterOptions))
        {
            TemporalityPreference = MetricReaderTemporalityPreference.Cumulative,
        };
        _provider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(meterName)
            .AddView(instrumentName: "*", new MetricStreamConfiguration { CardinalityLimit = cardinalityLimit })
            .AddReader(_reader)
            .Build();
    }

    /// <summary>The target key.</summary>
    public string Target { get; }

    /// <summary>Module and labels the resource was built from; a change needs a new pipeline.</summary>
    public string Identity { get; }

    /// <summary>How many sensors the metric streams were sized for.</summary>
    public int SensorCapacity { get; }

    private TargetSnapshot Latest => Volatile.Read(ref _latest);

    /// <summary><c>true</c> when <paramref name="snapshot"/> can be reported by this pipeline.</summary>
    public bool Fits(TargetSnapshot snapshot, string identity) => identity == Identity && snapshot.Sensors.Count <= SensorCapacity;

    /// <summary>Makes <paramref name="snapshot"/> the data the next collection reports.</summary>
    public void Update(TargetSnapshot snapshot) => Volatile.Write(ref _latest, snapshot);

    /// <summary>Collects and exports synchronously; <c>false</c> when the export failed or timed out.</summary>
    public bool Collect(int timeoutMilliseconds) => _reader.Collect(timeoutMilliseconds);

    /// <summary>Shuts the pipeline down (the SDK exports once more while doing so).</summary>
    public void Dispose()
    {
        _provider.Dispose();
        _meter.Dispose();
    }
}

using System.Reflection;
using Prom = global::Prometheus;

namespace BmcExporter.Output.Prometheus;

/// <summary>Process-wide figures of one exporter instance, read when <c>/metrics</c> is collected.</summary>
/// <param name="Targets">Targets this replica scrapes in background mode.</param>
/// <param name="InFlight">Targets being scraped right now.</param>
/// <param name="MaxConcurrency">Configured bound on targets scraped at once.</param>
/// <param name="LastReloadSuccessful">Whether the last configuration (re)load succeeded.</param>
/// <param name="LastSuccessfulLoad">When the configuration was last loaded successfully.</param>
public sealed record ProcessFigures(int Targets, int InFlight, int MaxConcurrency, bool LastReloadSuccessful, DateTimeOffset? LastSuccessfulLoad);

/// <summary>
/// The exporter's process-wide families, kept in a prometheus-net registry of its own (one per exporter instance):
/// <c>process_*</c> and <c>dotnet_*</c> from prometheus-net's <see cref="Prom.DotNetStats"/>, the .NET runtime's
/// <c>System.Runtime</c> meter, the OTLP output's <c>BmcExporter.Otlp</c> meter, build info, fleet gauges, and the size and timing of the last <c>/metrics</c>
/// response. It is small and rendered per request, after the cached per-target blocks.
/// </summary>
public sealed class SelfMetrics : IDisposable
{
    private readonly Prom.CollectorRegistry _registry = Prom.Metrics.NewCustomRegistry();
    private readonly IDisposable _runtimeMeters;
    private readonly Prom.Gauge _responseBytes;
    private readonly Prom.Gauge _responseSeconds;

    /// <summary>The families this class defines itself (prometheus-net adds <c>process_*</c> and <c>dotnet_*</c>).</summary>
    public static IReadOnlyList<string> FamilyNames { get; } =
    [
        "bmc_exporter_build_info", "bmc_exporter_targets", "bmc_exporter_scrapes_in_flight", "bmc_exporter_max_concurrency",
        "bmc_exporter_config_last_reload_successful", "bmc_exporter_config_last_reload_success_timestamp_seconds",
        "bmc_exporter_exposition_cache_bytes", "bmc_exporter_exposition_series", "bmc_exporter_target_renders_total",
        "bmc_exporter_target_render_seconds_total", "bmc_exporter_exposition_bytes", "bmc_exporter_exposition_write_seconds",
    ];

    /// <summary>Creates the registry; <paramref name="figures"/> is called at every collection.</summary>
    public SelfMetrics(Func<ProcessFigures> figures, FleetView fleet)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(fleet);
        Prom.DotNetStats.Register(_registry);
        var factory = Prom.Metrics.WithCustomRegistry(_registry);
        _runtimeMeters = Prom.MeterAdapter.StartListening(new Prom.MeterAdapterOptions
        {
            Registry = _registry,
            MetricFactory = factory,
            // The runtime's "*.count" up-down counters would become gauges named *_count, which Prometheus reserves
            // for histograms and summaries (promtool rejects them); the rest (GC, heap, thread pool queue, lock
            // contention, JIT, CPU time) is kept.
            InstrumentFilterPredicate = instrument =>
                (instrument.Meter.Name == "System.Runtime" && !instrument.Name.EndsWith(".count", StringComparison.Ordinal))
                || instrument.Meter.Name == "BmcExporter.Otlp",
        });
        var (version, revision) = BuildVersion();
        factory.CreateGauge("bmc_exporter_build_info", "A constant '1' with the version and source revision of this build.", "version", "revision")
            .WithLabels(version, revision).Set(1);
        var targets = factory.CreateGauge("bmc_exporter_targets", "Targets this replica scrapes in background mode.");
        var inFlight = factory.CreateGauge("bmc_exporter_scrapes_in_flight", "Targets being scraped right now.");
        var maxConcurrency = factory.CreateGauge("bmc_exporter_max_concurrency", "Configured bound on targets scraped at once.");
        var reloadOk = factory.CreateGauge("bmc_exporter_config_last_reload_successful", "'1' if the last configuration reload succeeded.");
        var reloadAt = factory.CreateGauge("bmc_exporter_config_last_reload_success_timestamp_seconds", "Unix time of the last successful configuration load.");
        var cached = factory.CreateGauge("bmc_exporter_exposition_cache_bytes", "Bytes of rendered per-target series held for /metrics, by encoding.", "encoding");
        var series = factory.CreateGauge("bmc_exporter_exposition_series", "Series of all targets on the fleet /metrics.");
        var renders = factory.CreateCounter("bmc_exporter_target_renders_total", "Target snapshots rendered into exposition blocks.");
        var renderSeconds = factory.CreateCounter("bmc_exporter_target_render_seconds_total", "Time spent rendering target snapshots into exposition blocks.");
        _responseBytes = factory.CreateGauge("bmc_exporter_exposition_bytes", "Body size of the last fleet /metrics response, by encoding.", "encoding");
        _responseSeconds = factory.CreateGauge("bmc_exporter_exposition_write_seconds", "Wall time spent writing the last fleet /metrics response.");
        _registry.AddBeforeCollectCallback(() =>
        {
            var f = figures();
            targets.Set(f.Targets);
            inFlight.Set(f.InFlight);
            maxConcurrency.Set(f.MaxConcurrency);
            reloadOk.Set(f.LastReloadSuccessful ? 1 : 0);
            if (f.LastSuccessfulLoad is { } loaded)
            {
                reloadAt.Set(loaded.ToUnixTimeMilliseconds() / 1000.0);
            }

            long text = 0, deflate = 0, total = 0;
            foreach (var target in fleet.Capture())
            {
                text += target.TextLength;
                deflate += target.DeflateLength;
                total += target.Series;
            }

            cached.WithLabels("identity").Set(text);
            cached.WithLabels("gzip").Set(deflate);
            series.Set(total);
            renders.IncTo(fleet.Renders);
            renderSeconds.IncTo(fleet.RenderTime.TotalSeconds);
        });
    }

    /// <summary>Renders the registry in <paramref name="format"/> (OpenMetrics ends with <c># EOF</c>).</summary>
    public async Task<byte[]> RenderAsync(ExpositionFormat format, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(16 * 1024);
        var promFormat = format == ExpositionFormat.OpenMetrics ? Prom.ExpositionFormat.OpenMetricsText : Prom.ExpositionFormat.PrometheusText;
        await _registry.CollectAndExportAsTextAsync(buffer, promFormat, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>Records the last fleet response (shown by the next collection).</summary>
    public void RecordResponse(long bytes, bool gzip, TimeSpan elapsed)
    {
        _responseBytes.WithLabels(gzip ? "gzip" : "identity").Set(bytes);
        _responseSeconds.Set(elapsed.TotalSeconds);
    }

    /// <inheritdoc />
    public void Dispose() => _runtimeMeters.Dispose();

    /// <summary>The informational version split at '+': the SDK appends the git commit when it knows it.</summary>
    public static (string Version, string Revision) BuildVersion()
    {
        var informational = typeof(SelfMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? (informational, "unknown") : (informational[..plus], informational[(plus + 1)..]);
    }
}

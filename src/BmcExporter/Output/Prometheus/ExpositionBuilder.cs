using Prometheus;

namespace BmcExporter.Output.Prometheus;

/// <summary>
/// Builds one exposition in a fresh prometheus-net <see cref="CollectorRegistry"/>, so every response shows
/// exactly the current snapshots: the series of a vanished sensor or target simply are not written.
/// Every series starts with the same prefix labels (e.g. <c>target</c> and user labels), then its own.
/// </summary>
public sealed class ExpositionBuilder
{
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private readonly IMetricFactory _factory;
    private readonly Dictionary<string, Gauge> _gauges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>Creates a builder whose series all start with <paramref name="prefixLabels"/>.</summary>
    public ExpositionBuilder(IReadOnlyList<string> prefixLabels)
    {
        PrefixLabels = prefixLabels;
        _factory = Metrics.WithCustomRegistry(_registry);
    }

    /// <summary>Label names put before each family's own labels.</summary>
    public IReadOnlyList<string> PrefixLabels { get; }

    /// <summary>Sets a gauge series.</summary>
    public void Gauge(MetricNames.Family family, IReadOnlyList<string> prefixValues, double value, params string[] labelValues)
    {
        if (!_gauges.TryGetValue(family.Name, out var gauge))
        {
            gauge = _factory.CreateGauge(family.Name, family.Help, [.. PrefixLabels, .. family.Labels]);
            _gauges[family.Name] = gauge;
        }

        gauge.WithLabels(Values(prefixValues, labelValues)).Set(value);
    }

    /// <summary>Sets a gauge series of a process-wide family that has no prefix labels.</summary>
    public void GlobalGauge(MetricNames.Family family, double value, params string[] labelValues)
    {
        if (!_gauges.TryGetValue(family.Name, out var gauge))
        {
            gauge = _factory.CreateGauge(family.Name, family.Help, family.Labels);
            _gauges[family.Name] = gauge;
        }

        gauge.WithLabels(labelValues).Set(value);
    }

    /// <summary>Sets a counter series to <paramref name="value"/> (counters kept elsewhere, rendered here).</summary>
    public void Counter(MetricNames.Family family, IReadOnlyList<string> prefixValues, double value, params string[] labelValues)
    {
        if (!_counters.TryGetValue(family.Name, out var counter))
        {
            counter = _factory.CreateCounter(family.Name, family.Help, [.. PrefixLabels, .. family.Labels]);
            _counters[family.Name] = counter;
        }

        counter.WithLabels(Values(prefixValues, labelValues)).IncTo(value);
    }

    /// <summary>Writes the Prometheus text format (0.0.4) to <paramref name="destination"/>.</summary>
    public Task WriteAsync(Stream destination, CancellationToken cancellationToken) =>
        _registry.CollectAndExportAsTextAsync(destination, ExpositionFormat.PrometheusText, cancellationToken);

    /// <summary>The exposition as a string (tests, promtool).</summary>
    public async Task<string> ToTextAsync(CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await WriteAsync(stream, cancellationToken).ConfigureAwait(false);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private string[] Values(IReadOnlyList<string> prefixValues, string[] labelValues)
    {
        if (prefixValues.Count != PrefixLabels.Count)
        {
            throw new ArgumentException($"expected {PrefixLabels.Count} prefix label values, got {prefixValues.Count}", nameof(prefixValues));
        }

        var all = new string[prefixValues.Count + labelValues.Length];
        for (var i = 0; i < prefixValues.Count; i++)
        {
            all[i] = prefixValues[i];
        }

        labelValues.CopyTo(all, prefixValues.Count);
        return all;
    }
}

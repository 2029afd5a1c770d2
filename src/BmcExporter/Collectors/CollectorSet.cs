using BmcExporter.Config;

namespace BmcExporter.Collectors;

/// <summary>The collectors by kind, as <c>collectors: [...]</c> in a module names them.</summary>
public sealed class CollectorSet
{
    private readonly Dictionary<CollectorKind, IScrapeCollector> _byKind;

    public CollectorSet(IEnumerable<IScrapeCollector> collectors)
    {
        _byKind = collectors.ToDictionary(c => c.Kind);
    }

    /// <summary>The collector for <paramref name="kind"/>, or <c>null</c> when bmc-exporter has none.</summary>
    public IScrapeCollector? Find(CollectorKind kind) => _byKind.GetValueOrDefault(kind);
}

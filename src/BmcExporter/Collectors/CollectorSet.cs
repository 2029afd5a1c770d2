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

    /// <summary>
    /// The name <c>ipmi_up{collector}</c> uses: ipmi_exporter's (<c>ipmi</c> for sensors, <c>bmc</c>,
    /// <c>chassis</c>, <c>dcmi</c>, <c>sel</c>, <c>sel-events</c>, <c>bmc-watchdog</c>, <c>sm-lan-mode</c>) and <c>fru</c>.
    /// </summary>
    public static string ExporterName(CollectorKind kind) => kind == CollectorKind.Sensors ? "ipmi" : CollectorNames.Name(kind);
}

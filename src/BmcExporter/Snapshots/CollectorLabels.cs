using BmcExporter.Config;

namespace BmcExporter.Snapshots;

/// <summary>The <c>collector</c> label of <c>ipmi_up</c>: ipmi_exporter's collector names.</summary>
public static class CollectorLabels
{
    /// <summary>
    /// The name <c>ipmi_up{collector}</c> uses: ipmi_exporter's (<c>ipmi</c> for sensors, <c>bmc</c>,
    /// <c>chassis</c>, <c>dcmi</c>, <c>sel</c>, <c>sel-events</c>, <c>bmc-watchdog</c>, <c>sm-lan-mode</c>) and <c>fru</c>.
    /// </summary>
    public static string Of(CollectorKind kind) => kind == CollectorKind.Sensors ? "ipmi" : CollectorNames.Name(kind);
}

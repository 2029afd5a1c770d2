using BmcExporter.Config;
using BmcExporter.Ipmi.Client.Operations;

namespace BmcExporter.Collectors;

/// <summary>
/// <c>sm-lan-mode</c>: Supermicro's OEM LAN interface mode (NetFn 0x30, command 0x70, data 0C 00), as
/// ipmi_exporter reads it with <c>ipmi-raw</c>. A BMC that refuses the command, or answers with anything but one
/// byte of 0-2, fails the collector (<c>ipmi_up{collector="sm-lan-mode"} 0</c>), as with ipmi_exporter.
/// </summary>
public sealed class SmLanModeCollector : IScrapeCollector
{
    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.SmLanMode;

    /// <inheritdoc />
    public async Task CollectAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var mode = await context.Channel.GetSupermicroLanModeAsync(cancellationToken).ConfigureAwait(false);
        context.Builder.SetLanMode(mode);
    }
}

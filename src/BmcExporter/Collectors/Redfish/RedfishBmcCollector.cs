using BmcExporter.Config;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors.Redfish;

/// <summary>
/// <c>bmc</c> over Redfish (<c>ipmi_bmc_info</c>): the first BMC-type Manager's FirmwareVersion as the firmware
/// revision, its Manufacturer (else the service root's Vendor) as the manufacturer, and the first system's
/// BiosVersion as the system firmware version; every UpdateService FirmwareInventory member as
/// <c>ipmi_firmware_info</c>. Redfish has no IANA manufacturer number or IPMI version.
/// </summary>
public sealed class RedfishBmcCollector : IRedfishCollector
{
    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Bmc;

    /// <inheritdoc />
    public async Task CollectAsync(RedfishCollectContext context, CancellationToken cancellationToken)
    {
        var inventory = await context.Data.InventoryAsync().ConfigureAwait(false);
        var manager = inventory.Managers.FirstOrDefault(m => m.ManagerType == "BMC") ?? inventory.Managers.FirstOrDefault();
        context.Builder.SetBmc(new BmcInfo
        {
            FirmwareRevision = manager?.FirmwareVersion ?? "N/A",
            Manufacturer = manager?.Manufacturer ?? inventory.Service.Vendor ?? "N/A",
            SystemFirmwareVersion = inventory.Systems.Select(s => s.BiosVersion).FirstOrDefault(v => v is not null) ?? "N/A",
            Firmware = [.. inventory.Firmware.Select(f => new FirmwareComponent(ShortId(f.Id), f.Name, f.Version ?? "N/A"))],
        });
    }

    /// <summary>The last segment of a FirmwareInventory member's URI (its Id), the <c>id</c> label.</summary>
    private static string ShortId(string uri) => uri.TrimEnd('/').Split('/')[^1];
}

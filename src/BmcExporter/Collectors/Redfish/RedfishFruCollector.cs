using BmcExporter.Config;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors.Redfish;

/// <summary>
/// <c>fru</c> over Redfish (<c>ipmi_fru_info</c>): one FRU per Chassis, numbered in listing order. The board
/// fields come from the Chassis (Manufacturer, Model, SerialNumber, PartNumber), the product fields from the first
/// ComputerSystem (Manufacturer, Model, PartNumber, SerialNumber, AssetTag; its BIOS version is not a product
/// version, so that stays empty). Identity is static: the client serves it from its hourly cache.
/// </summary>
public sealed class RedfishFruCollector : IRedfishCollector
{
    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Fru;

    /// <inheritdoc />
    public async Task CollectAsync(RedfishCollectContext context, CancellationToken cancellationToken)
    {
        var inventory = await context.Data.InventoryAsync().ConfigureAwait(false);
        var system = inventory.Systems.FirstOrDefault();
        var samples = inventory.Chassis.Take(byte.MaxValue + 1).Select((c, i) => new FruSample
        {
            DeviceId = (byte)i,
            Name = c.Name,
            BoardManufacturer = c.Manufacturer ?? string.Empty,
            BoardProduct = c.Model ?? string.Empty,
            BoardSerial = c.SerialNumber ?? string.Empty,
            BoardPartNumber = c.PartNumber ?? string.Empty,
            ProductManufacturer = system?.Manufacturer ?? string.Empty,
            ProductName = system?.Model ?? string.Empty,
            ProductPartNumber = system?.PartNumber ?? string.Empty,
            ProductSerial = system?.SerialNumber ?? string.Empty,
            AssetTag = system?.AssetTag ?? c.AssetTag ?? string.Empty,
        }).ToList();
        context.Builder.SetFru(samples);
    }
}

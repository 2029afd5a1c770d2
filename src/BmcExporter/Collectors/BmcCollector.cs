using BmcExporter.Config;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

/// <summary><c>bmc</c>: BMC identity from Get Device ID (IPMI v2.0 §20.1) for <c>ipmi_bmc_info</c>.</summary>
public sealed class BmcCollector : IScrapeCollector
{
    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Bmc;

    /// <inheritdoc />
    public async Task CollectAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var device = await context.Channel.GetDeviceIdAsync(cancellationToken).ConfigureAwait(false);
        context.Builder.SetBmc(new BmcInfo
        {
            DeviceId = device.DeviceId,
            FirmwareRevision = device.FirmwareRevision,
            IpmiVersion = device.IpmiVersionText,
            ManufacturerId = (int)device.ManufacturerId,
            Manufacturer = ManufacturerNames.Describe(device.ManufacturerId),
            ProductId = device.ProductId,
        });
    }
}

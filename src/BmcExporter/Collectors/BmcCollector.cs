using BmcExporter.Config;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

/// <summary>
/// <c>bmc</c>: BMC identity from Get Device ID (IPMI v2.0 §20.1) and the System Firmware Version from Get System Info
/// Parameters (§22.14a) for <c>ipmi_bmc_info</c>.
/// </summary>
public sealed class BmcCollector : IScrapeCollector
{
    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Bmc;

    /// <summary>The optional System Firmware Version read, as remembered per target when refused.</summary>
    public const string SystemFirmwareFeature = "bmc/system_firmware_version";

    /// <inheritdoc />
    public async Task CollectAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var device = await context.Channel.GetDeviceIdAsync(cancellationToken).ConfigureAwait(false);
        // ipmi_exporter prints N/A when bmc-info shows no system firmware version; a BMC that refused the parameter is
        // not asked again until the support memory wants a re-check (new session or an hour).
        string? firmware = null;
        if (!context.Features.IsKnownUnsupported(SystemFirmwareFeature))
        {
            firmware = await context.Channel.GetSystemFirmwareVersionAsync(cancellationToken).ConfigureAwait(false);
            if (firmware is null)
            {
                context.Features.MarkUnsupported(SystemFirmwareFeature, "Get System Info Parameters (System Firmware Version) refused");
            }
        }

        context.Builder.SetBmc(new BmcInfo
        {
            DeviceId = device.DeviceId,
            FirmwareRevision = device.FirmwareRevision,
            IpmiVersion = device.IpmiVersionText,
            ManufacturerId = (int)device.ManufacturerId,
            Manufacturer = ManufacturerNames.Describe(device.ManufacturerId),
            ProductId = device.ProductId,
            SystemFirmwareVersion = SystemFirmwareLabel(firmware),
        });
    }

    /// <summary>
    /// ipmi_exporter's <c>system_firmware_version</c>: <c>N/A</c> when bmc-info prints no version, else the leading
    /// run of digits and dots of the printed string after its leading white space (its regex <c>[0-9.]*</c>), which
    /// may be empty.
    /// </summary>
    public static string SystemFirmwareLabel(string? printed)
    {
        if (printed is null)
        {
            return "N/A";
        }

        var text = printed.AsSpan().TrimStart(" \t\r\n\f\v");
        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }

        return text[..end].ToString();
    }
}

using BmcExporter.Config;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

/// <summary>
/// <c>bmc</c>: BMC identity from Get Device ID (IPMI v2.0 §20.1) and the System Firmware Version from Get System Info
/// Parameters (§22.14a) for <c>ipmi_bmc_info</c>; then two cheap optional reads, Get Self Test Results (§20.4) and Get
/// SEL Time (§31.10, the BMC's clock against the exporter's). A BMC that refuses either keeps the collector up: the
/// figure is left out and not asked for again (<see cref="OptionalCommand"/>).
/// </summary>
public sealed class BmcCollector : IScrapeCollector
{
    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Bmc;

    /// <summary>The optional System Firmware Version read, as remembered per target when refused.</summary>
    public const string SystemFirmwareFeature = "bmc/system_firmware_version";

    /// <summary>The optional Get Self Test Results read, remembered per target when refused.</summary>
    public const string SelfTestFeature = "bmc/self_test";

    /// <summary>The optional Get SEL Time read, remembered per target when refused.</summary>
    public const string SelTimeFeature = "bmc/sel_time";

    /// <inheritdoc />
    public async Task CollectAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var device = await context.GetDeviceIdAsync(cancellationToken).ConfigureAwait(false);
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

        var selfTest = await OptionalCommand.TryAsync(
            context, SelfTestFeature, "Get Self Test Results", static (c, ct) => c.GetSelfTestResultsAsync(ct), cancellationToken).ConfigureAwait(false);
        var clock = await OptionalCommand.TryAsync(context, SelTimeFeature, "Get SEL Time", ReadClockOffsetAsync, cancellationToken).ConfigureAwait(false);

        context.Builder.SetBmc(new BmcInfo
        {
            DeviceId = device.DeviceId,
            FirmwareRevision = device.FirmwareRevision,
            IpmiVersion = device.IpmiVersionText,
            ManufacturerId = (int)device.ManufacturerId,
            Manufacturer = ManufacturerNames.Describe(device.ManufacturerId),
            ProductId = device.ProductId,
            SystemFirmwareVersion = SystemFirmwareLabel(firmware),
            SelfTest = selfTest.Answered ? new SelfTestSample(selfTest.Value.Result, selfTest.Value.Detail) : null,
            ClockOffset = clock.Answered ? clock.Value : null,
        });

        async ValueTask<TimeSpan> ReadClockOffsetAsync(IIpmiChannel channel, CancellationToken ct)
        {
            var bmcSeconds = await channel.GetSelTimeAsync(ct).ConfigureAwait(false);
            // The exporter's clock when the answer arrived; the SEL clock has one-second resolution (IPMI v2.0 §31.10).
            var now = context.Time.GetUtcNow();
            return DateTimeOffset.FromUnixTimeSeconds(bmcSeconds) - now;
        }
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

using BmcExporter.Config;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

/// <summary>
/// <c>dcmi</c>: DCMI Get Power Reading (DCMI v1.5 §6.6.1). A BMC without DCMI makes the collector unsupported:
/// <c>ipmi_up{collector="dcmi"}</c> is 0 as with ipmi_exporter, <c>bmc_exporter_collector_supported</c> is 0 too.
/// </summary>
public sealed class DcmiCollector : IScrapeCollector
{
    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Dcmi;

    /// <inheritdoc />
    public async Task CollectAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var result = await context.Channel.GetPowerReadingAsync(cancellationToken).ConfigureAwait(false);
        if (!result.Supported || result.Reading is not { } reading)
        {
            // The result's reason already says what was refused and how; wrapping it again would repeat it.
            throw new CollectorUnsupportedException(result.Reason ?? "DCMI power reading not supported: the BMC answered without a reading");
        }

        context.Builder.SetPower(new DcmiPowerSample
        {
            CurrentWatts = reading.CurrentWatts,
            MinimumWatts = reading.MinimumWatts,
            MaximumWatts = reading.MaximumWatts,
            AverageWatts = reading.AverageWatts,
            Period = TimeSpan.FromMilliseconds(reading.StatisticsPeriod),
            Active = reading.MeasurementActive,
        });
    }
}

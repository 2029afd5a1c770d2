using BmcExporter.Config;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

/// <summary>
/// <c>dcmi</c>: DCMI Get Power Reading (DCMI v1.5 §6.6.1). A BMC without DCMI fails the collector, so
/// <c>ipmi_up{collector="dcmi"}</c> is 0 as with ipmi_exporter.
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
            throw new CollectorUnsupportedException($"DCMI power reading not supported: {result.Reason ?? "no reading"}");
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

/// <summary>The BMC does not offer what a collector reads; not retried.</summary>
public sealed class CollectorUnsupportedException : Exception
{
    public CollectorUnsupportedException(string message)
        : base(message)
    {
    }

    public CollectorUnsupportedException()
    {
    }

    public CollectorUnsupportedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

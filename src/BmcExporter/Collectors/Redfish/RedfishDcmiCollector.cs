using BmcExporter.Config;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors.Redfish;

/// <summary>
/// <c>dcmi</c> over Redfish: the system power that DCMI Get Power Reading (DCMI v1.5 §6.6.1) reports over IPMI, from the
/// legacy Power resource's system PowerControl member (PowerConsumedWatts; PowerMetrics MinConsumedWatts,
/// MaxConsumedWatts, AverageConsumedWatts over IntervalInMin) or, on a chassis without Power, EnvironmentMetrics
/// PowerWatts (a reading only). One chassis only (docs/redfish.md, "System power"). A value the service leaves out
/// gives no series; a system power member without PowerConsumedWatts is "measurement inactive", as over IPMI. A
/// service with no system power at all makes the collector unsupported, like a BMC without DCMI.
/// </summary>
public sealed class RedfishDcmiCollector : IRedfishCollector
{
    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Dcmi;

    /// <inheritdoc />
    public async Task CollectAsync(RedfishCollectContext context, CancellationToken cancellationToken)
    {
        var power = await context.Data.SystemPowerAsync().ConfigureAwait(false)
            ?? throw new CollectorUnsupportedException("no system power on this Redfish service: no chassis has a Power resource with a system PowerControl member, or EnvironmentMetrics PowerWatts");
        context.Builder.SetPower(new DcmiPowerSample
        {
            CurrentWatts = power.ConsumedWatts ?? 0,
            MinimumWatts = power.MinConsumedWatts,
            MaximumWatts = power.MaxConsumedWatts,
            AverageWatts = power.AverageConsumedWatts,
            Period = power.Interval,
            Active = power.ConsumedWatts is not null,
        });
    }
}

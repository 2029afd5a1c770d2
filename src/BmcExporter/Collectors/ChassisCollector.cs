using BmcExporter.Config;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

/// <summary><c>chassis</c>: Get Chassis Status (IPMI v2.0 §28.2): power state, drive, cooling and power faults, intrusion.</summary>
public sealed class ChassisCollector : IScrapeCollector
{
    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Chassis;

    /// <inheritdoc />
    public async Task CollectAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var status = await context.Channel.GetChassisStatusAsync(cancellationToken).ConfigureAwait(false);
        context.Builder.SetChassis(new ChassisSample
        {
            PowerOn = status.PowerOn,
            PowerOverload = status.PowerOverload,
            PowerFault = status.MainPowerFault || status.PowerControlFault,
            DriveFault = status.DriveFault,
            CoolingFault = status.CoolingFault,
            Intrusion = status.IntrusionActive,
        });
    }
}

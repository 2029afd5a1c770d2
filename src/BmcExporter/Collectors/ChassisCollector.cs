using BmcExporter.Config;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

/// <summary>
/// <c>chassis</c>: Get Chassis Status (IPMI v2.0 §28.2): power state, drive, cooling and power faults, intrusion and
/// the last power event; then two cheap optional reads, Get System Restart Cause (§28.11) and Get POH Counter (§28.14).
/// A BMC that refuses either keeps the collector up: the figure is left out and not asked for again
/// (<see cref="OptionalCommand"/>).
/// </summary>
public sealed class ChassisCollector : IScrapeCollector
{
    /// <summary>The optional Get System Restart Cause read, remembered per target when refused.</summary>
    public const string RestartCauseFeature = "chassis/system_restart_cause";

    /// <summary>The optional Get POH Counter read, remembered per target when refused.</summary>
    public const string PowerOnHoursFeature = "chassis/poh_counter";

    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Chassis;

    /// <inheritdoc />
    public async Task CollectAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var status = await context.Channel.GetChassisStatusAsync(cancellationToken).ConfigureAwait(false);
        var restart = await OptionalCommand.TryAsync(
            context, RestartCauseFeature, "Get System Restart Cause", static (c, ct) => c.GetSystemRestartCauseAsync(ct), cancellationToken).ConfigureAwait(false);
        var poh = await OptionalCommand.TryAsync(
            context, PowerOnHoursFeature, "Get POH Counter", static (c, ct) => c.GetPowerOnTimeAsync(ct), cancellationToken).ConfigureAwait(false);
        context.Builder.SetChassis(new ChassisSample
        {
            PowerOn = status.PowerOn,
            PowerOverload = status.PowerOverload,
            PowerFault = status.MainPowerFault || status.PowerControlFault,
            DriveFault = status.DriveFault,
            CoolingFault = status.CoolingFault,
            Intrusion = status.IntrusionActive,
            LastPowerEvent = status.LastPowerEvent,
            RestartCause = restart.Answered ? restart.Value.Cause : null,
            PowerOnTime = poh.Answered ? poh.Value : null,
        });
    }
}

using BmcExporter.Config;
using BmcExporter.Redfish.Model;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors.Redfish;

/// <summary>
/// <c>chassis</c> over Redfish, the meaning of Get Chassis Status (IPMI v2.0 §28.2) rebuilt from Redfish state:
/// power on = the first ComputerSystem's PowerState (the first Chassis' without a system) is On or PoweringOff;
/// drive, cooling and power faults = a drive, fan or PSU whose Status.Health is Warning or Critical; intrusion =
/// a Chassis whose <c>PhysicalSecurity.IntrusionSensor</c> is HardwareIntrusion or TamperingDetected. When no
/// chassis gives an IntrusionSensor, intrusion is unknown and its series is left out. Redfish has no
/// power-overload flag: it is reported as absent.
/// </summary>
public sealed class RedfishChassisCollector : IRedfishCollector
{
    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Chassis;

    /// <inheritdoc />
    public async Task CollectAsync(RedfishCollectContext context, CancellationToken cancellationToken)
    {
        var readings = await context.Data.ReadingsAsync().ConfigureAwait(false);
        var power = readings.Systems.Select(s => s.PowerState).Concat(readings.Chassis.Select(c => c.PowerState))
            .FirstOrDefault(p => p != RedfishPowerState.Unknown);
        context.Builder.SetChassis(new ChassisSample
        {
            PowerOn = power is RedfishPowerState.On or RedfishPowerState.PoweringOff,
            DriveFault = Faulty(readings, RedfishComponentKind.Drive),
            CoolingFault = Faulty(readings, RedfishComponentKind.Fan),
            PowerFault = Faulty(readings, RedfishComponentKind.PowerSupply),
            Intrusion = Intrusion(readings),
        });
    }

    /// <summary>True when any chassis reports an intrusion, false when every reporting chassis says Normal, null when none reports.</summary>
    internal static bool? Intrusion(RedfishReadings readings)
    {
        var reported = readings.Chassis.Where(c => c.Intrusion is not null).ToList();
        return reported.Count == 0 ? null : reported.Any(c => c.Intrusion is RedfishIntrusionSensor.HardwareIntrusion or RedfishIntrusionSensor.TamperingDetected);
    }

    private static bool Faulty(RedfishReadings readings, RedfishComponentKind kind) =>
        readings.Components.Any(c => c.Kind == kind && c.Status.Health is RedfishHealth.Warning or RedfishHealth.Critical);
}

using BmcExporter.Config;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

/// <summary>
/// <c>bmc-watchdog</c>: the BMC watchdog timer from Get Watchdog Timer (App 0x25, IPMI v2.0 §27.7), named as
/// FreeIPMI's <c>bmc-watchdog --get</c> prints it, which is what ipmi_exporter exports.
/// </summary>
public sealed class BmcWatchdogCollector : IScrapeCollector
{
    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.BmcWatchdog;

    /// <inheritdoc />
    public async Task CollectAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var t = await context.Channel.GetWatchdogTimerAsync(cancellationToken).ConfigureAwait(false);
        context.Builder.SetWatchdog(new WatchdogSample
        {
            Running = t.Running,
            TimerUse = t.TimerUse switch
            {
                1 => "BIOS FRB2",
                2 => "BIOS POST",
                3 => "OS LOAD",
                4 => "SMS/OS",
                5 => "OEM",
                _ => "Reserved",
            },
            Logging = !t.DontLog,
            TimeoutAction = t.TimeoutAction switch
            {
                0 => "None",
                1 => "Hard Reset",
                2 => "Power Down",
                3 => "Power Cycle",
                _ => "Reserved",
            },
            PreTimeoutInterrupt = t.PreTimeoutInterrupt switch
            {
                0 => "None",
                1 => "SMI",
                2 => "NMI / Diagnostic Interrupt",
                3 => "Messaging Interrupt",
                _ => "Reserved",
            },
            PreTimeoutIntervalSeconds = t.PreTimeoutIntervalSeconds,
            InitialCountdownSeconds = t.InitialCountdown / 10,
            CurrentCountdownSeconds = t.PresentCountdown / 10,
        });
    }
}

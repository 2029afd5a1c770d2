using BmcExporter.Snapshots;

namespace BmcExporter.Output.Prometheus;

/// <summary>
/// Series of the <c>bmc-watchdog</c> and <c>sm-lan-mode</c> collectors, as ipmi_exporter emits them: one 0/1 series
/// per known timer use, timeout action and pre-timeout interrupt, 1 on the current one (none when it is "Reserved").
/// </summary>
internal static class WatchdogSeries
{
    // The label values ipmi_exporter iterates over (its FreeIPMI-based collector, bmc-watchdog's words).
    private static readonly string[] TimerUses = ["BIOS FRB2", "BIOS POST", "OS LOAD", "SMS/OS", "OEM"];
    private static readonly string[] TimeoutActions = ["None", "Hard Reset", "Power Down", "Power Cycle"];
    private static readonly string[] PreTimeoutInterrupts = ["None", "SMI", "NMI / Diagnostic Interrupt", "Messaging Interrupt"];

    public static void Write(SampleSink sink, TargetSnapshot snapshot)
    {
        if (snapshot.Watchdog is { } w)
        {
            sink.Add(MetricNames.BmcWatchdogTimerState, w.Running ? 1 : 0);
            OneHot(sink, MetricNames.BmcWatchdogTimerUse, TimerUses, w.TimerUse);
            sink.Add(MetricNames.BmcWatchdogLogging, w.Logging ? 1 : 0);
            OneHot(sink, MetricNames.BmcWatchdogTimeoutAction, TimeoutActions, w.TimeoutAction);
            OneHot(sink, MetricNames.BmcWatchdogPretimeoutInterrupt, PreTimeoutInterrupts, w.PreTimeoutInterrupt);
            sink.Add(MetricNames.BmcWatchdogPretimeoutInterval, w.PreTimeoutIntervalSeconds);
            sink.Add(MetricNames.BmcWatchdogInitialCountdown, w.InitialCountdownSeconds);
            sink.Add(MetricNames.BmcWatchdogCurrentCountdown, w.CurrentCountdownSeconds);
        }

        if (snapshot.LanMode is { } mode)
        {
            sink.Add(MetricNames.ConfigLanMode, mode);
        }
    }

    private static void OneHot(SampleSink sink, Family family, string[] values, string current)
    {
        foreach (var value in values)
        {
            sink.Add(family, value == current ? 1 : 0, value);
        }
    }
}

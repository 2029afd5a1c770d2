using System.Globalization;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Snapshots;

namespace BmcExporter.Output.Prometheus;

/// <summary>
/// Lifecycle series of the chassis and bmc collectors: last power event, restart cause, power-on hours, self test and
/// clock offset. Each appears only when the BMC answered its command (a refused optional read leaves it out).
/// </summary>
internal static class LifecycleSeries
{
    public static void WriteChassis(SampleSink sink, ChassisSample chassis)
    {
        if (chassis.LastPowerEvent is { } lastPowerEvent)
        {
            foreach (var cause in LastPowerEvent.Describe(lastPowerEvent))
            {
                sink.Add(MetricNames.ChassisLastPowerEvent, 1, cause);
            }
        }

        if (chassis.RestartCause is { } restart)
        {
            // The value is the code (IPMI v2.0 table 28-11) so `== 4` or `cause="watchdog"` both select a watchdog restart.
            sink.Add(MetricNames.SystemRestartCause, (byte)restart, GetSystemRestartCause.Name(restart));
        }

        if (chassis.PowerOnTime is { } powerOn)
        {
            sink.Add(MetricNames.BmcPowerOnHours, powerOn.TotalHours);
        }
    }

    public static void WriteBmc(SampleSink sink, BmcInfo bmc)
    {
        if (bmc.SelfTest is { } selfTest)
        {
            sink.Add(
                MetricNames.BmcSelfTestPassed,
                selfTest.Passed ? 1 : 0,
                GetSelfTestResults.Name(selfTest.Result),
                "0x" + selfTest.Detail.ToString("X2", CultureInfo.InvariantCulture));
        }

        if (bmc.ClockOffset is { } offset)
        {
            sink.Add(MetricNames.BmcClockOffset, offset.TotalSeconds);
        }
    }
}

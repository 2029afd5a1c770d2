using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Behaviour;

/// <summary>
/// The BMC's system power as a pure function of (profile, seed, BMC index, time since start), shared by the IPMI view
/// (DCMI Get Power Reading, DCMI v1.5 §6.6.1) and the Redfish view (Power.PowerControl PowerConsumedWatts and
/// PowerMetrics, EnvironmentMetrics PowerWatts), so both protocols report the same figures at the same instant.
/// </summary>
public static class PowerModel
{
    /// <summary>Samples taken over <see cref="Period"/> for the minimum, maximum and average.</summary>
    public const int Samples = 12;

    /// <summary>The statistics window: the last minute (DCMI statistics period; Redfish IntervalInMin 1).</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <summary>Watts at <paramref name="at"/>: idle + (max - idle) * load + noise, never below 0.</summary>
    public static double Watts(DcmiDefinition dcmi, LoadCurve load, ulong seed, int bmc, TimeSpan at)
    {
        ArgumentNullException.ThrowIfNull(dcmi);
        var l = SensorModel.Load(load, seed, bmc, at);
        var noise = dcmi.NoiseWatts * SimHash.Signed(seed, bmc, 0x0DC0, (long)at.TotalSeconds);
        return Math.Max(0, dcmi.IdleWatts + ((dcmi.MaxWatts - dcmi.IdleWatts) * l) + noise);
    }

    /// <summary>
    /// Current, minimum, maximum and average over the last <see cref="Period"/> at <paramref name="elapsed"/>, each rounded
    /// to whole watts as DCMI's 16-bit fields carry them (the Redfish view serves the same rounded numbers).
    /// </summary>
    public static PowerStatistics Read(DcmiDefinition dcmi, LoadCurve load, ulong seed, int bmc, TimeSpan elapsed)
    {
        double min = double.MaxValue, max = 0, sum = 0;
        var current = Watts(dcmi, load, seed, bmc, elapsed);
        for (var i = 0; i < Samples; i++)
        {
            var at = elapsed - (Period * i / Samples);
            var w = Watts(dcmi, load, seed, bmc, at < TimeSpan.Zero ? TimeSpan.Zero : at);
            min = Math.Min(min, w);
            max = Math.Max(max, w);
            sum += w;
        }

        return new PowerStatistics(Whole(current), Whole(min), Whole(max), Whole(sum / Samples), Period);
    }

    private static ushort Whole(double watts) => (ushort)Math.Min(ushort.MaxValue, Math.Round(watts));
}

/// <summary>One power reading with its statistics window, in whole watts.</summary>
public readonly record struct PowerStatistics(ushort Current, ushort Minimum, ushort Maximum, ushort Average, TimeSpan Period);

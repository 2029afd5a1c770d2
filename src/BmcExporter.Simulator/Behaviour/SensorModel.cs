using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Behaviour;

/// <summary>
/// Sensor values as a pure function of (profile, seed, BMC index, time since start): temperatures, fans and
/// power follow the BMC's load curve, voltages carry noise, a seeded fraction of BMCs have threshold
/// excursions, and discrete sensors (PSU, drives) fail at seeded times.
/// </summary>
public static class SensorModel
{
    private const int LoadKey = -1;
    private const int SpreadSlot = -3;
    private const int ExcursionPick = -5;
    private const int FailurePick = -7;
    private const int FailureTime = -9;

    /// <summary>The BMC's load in [min, max] at <paramref name="elapsed"/> (phase differs per BMC).</summary>
    public static double Load(LoadCurve curve, ulong seed, int bmc, TimeSpan elapsed)
    {
        var phase = SimHash.Unit(seed, bmc, LoadKey, 0);
        var cycle = (elapsed.TotalSeconds / curve.Period.TotalSeconds) + phase;
        var wave = 0.5 + (0.5 * Math.Sin(2 * Math.PI * cycle));
        return curve.Min + ((curve.Max - curve.Min) * wave);
    }

    /// <summary>Engineering value of an analog sensor.</summary>
    public static double AnalogValue(SensorDefinition sensor, int shareIndex, ulong seed, int bmc, TimeSpan elapsed, double load)
    {
        var b = sensor.Behaviour;
        if (b is null)
        {
            return 0;
        }

        var key = Key(sensor, shareIndex);
        if (b.Excursion is { } ex && InExcursion(ex, key, seed, bmc, elapsed))
        {
            return ex.Value;
        }

        var step = (long)Math.Floor(elapsed.TotalSeconds / b.Step.TotalSeconds);
        return b.Base
            + (b.Spread * SimHash.Signed(seed, bmc, key, SpreadSlot))
            + (b.LoadGain * load)
            + (b.Noise * SimHash.Signed(seed, bmc, key, step));
    }

    /// <summary>Asserted state bits (offsets 0-14) of a discrete sensor.</summary>
    public static ushort DiscreteStates(SensorDefinition sensor, int shareIndex, ulong seed, int bmc, TimeSpan elapsed)
    {
        var states = sensor.NormalStates;
        if (FailureAt(sensor, shareIndex, seed, bmc) is { } at && elapsed >= at)
        {
            var f = sensor.Failure!;
            if (f.ClearsNormalStates)
            {
                states = 0;
            }

            states |= (ushort)(1 << f.State);
        }

        return states;
    }

    /// <summary>When this BMC's instance of the sensor fails, or null when it never does.</summary>
    public static TimeSpan? FailureAt(SensorDefinition sensor, int shareIndex, ulong seed, int bmc)
    {
        if (sensor.Failure is not { } f)
        {
            return null;
        }

        var key = Key(sensor, shareIndex);
        if (SimHash.Unit(seed, bmc, key, FailurePick) >= f.Fraction)
        {
            return null;
        }

        return f.After + (f.Within * SimHash.Unit(seed, bmc, key, FailureTime));
    }

    private static bool InExcursion(ExcursionDefinition ex, int key, ulong seed, int bmc, TimeSpan elapsed)
    {
        if (SimHash.Unit(seed, bmc, key, ExcursionPick) >= ex.Fraction)
        {
            return false;
        }

        var cycle = (long)Math.Floor(elapsed.TotalSeconds / ex.Every.TotalSeconds);
        var slack = Math.Max(0, ex.Every.TotalSeconds - ex.Duration.TotalSeconds);
        var start = (cycle * ex.Every.TotalSeconds) + (slack * SimHash.Unit(seed, bmc, key, cycle));
        var t = elapsed.TotalSeconds;
        return t >= start && t < start + ex.Duration.TotalSeconds;
    }

    private static int Key(SensorDefinition sensor, int shareIndex) => (sensor.Lun << 12) | ((sensor.Number + shareIndex) << 2);
}

using System.Collections.Immutable;
using BmcExporter.Simulator.Bmc;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Fleet;

/// <summary>Everything the BMCs of one fleet share (immutable after start, except the statistics counters).</summary>
internal sealed class FleetContext
{
    public FleetContext(SimProfile profile, ulong seed, TimeProvider time, ImmutableArray<SimUser> users, TimeSpan idleTimeout)
    {
        Profile = profile;
        Seed = seed;
        Time = time;
        Users = users;
        IdleTimeout = idleTimeout;
        Start = time.GetUtcNow();
        StartUnix = (uint)Start.ToUnixTimeSeconds();
        SdrBefore = SdrRepository.Build(profile, afterChange: false);
        SdrAfter = profile.SdrChangeAfter is null ? SdrBefore : SdrRepository.Build(profile, afterChange: true);
        SensorIndex = BuildSensorIndex(profile);
    }

    public SimProfile Profile { get; }

    public ulong Seed { get; }

    public TimeProvider Time { get; }

    public ImmutableArray<SimUser> Users { get; }

    public TimeSpan IdleTimeout { get; }

    public DateTimeOffset Start { get; }

    public uint StartUnix { get; }

    public SdrRepository SdrBefore { get; }

    public SdrRepository SdrAfter { get; }

    /// <summary>(LUN &lt;&lt; 8 | sensor number) → (sensor index + 1) &lt;&lt; 4 | share index; 0 = no sensor.</summary>
    public ImmutableArray<int> SensorIndex { get; }

    public FleetStatistics Statistics { get; } = new();

    public TimeSpan Elapsed => Time.GetUtcNow() - Start;

    public uint NowUnix => (uint)Time.GetUtcNow().ToUnixTimeSeconds();

    public bool SdrChanged(TimeSpan elapsed) => Profile.SdrChangeAfter is { } at && elapsed >= at;

    public SdrRepository Sdr(TimeSpan elapsed) => SdrChanged(elapsed) ? SdrAfter : SdrBefore;

    public bool TryFindSensor(byte lun, byte number, TimeSpan elapsed, out SensorDefinition sensor, out int shareIndex)
    {
        var v = SensorIndex[((lun & 3) << 8) | number];
        sensor = null!;
        shareIndex = 0;
        if (v == 0)
        {
            return false;
        }

        sensor = Profile.Sensors[(v >> 4) - 1];
        shareIndex = v & 0x0F;
        return !sensor.AfterSdrChange || SdrChanged(elapsed);
    }

    private static ImmutableArray<int> BuildSensorIndex(SimProfile profile)
    {
        var index = new int[4 * 256];
        for (var i = 0; i < profile.Sensors.Length; i++)
        {
            var s = profile.Sensors[i];
            for (var k = 0; k < s.ShareCount; k++)
            {
                index[((s.Lun & 3) << 8) | (s.Number + k)] = ((i + 1) << 4) | k;
            }
        }

        return [.. index];
    }
}

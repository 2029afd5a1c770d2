using BmcExporter.Simulator.Faults;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Tests;

/// <summary>Starts fleets on free loopback ports with the test profile.</summary>
internal static class TestFleet
{
    public static SimProfile TestProfile { get; } = ProfileLoader.Load(Path.Combine(AppContext.BaseDirectory, "Profiles", "test-bmc.yaml"));

    public static Task<SimulatedFleet> StartAsync(int count = 1, IReadOnlyList<FaultRule>? faults = null, TimeProvider? time = null, SimProfile? profile = null, TimeSpan? idleTimeout = null) =>
        SimulatedFleet.StartAsync(
            new FleetOptions
            {
                BmcCount = count,
                Profile = profile ?? TestProfile,
                Faults = faults ?? [],
                UserName = "reader",
                Password = "reader-pass"u8.ToArray(),
                Seed = 7,
                TimeProvider = time ?? TimeProvider.System,
                IdleTimeout = idleTimeout,
            },
            CancellationToken.None);
}

using System.Text;
using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;
using BmcExporter.Snapshots;

namespace BmcExporter.Tests.Fakes;

/// <summary>One simulated BMC of a shipped profile on loopback, and a target (user reader) for it.</summary>
internal static class OneSimulatedBmc
{
    public const string User = "reader";
    public const string Password = "readpass1";

    /// <summary>Starts the BMC; the caller disposes the fleet.</summary>
    public static async Task<(SimulatedFleet Fleet, ScrapeTarget Target)> StartAsync(string profile, IReadOnlyList<CollectorKind> collectors)
    {
        var fleet = await SimulatedFleet.StartAsync(
            new FleetOptions { BmcCount = 1, UserName = User, Password = Encoding.ASCII.GetBytes(Password), Profile = ProfileLoader.LoadShipped(profile) },
            CancellationToken.None);
        var port = fleet.Endpoints[0].Port;
        var target = new ScrapeTarget
        {
            Address = $"127.0.0.1:{port}",
            Host = "127.0.0.1",
            Port = port,
            Module = new ModuleConfig
            {
                Name = "default",
                User = User,
                Password = IpmiSecret.FromString(Password, "test"),
                Collectors = collectors,
                Timeout = TimeSpan.FromSeconds(2),
                Retries = 1,
            },
        };
        return (fleet, target);
    }
}

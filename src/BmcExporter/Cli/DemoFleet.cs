using System.Security.Cryptography;
using System.Text;
using BmcExporter.Config;
using BmcExporter.Logging;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Cli;

/// <summary>
/// <c>--demo</c>: simulated BMCs started in-process on free loopback ports (six typical 1U servers and two
/// dense GPU nodes) and a config that scrapes them every 10 s in background mode.
/// </summary>
internal sealed class DemoFleet : IAsyncDisposable
{
    private readonly SimulatedFleet[] _fleets;

    private DemoFleet(SimulatedFleet[] fleets, ExporterConfig config)
    {
        _fleets = fleets;
        Config = config;
    }

    /// <summary>The config scraping the fleet.</summary>
    public ExporterConfig Config { get; }

    public static async Task<DemoFleet> StartAsync(ServeOptions options, ILogger logger)
    {
        var password = new byte[16];
        RandomNumberGenerator.Fill(password);
        var text = Convert.ToHexString(password)[..16].ToLowerInvariant();
        var secret = Encoding.ASCII.GetBytes(text);
        var fleets = new List<SimulatedFleet>();
        try
        {
            fleets.Add(await SimulatedFleet.StartAsync(new FleetOptions { BmcCount = 6, UserName = "demo", Password = secret, Seed = 1 }, CancellationToken.None).ConfigureAwait(false));
            fleets.Add(await SimulatedFleet.StartAsync(new FleetOptions { BmcCount = 2, UserName = "demo", Password = secret, Seed = 2, Profile = ProfileLoader.LoadShipped("gpu-dense") }, CancellationToken.None).ConfigureAwait(false));
        }
        catch
        {
            foreach (var fleet in fleets)
            {
                await fleet.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        var module = new ModuleConfig
        {
            Name = ExporterConfig.DefaultModuleName,
            User = "demo",
            Password = BmcExporter.Ipmi.Crypto.IpmiSecret.FromBytes(secret, "generated for the demo fleet"),
            Collectors = [CollectorKind.Sensors, CollectorKind.Sel, CollectorKind.Chassis, CollectorKind.Bmc, CollectorKind.Dcmi, CollectorKind.Fru],
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["site"] = "demo" },
        };
        var targets = fleets.SelectMany(f => f.Endpoints.Select(ep => new TargetConfig
        {
            Host = ep.Address.ToString(),
            Port = ep.Port,
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["profile"] = f.Profile.Name },
        })).ToList();
        var config = ExporterConfig.Default with
        {
            ListenAddress = options.ListenAddress ?? ExporterConfig.DefaultListenAddress,
            StateDir = options.StateDir ?? Path.Combine(Path.GetTempPath(), "bmc-exporter-demo"),
            Scrape = new ScrapeConfig { Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(8) },
            Modules = new Dictionary<string, ModuleConfig>(StringComparer.Ordinal) { [module.Name] = module },
            Targets = targets,
        };
        Log.DemoFleetStarted(logger, targets.Count, targets.Min(t => t.Port), targets.Max(t => t.Port));
        return new DemoFleet([.. fleets], config);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var fleet in _fleets)
        {
            await fleet.DisposeAsync().ConfigureAwait(false);
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using BmcExporter.Config;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Simulator.Faults;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// The <see cref="PlantedFault.Fleet"/> cases as running simulated BMCs: one single-BMC simulator fleet per case
/// (a profile is per fleet), each with its own seed, plus the exporter configuration that scrapes them all in
/// background mode with short intervals.
/// </summary>
internal sealed class PlantedFleet : IAsyncDisposable
{
    private const string User = "reader";
    private const string Password = "readpass1";
    private readonly List<SimulatedFleet> _fleets;

    private PlantedFleet(List<SimulatedFleet> fleets, IReadOnlyDictionary<string, PlantedFault> byTarget, string stateDir)
    {
        _fleets = fleets;
        ByTarget = byTarget;
        StateDir = stateDir;
    }

    /// <summary>Each case by its <c>target</c> label (<c>host:port</c>).</summary>
    public IReadOnlyDictionary<string, PlantedFault> ByTarget { get; }

    private string StateDir { get; }

    public static async Task<PlantedFleet> StartAsync(IReadOnlyList<PlantedFault> cases, CancellationToken cancellationToken)
    {
        var fleets = new List<SimulatedFleet>();
        var byTarget = new Dictionary<string, PlantedFault>(StringComparer.Ordinal);
        try
        {
            for (var i = 0; i < cases.Count; i++)
            {
                var planted = cases[i];
                int port;
                if (planted.Access == PlantedAccess.NeverAnswers)
                {
                    // A port that was free a moment ago: nothing answers there.
                    using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                    port = ((IPEndPoint)socket.LocalEndPoint!).Port;
                }
                else
                {
                    var password = planted.Access == PlantedAccess.WrongPassword ? "wrongpass1" : Password;
                    var fleet = await SimulatedFleet.StartAsync(
                        new FleetOptions
                        {
                            BmcCount = 1,
                            Seed = (ulong)i + 1,
                            UserName = User,
                            Password = Encoding.ASCII.GetBytes(password),
                            Profile = ProfileLoader.Parse(planted.Profile.ToYaml(), planted.Name),
                            Faults = planted.Faults.Length == 0 ? [] : FaultLoader.Parse("faults:\n  " + planted.Faults, planted.Name),
                        },
                        cancellationToken);
                    fleets.Add(fleet);
                    port = fleet.Endpoints[0].Port;
                }

                byTarget.Add($"127.0.0.1:{port}", planted);
            }
        }
        catch
        {
            foreach (var fleet in fleets)
            {
                await fleet.DisposeAsync();
            }

            throw;
        }

        return new PlantedFleet(fleets, byTarget, Path.Combine(Path.GetTempPath(), "bmc-exporter-tests", "planted-" + Guid.NewGuid().ToString("N")));
    }

    /// <summary>
    /// Background mode, every target each 2 s with a 1.5 s deadline; thresholds and sensor_status exported (the
    /// temperature and non-recoverable alerts need them) and the security collector on, its default-password
    /// check only in the <see cref="PlantedFault.PasswordCheckModule"/> module.
    /// </summary>
    public ExporterConfig Config()
    {
        var module = new ModuleConfig
        {
            Name = PlantedFault.DefaultModule,
            User = User,
            Password = IpmiSecret.FromString(Password, "test"),
            Timeout = TimeSpan.FromMilliseconds(400),
            Retries = 1,
            Collectors = [.. ModuleConfig.DefaultCollectors, CollectorKind.Security],
            Metrics = OptionalMetrics.Thresholds | OptionalMetrics.SensorStatus,
        };
        var passwordCheck = module with
        {
            Name = PlantedFault.PasswordCheckModule,
            Security = new SecurityConfig { DefaultPasswordCheck = true },
        };
        return ExporterConfig.Default with
        {
            StateDir = StateDir,
            Scrape = new ScrapeConfig { Mode = ScrapeMode.Background, Interval = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromSeconds(1.5) },
            Modules = new Dictionary<string, ModuleConfig>(StringComparer.Ordinal) { [module.Name] = module, [passwordCheck.Name] = passwordCheck },
            Targets = ByTarget
                .Select(t => new TargetConfig { Host = "127.0.0.1", Port = int.Parse(t.Key.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture), Module = t.Value.Module })
                .ToList(),
        };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var fleet in _fleets)
        {
            await fleet.DisposeAsync();
        }

        try
        {
            Directory.Delete(StateDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was persisted.
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Sessions;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;
using BmcExporter.Snapshots;
using BmcExporter.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.Web;

/// <summary>
/// The exporter, through its real HTTP pipeline and real RMCP+ sessions, watching four targets: a simulated BMC
/// with planted faults (both PSUs failed, chassis intrusion, a drive fault, a fan below its lower critical threshold,
/// a critical SEL entry), a healthy simulated BMC, a dead address (nothing listens), and a scheduled target whose
/// first scrape has not come yet. Every target but the last is scraped once before the tests look.
/// </summary>
public sealed class FaultyFleetFixture : IAsyncLifetime
{
    public const string User = "reader";
    public const string Password = "readpass1";

    /// <summary>A module label from a config file that tries to inject markup: the pages must show it as text.</summary>
    public const string HostileLabel = "<b id=\"injected\">rack&1</b>";

    private SimulatedFleet? _faulty;
    private SimulatedFleet? _healthy;
    private IpmiSessionFactory? _sessions;
    private ExporterRuntime? _runtime;
    private WebApplication? _app;
    private readonly string _stateDir = Path.Combine(Path.GetTempPath(), "bmc-exporter-tests", Guid.NewGuid().ToString("N"));

    public string FaultyKey { get; private set; } = string.Empty;

    public string HealthyKey { get; private set; } = string.Empty;

    public string DeadKey { get; private set; } = string.Empty;

    public string PendingKey { get; private set; } = string.Empty;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        var yaml = await ProfileYamlAsync();
        _healthy = await StartFleetAsync(ProfileLoader.Parse(yaml, "typical-1u"));
        _faulty = await StartFleetAsync(ProfileLoader.Parse(PlantFaults(yaml), "typical-1u with planted faults"));
        var module = new ModuleConfig
        {
            Name = "default",
            User = User,
            Password = BmcExporter.Ipmi.Crypto.IpmiSecret.FromString(Password, "test"),
            Collectors = ModuleConfig.DefaultCollectors,
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["rack"] = HostileLabel },
        };
        TargetConfig Target(int port) => new() { Host = "127.0.0.1", Port = port };
        var targets = new List<TargetConfig> { Target(_faulty.Endpoints[0].Port), Target(_healthy.Endpoints[0].Port), Target(FreeUdpPort()), Target(FreeUdpPort()) };
        var config = ExporterConfig.Default with
        {
            StateDir = _stateDir,
            Scrape = new ScrapeConfig { Mode = ScrapeMode.Background, Interval = TimeSpan.FromHours(1), Timeout = TimeSpan.FromSeconds(10) },
            Modules = new Dictionary<string, ModuleConfig>(StringComparer.Ordinal) { ["default"] = module },
            Targets = targets,
        };
        _sessions = new IpmiSessionFactory(TimeProvider.System);
        _runtime = new ExporterRuntime(config, _sessions, DefaultCollectors.Create(), TimeProvider.System, NullLoggerFactory.Instance, null, new RuntimeOptions { Retry = new RetryOptions { MaxAttempts = 0 } });
        _app = ExporterHost.Build(_runtime, "127.0.0.1:0");
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
        Client.BaseAddress = BaseAddress;

        // The schedule without its loop: nothing is scraped behind the tests' back, so the fourth target stays "not yet scraped".
        var scrapeTargets = targets.Select(t => ScrapeTarget.From(t, config)!).ToList();
        await _runtime.Scheduler.SetTargetsAsync(scrapeTargets);
        FaultyKey = scrapeTargets[0].Key;
        HealthyKey = scrapeTargets[1].Key;
        DeadKey = scrapeTargets[2].Key;
        PendingKey = scrapeTargets[3].Key;
        foreach (var t in scrapeTargets.Take(3))
        {
            await _runtime.Coordinator.ScrapeAsync(t, TimeSpan.FromSeconds(10), CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_runtime is not null)
        {
            await _runtime.DisposeAsync();
        }

        if (_sessions is not null)
        {
            await _sessions.DisposeAsync();
        }

        if (_faulty is not null)
        {
            await _faulty.DisposeAsync();
        }

        if (_healthy is not null)
        {
            await _healthy.DisposeAsync();
        }

        if (Directory.Exists(_stateDir))
        {
            Directory.Delete(_stateDir, recursive: true);
        }
    }

    /// <summary>
    /// The shipped typical-1u profile with faults planted: PSU and drive failure states asserted, intrusion asserted,
    /// a seventh fan at 400 RPM (lower critical 600), the chassis intrusion/drive/cooling bits, a PSU failure in the SEL.
    /// </summary>
    internal static string PlantFaults(string yaml)
    {
        static string Replace(string text, string from, string to)
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            return text.Replace(from, to, StringComparison.Ordinal);
        }

        yaml = Replace(yaml, "    share: { count: 2, modifier: numeric, offset: 1, entityIncrements: true }\n    states: [0]\n", "    share: { count: 2, modifier: numeric, offset: 1, entityIncrements: true }\n    states: [0, 1]\n");
        yaml = Replace(yaml, "    share: { count: 4, modifier: numeric, offset: 0, entityIncrements: true }\n    states: [0]\n", "    share: { count: 4, modifier: numeric, offset: 0, entityIncrements: true }\n    states: [0, 1]\n");
        yaml = Replace(yaml, "    entity: 0x17\n    states: []\n", "    entity: 0x17\n    states: [0]\n");
        yaml = Replace(yaml, "  lastPowerEvent: none\n", "  lastPowerEvent: none\n  intrusion: true\n  driveFault: true\n  coolingFault: true\n");
        yaml = Replace(yaml, "  - name: 12V\n", "  - name: FAN7\n    type: fan\n    unit: rpm\n    entity: 0x1D\n    m: 100\n    thresholds: { lnr: 300, lcr: 600, lnc: 900 }\n    behaviour: { base: 400 }\n  - name: 12V\n");
        yaml = Replace(yaml, "    - { sensor: Event Log, offset: 2, ageSeconds: 86400 }\n", "    - { sensor: Event Log, offset: 2, ageSeconds: 86400 }\n    - { sensor: PSU1, offset: 1, ageSeconds: 120 }\n");
        return yaml;
    }

    private static async Task<string> ProfileYamlAsync()
    {
        var assembly = typeof(SimulatedFleet).Assembly;
        var resource = assembly.GetManifestResourceNames().First(n => n.EndsWith(ProfileLoader.DefaultName + ".yaml", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return (await reader.ReadToEndAsync()).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static Task<SimulatedFleet> StartFleetAsync(SimProfile profile) =>
        SimulatedFleet.StartAsync(new FleetOptions { BmcCount = 1, UserName = User, Password = Encoding.ASCII.GetBytes(Password), Profile = profile }, CancellationToken.None);

    /// <summary>A loopback UDP port nothing listens on (bound, then released).</summary>
    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}

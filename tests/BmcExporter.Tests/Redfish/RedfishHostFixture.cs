using System.Globalization;
using System.Text;
using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Sessions;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;
using BmcExporter.Simulator.Redfish;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.Redfish;

/// <summary>
/// A simulated fleet serving IPMI and Redfish (HTTPS, the fleet's CA in a temp file) and the exporter's runtime
/// against it, with helpers to scrape one BMC over a protocol and parse the rendered series.
/// </summary>
internal sealed class RedfishHostFixture : IAsyncDisposable
{
    public const string User = "reader";
    public const string Password = "reader-pass";

    private readonly List<ExporterRuntime> _runtimes = [];
    private readonly IpmiSessionFactory _ipmi;

    private RedfishHostFixture(SimulatedFleet fleet, string directory)
    {
        Fleet = fleet;
        Directory = directory;
        CaFile = Path.Combine(directory, "ca.pem");
        StateDir = Path.Combine(directory, "state");
        fleet.RedfishCertificates!.WriteCaFile(CaFile);
        _ipmi = new IpmiSessionFactory(TimeProvider.System);
    }

    public SimulatedFleet Fleet { get; }

    public string Directory { get; }

    public string CaFile { get; }

    public string StateDir { get; }

    public RedfishServerStatistics Server => Fleet.RedfishStatistics!;

    /// <summary>
    /// A fleet of <paramref name="bmcs"/> BMCs of the shipped <paramref name="profile"/>, its YAML changed by
    /// <paramref name="editYaml"/> (to plant a fault) when given.
    /// </summary>
    public static async Task<RedfishHostFixture> StartAsync(RedfishServerOptions? redfish = null, string profile = "typical-1u", TimeProvider? simulatorTime = null, int bmcs = 1, Func<string, string>? editYaml = null)
    {
        var loaded = editYaml is null
            ? ProfileLoader.Load(profile)
            : ProfileLoader.Parse(editYaml(File.ReadAllText(Path.Combine(Packaging.PackagingPaths.RepoRoot, "src", "BmcExporter.Simulator", "Profiles", profile + ".yaml"))), profile + " (edited)");
        var fleet = await SimulatedFleet.StartAsync(new FleetOptions
        {
            BmcCount = bmcs,
            UserName = User,
            Password = Encoding.ASCII.GetBytes(Password),
            Profile = loaded,
            Seed = 11,
            TimeProvider = simulatorTime ?? TimeProvider.System,
            Redfish = redfish ?? new RedfishServerOptions(),
            BindAddress = System.Net.IPAddress.Loopback,
        }, CancellationToken.None);
        var dir = Path.Combine(Path.GetTempPath(), "bmc-exporter-redfish-host-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        return new RedfishHostFixture(fleet, dir);
    }

    /// <summary>A module of <paramref name="protocol"/> with the fleet's account, its CA, and <paramref name="redfish"/> overrides.</summary>
    public ModuleConfig Module(string name, ModuleProtocol protocol, RedfishModuleConfig? redfish = null) => new()
    {
        Name = name,
        Protocol = protocol,
        User = User,
        Password = IpmiSecret.FromString(Password, "test"),
        Collectors = protocol == ModuleProtocol.Ipmi ? [CollectorKind.Sensors, CollectorKind.Sel, CollectorKind.Chassis, CollectorKind.Bmc, CollectorKind.Dcmi, CollectorKind.Fru] : ModuleConfig.RedfishCollectors,
        Redfish = redfish ?? new RedfishModuleConfig { CaFile = CaFile },
    };

    public ExporterConfig Config(params ModuleConfig[] modules) => ExporterConfig.Default with
    {
        StateDir = StateDir,
        Scrape = new ScrapeConfig { Mode = ScrapeMode.OnDemand, Interval = TimeSpan.FromHours(1), Timeout = TimeSpan.FromSeconds(20) },
        Modules = modules.ToDictionary(m => m.Name, StringComparer.Ordinal),
    };

    public ExporterRuntime Runtime(ExporterConfig config)
    {
        var runtime = new ExporterRuntime(config, _ipmi, DefaultCollectors.Create(), TimeProvider.System, NullLoggerFactory.Instance, null, new RuntimeOptions { Retry = new RetryOptions { Delay = TimeSpan.Zero } });
        _runtimes.Add(runtime);
        return runtime;
    }

    /// <summary>BMC <paramref name="bmc"/> as a target of <paramref name="module"/>: its Redfish port for a redfish module, else its IPMI port.</summary>
    public ScrapeTarget Target(ExporterConfig config, ModuleConfig module, int bmc = 0)
    {
        var port = module.Protocol == ModuleProtocol.Redfish ? Fleet.RedfishEndpoints[bmc].Port : Fleet.Endpoints[bmc].Port;
        return ScrapeTarget.From("127.0.0.1", port, module, config);
    }

    public static Task<TargetSnapshot> ScrapeAsync(ExporterRuntime runtime, ScrapeTarget target) =>
        runtime.Coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(20), CancellationToken.None);

    /// <summary>The /ipmi rendering of <paramref name="snapshot"/> as (family, labels without id) → value.</summary>
    public static Dictionary<string, double> Series(TargetSnapshot snapshot)
    {
        var text = Output.Render.Ipmi(snapshot);
        var series = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            var key = System.Text.RegularExpressions.Regex.Replace(line[..space], "id=\"[^\"]*\",?", string.Empty);
            var value = line[(space + 1)..] switch
            {
                "NaN" => double.NaN,
                var v => double.Parse(v, CultureInfo.InvariantCulture),
            };
            series[key] = value;
        }

        return series;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var runtime in _runtimes)
        {
            await runtime.DisposeAsync();
        }

        await _ipmi.DisposeAsync();
        await Fleet.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}

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

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// A simulated fleet (in-process, free loopback ports) with a reader account and an operator account,
/// plus helpers to run the exporter against it through the real HTTP pipeline.
/// </summary>
internal sealed class SimulatorFixture : IAsyncDisposable
{
    public const string User = "reader";
    public const string Password = "readpass1";
    public const string Operator = "operator";
    public const string OperatorPassword = "operpass1";

    private SimulatorFixture(SimulatedFleet fleet, string stateDir)
    {
        Fleet = fleet;
        StateDir = stateDir;
    }

    public SimulatedFleet Fleet { get; }

    public string StateDir { get; }

    /// <summary>
    /// Starts <paramref name="bmcs"/> BMCs of typical-1u, its text first rewritten by <paramref name="editProfile"/>, with
    /// <paramref name="extraYaml"/> appended and the fault rules of <paramref name="faultsYaml"/> (simulator fault syntax).
    /// </summary>
    public static async Task<SimulatorFixture> StartAsync(int bmcs = 2, string extraYaml = "", Func<string, string>? editProfile = null, string? faultsYaml = null)
    {
        // The shipped typical-1u profile plus an operator account (to clear the SEL).
        var assembly = typeof(SimulatedFleet).Assembly;
        var resource = assembly.GetManifestResourceNames().First(n => n.EndsWith(ProfileLoader.DefaultName + ".yaml", StringComparison.Ordinal));
        string yaml;
        using (var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!))
        {
            yaml = await reader.ReadToEndAsync();
        }

        yaml = editProfile?.Invoke(yaml) ?? yaml;
        yaml += $"\nusers:\n  - {{ name: {Operator}, password: {OperatorPassword}, privilege: operator }}\n" + extraYaml;
        var profile = ProfileLoader.Parse(yaml, "typical-1u with an operator");
        var fleet = await SimulatedFleet.StartAsync(
            new FleetOptions
            {
                BmcCount = bmcs,
                UserName = User,
                Password = Encoding.ASCII.GetBytes(Password),
                Profile = profile,
                Faults = faultsYaml is null ? [] : BmcExporter.Simulator.Faults.FaultLoader.Parse(faultsYaml, "test faults"),
            },
            CancellationToken.None);
        var stateDir = Path.Combine(Path.GetTempPath(), "bmc-exporter-tests", Guid.NewGuid().ToString("N"));
        return new SimulatorFixture(fleet, stateDir);
    }

    public ExporterConfig Config(ScrapeMode mode = ScrapeMode.OnDemand, params CollectorKind[] collectors)
    {
        var module = new ModuleConfig
        {
            Name = "default",
            User = User,
            Password = BmcExporter.Ipmi.Crypto.IpmiSecret.FromString(Password, "test"),
            Collectors = collectors.Length == 0 ? ModuleConfig.DefaultCollectors : collectors,
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["site"] = "lab" },
        };
        return ExporterConfig.Default with
        {
            StateDir = StateDir,
            Scrape = new ScrapeConfig { Mode = mode, Interval = TimeSpan.FromHours(1), Timeout = TimeSpan.FromSeconds(10) },
            Modules = new Dictionary<string, ModuleConfig>(StringComparer.Ordinal) { ["default"] = module },
            Targets = Fleet.Endpoints.Select(ep => new TargetConfig { Host = ep.Address.ToString(), Port = ep.Port }).ToList(),
        };
    }

    public static ExporterRuntime Runtime(ExporterConfig config, IBmcSessionFactory sessions) =>
        new(config, sessions, DefaultCollectors.Create(), TimeProvider.System, NullLoggerFactory.Instance, null, new RuntimeOptions { Retry = new RetryOptions { Delay = TimeSpan.Zero } });

    /// <summary>
    /// Scrapes every target of <paramref name="config"/> once, one after the other, through the runtime's coordinator
    /// (each with <paramref name="timeout"/>, 10 s by default), so the fleet pages have a snapshot of each.
    /// </summary>
    public static async Task ScrapeEveryTargetAsync(ExporterRuntime runtime, ExporterConfig config, TimeSpan? timeout = null)
    {
        foreach (var target in config.Targets)
        {
            await runtime.Coordinator.ScrapeAsync(ScrapeTarget.From(target, config)!, timeout ?? TimeSpan.FromSeconds(10), CancellationToken.None);
        }
    }

    public static async Task<(WebApplication App, HttpClient Client)> ServeAsync(ExporterRuntime runtime)
    {
        var app = ExporterHost.Build(runtime, "127.0.0.1:0");
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        return (app, client);
    }

    public async ValueTask DisposeAsync()
    {
        await Fleet.DisposeAsync();
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

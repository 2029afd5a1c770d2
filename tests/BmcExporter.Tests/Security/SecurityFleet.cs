using System.Text;
using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;
using BmcExporter.Snapshots;

namespace BmcExporter.Tests.Security;

/// <summary>A one-BMC simulated fleet whose profile enables the given weaknesses, and the exporter's view of it.</summary>
internal sealed class SecurityFleet : IAsyncDisposable
{
    public const string User = "reader";
    public const string Password = "readpass1";

    private SecurityFleet(SimulatedFleet fleet)
    {
        Fleet = fleet;
    }

    public SimulatedFleet Fleet { get; }

    public int Port => Fleet.Endpoints[0].Port;

    /// <summary>A profile with two sensors, suites <paramref name="suites"/>, <paramref name="extra"/> YAML (security:, users:) appended.</summary>
    public static string Profile(string suites = "[17, 3]", string extra = "") =>
        $"name: security-test\nbmc: {{ cipherSuites: {suites} }}\nsensors:\n  - {{ name: Inlet Temp, type: temperature, unit: degreesC, behaviour: {{ base: 21 }} }}\n{extra}\n";

    public static async Task<SecurityFleet> StartAsync(string profileYaml)
    {
        var profile = ProfileLoader.Parse(profileYaml, "security test profile");
        var fleet = await SimulatedFleet.StartAsync(
            new FleetOptions { BmcCount = 1, UserName = User, Password = Encoding.ASCII.GetBytes(Password), Profile = profile },
            CancellationToken.None);
        return new SecurityFleet(fleet);
    }

    public ScrapeTarget Target(SecurityConfig? security = null, IReadOnlyList<int>? suites = null) => new()
    {
        Address = $"127.0.0.1:{Port}",
        Host = "127.0.0.1",
        Port = Port,
        Module = new ModuleConfig
        {
            Name = "default",
            User = User,
            Password = IpmiSecret.FromString(Password, "test"),
            CipherSuites = suites ?? ModuleConfig.DefaultCipherSuites,
            Collectors = [CollectorKind.Security],
            Security = security ?? SecurityConfig.Default,
            Timeout = TimeSpan.FromMilliseconds(500),
            Retries = 1,
        },
    };

    public ValueTask DisposeAsync() => Fleet.DisposeAsync();
}

/// <summary>Runs the security collector once over a real session and renders the snapshot as <c>/ipmi</c> text.</summary>
internal static class SecurityScrape
{
    public static async Task<(TargetSnapshot Snapshot, string Text)> RunAsync(SecurityCollector collector, ScrapeTarget target, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        await using var session = await BmcExporter.Ipmi.Client.IpmiSession.OpenAsync(BmcExporter.Sessions.IpmiSessionFactory.CreateOptions(target, time), CancellationToken.None);
        var builder = new SnapshotBuilder(target.Address, target.Module.Name, new Dictionary<string, string>(), ["security"], time);
        var context = new CollectContext
        {
            Target = target,
            Channel = session,
            Builder = builder,
            State = new BmcExporter.State.TargetStateStore(null, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance),
            Stats = new TargetStats(),
            Time = time,
            Logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
        };
        try
        {
            await collector.CollectAsync(context, CancellationToken.None);
            builder.Complete("security", true, null, TimeSpan.Zero);
        }
        catch (CollectorPartialException ex)
        {
            builder.Complete("security", false, ex.Message, TimeSpan.Zero);
        }

        var snapshot = builder.Build("pending");
        return (snapshot, Output.Render.Ipmi(snapshot));
    }
}

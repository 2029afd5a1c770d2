using BmcExporter.Config;
using BmcExporter.Simulator.Redfish;
using BmcExporter.Tests.EndToEnd;
using BmcExporter.Tests.Packaging;

namespace BmcExporter.Tests.Redfish;

/// <summary>
/// "The shipped dashboards show those BMCs without a change" (issue 11): a real Prometheus scrapes the exporter
/// reading a Redfish-only fleet (typical-1u and gpu-dense simulated BMCs over HTTPS, and DMTF's public-rackmount1
/// served as-is), and every shipped dashboard query that returns data for the same simulated BMCs read over IPMI
/// returns data over Redfish too, except the panels listed in <see cref="IpmiOnly"/> with the reason.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RedfishDashboardQueriesIntegrationTests
{
    /// <summary>Panel titles with data over IPMI that Redfish cannot fill, and why (docs/redfish.md lists them too).</summary>
    private static readonly Dictionary<string, string> IpmiOnly = new(StringComparer.Ordinal)
    {
        ["Asserted discrete states"] = "ipmi_sensor_state_asserted: Redfish reports health, not IPMI event offsets",
    };

    [Fact]
    public async Task DashboardQueries_RedfishOnlyFleet_EveryPanelWithDataOverIpmiHasData()
    {
        await using var typical = await RedfishHostFixture.StartAsync(bmcs: 2);
        await using var dense = await RedfishHostFixture.StartAsync(profile: "gpu-dense");
        await using var mockup = await RedfishHostFixture.StartAsync(new RedfishServerOptions { MockupDirectory = Path.Combine(RedfishMockupHostTests.MockupsRoot(), "public-rackmount1") });

        var overIpmi = await RunAsync(typical, (typical, ModuleProtocol.Ipmi), (dense, ModuleProtocol.Ipmi));
        var overRedfish = await RunAsync(typical, (typical, ModuleProtocol.Redfish), (dense, ModuleProtocol.Redfish), (mockup, ModuleProtocol.Redfish));

        Assert.True(overIpmi.Errors.Count == 0, string.Join("\n", overIpmi.Errors));
        Assert.True(overRedfish.Errors.Count == 0, $"{overRedfish.Errors.Count} query errors over Redfish:\n" + string.Join("\n", overRedfish.Errors));
        static string Title(string panel) => panel.Split(" / ")[1];
        var missing = overIpmi.PanelsWithData.Where(p => !overRedfish.PanelsWithData.Contains(p) && !IpmiOnly.ContainsKey(Title(p))).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "panels with data over IPMI but none over Redfish:\n" + string.Join("\n", missing));

        // Every exception is a panel that really has data over IPMI and none over Redfish, so the list cannot go stale.
        Assert.All(IpmiOnly.Keys, title =>
        {
            Assert.Contains(overIpmi.PanelsWithData, p => Title(p) == title);
            Assert.DoesNotContain(overRedfish.PanelsWithData, p => Title(p) == title);
        });
    }

    /// <summary>The exporter in background mode over the BMCs of <paramref name="fleets"/>, one module per fleet (its CA), queried by the shipped dashboards.</summary>
    private static async Task<DashboardRun> RunAsync(RedfishHostFixture host, params (RedfishHostFixture Fleet, ModuleProtocol Protocol)[] fleets)
    {
        var modules = new List<ModuleConfig>();
        var targets = new List<TargetConfig>();
        for (var i = 0; i < fleets.Length; i++)
        {
            var (fx, protocol) = fleets[i];
            var module = fx.Module($"m{i}", protocol) with { Metrics = OptionalMetrics.Thresholds };
            modules.Add(protocol == ModuleProtocol.Ipmi ? module with { Collectors = ModuleConfig.DefaultCollectors } : module);
            var endpoints = protocol == ModuleProtocol.Redfish ? fx.Fleet.RedfishEndpoints : fx.Fleet.Endpoints;
            targets.AddRange(endpoints.Select(ep => new TargetConfig { Host = "127.0.0.1", Port = ep.Port, Module = module.Name }));
        }

        var config = host.Config([.. modules]) with
        {
            Scrape = new ScrapeConfig { Mode = ScrapeMode.Background, Interval = TimeSpan.FromHours(1), Timeout = TimeSpan.FromSeconds(20) },
            Targets = targets,
        };
        var runtime = host.Runtime(config); // disposed with the fixture
        var (app, client) = await SimulatorFixture.ServeAsync(runtime);
        await using var _ = app;
        using var __ = client;
        await runtime.StartAsync();
        await SimulatorFixture.ScrapeEveryTargetAsync(runtime, config, TimeSpan.FromSeconds(20));

        return await DashboardQueriesIntegrationTests.QueryDashboardsAsync(client.BaseAddress!.Authority, targets[0].Key);
    }
}

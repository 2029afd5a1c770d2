using System.Net;
using BmcExporter.Engine;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using BmcExporter.Tests.EndToEnd;
using BmcExporter.Web;

namespace BmcExporter.Tests.Web;

/// <summary>Hostile or mistaken <c>/ipmi</c> requests get a 400 with a sentence and leave no state behind.</summary>
public sealed class IpmiRequestValidationTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    public async Task Ipmi_InvalidTimeoutHeader_Is400AndTouchesNothing(string header)
    {
        await using var sim = await SimulatorFixture.StartAsync(1);
        await using var served = await ServedExporter.StartAsync(sim.Config());
        var (runtime, client) = served;
        var port = sim.Fleet.Endpoints[0].Port;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/ipmi?target=127.0.0.1:{port}&module=default");
        request.Headers.Add("X-Prometheus-Scrape-Timeout-Seconds", header);

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-Prometheus-Scrape-Timeout-Seconds must be a positive number of seconds", body, StringComparison.Ordinal);
        Assert.Equal(0, runtime.Store.Count);
        Assert.Equal(0, runtime.Sessions.Count);
        Assert.Equal(0, runtime.OnDemandTargets);
    }

    [Theory]
    [InlineData("4300000")]
    [InlineData("9.2e11")]
    [InlineData("1e300")]
    public async Task Ipmi_HugeTimeoutHeader_IsClampedAndTheTargetIsNotWedged(string header)
    {
        await using var sim = await SimulatorFixture.StartAsync(1);
        await using var served = await ServedExporter.StartAsync(sim.Config());
        var (runtime, client) = served;
        var url = $"/ipmi?target=127.0.0.1:{sim.Fleet.Endpoints[0].Port}&module=default";
        using var hostile = new HttpRequestMessage(HttpMethod.Get, url);
        hostile.Headers.Add("X-Prometheus-Scrape-Timeout-Seconds", header);

        using var first = await client.SendAsync(hostile);
        var normal = await client.GetStringAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("ipmi_up{site=\"lab\",collector=\"ipmi\"} 1\n", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("ipmi_up{site=\"lab\",collector=\"ipmi\"} 1\n", normal, StringComparison.Ordinal);
        Assert.Equal(0, runtime.Coordinator.Pending);
    }

    [Theory]
    [InlineData("/ipmi", "'target' parameter must be specified")]
    [InlineData("/ipmi?target=[::1", "invalid target")]
    [InlineData("/ipmi?target=10.0.0.1:99999", "invalid target")]
    [InlineData("/ipmi?target=10.0.0.1&module=nope", "unknown module 'nope'")]
    public async Task Ipmi_BadParameters_Are400WithASentence(string url, string expected)
    {
        await using var sim = await SimulatorFixture.StartAsync(1);
        await using var served = await ServedExporter.StartAsync(sim.Config());
        var (runtime, client) = served;

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, runtime.Store.Count);
    }

    [Fact]
    public async Task Ipmi_OnDemandTargetsBeyondTheCap_EvictTheLeastRecentlyRequested()
    {
        await using var sim = await SimulatorFixture.StartAsync(3);
        await using var sessions = new IpmiSessionFactory(TimeProvider.System);
        await using var runtime = new ExporterRuntime(
            sim.Config() with { Scrape = sim.Config().Scrape with { OnDemandMaxTargets = 2 } }, sessions, Collectors.DefaultCollectors.Create(), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, null, new RuntimeOptions());
        var (app, client) = await SimulatorFixture.ServeAsync(runtime);
        await using var _ = app;
        using var __ = client;
        var addresses = sim.Fleet.Endpoints.Select(e => $"127.0.0.1:{e.Port}").ToList();

        foreach (var address in addresses)
        {
            await client.GetStringAsync($"/ipmi?target={address}&module=default");
        }

        Assert.Equal(2, runtime.OnDemandTargets);
        Assert.Null(runtime.Store.Latest(ScrapeTarget.KeyOf(addresses[0], "default")));
        Assert.NotNull(runtime.Store.Latest(ScrapeTarget.KeyOf(addresses[2], "default")));
        Assert.Equal(2, runtime.Sessions.Count);
    }

    [Theory]
    [InlineData(false, null, HttpStatusCode.Forbidden)]
    [InlineData(true, null, HttpStatusCode.OK)]
    [InlineData(false, "127.0.0.0/8", HttpStatusCode.OK)]
    [InlineData(false, "10.0.0.0/8", HttpStatusCode.Forbidden)]
    public async Task Ipmi_UnconfiguredHost_IsProbedOnlyWhenTheModuleAllowsIt(bool allowAny, string? allowed, HttpStatusCode expected)
    {
        await using var sim = await SimulatorFixture.StartAsync(1);
        await using var sessions = new IpmiSessionFactory(TimeProvider.System);
        var config = sim.Config();
        var module = config.Modules["default"] with
        {
            AllowAnyTarget = allowAny,
            AllowedTargets = allowed is null ? [] : [Pattern(allowed)],
        };
        config = config with { Targets = [], Modules = new Dictionary<string, BmcExporter.Config.ModuleConfig>(StringComparer.Ordinal) { ["default"] = module } };
        await using var runtime = SimulatorFixture.Runtime(config, sessions);
        var (app, client) = await SimulatorFixture.ServeAsync(runtime);
        await using var _ = app;
        using var __ = client;

        using var response = await client.GetAsync($"/ipmi?target=127.0.0.1:{sim.Fleet.Endpoints[0].Port}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Contains("is not a configured target and module 'default' does not allow it", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(0, runtime.Sessions.Count);
            Assert.Equal(0, runtime.Store.Count);
        }
    }

    private static BmcExporter.Config.TargetPattern Pattern(string text) =>
        BmcExporter.Config.TargetPattern.TryParse(text, out var pattern, out var error) ? pattern! : throw new ArgumentException(error, nameof(text));
}

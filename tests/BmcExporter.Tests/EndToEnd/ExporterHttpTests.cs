using System.Net;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Output;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>The exporter against the in-process BMC simulator, through real UDP sessions and the real HTTP pipeline.</summary>
public sealed class ExporterHttpTests
{
    [Fact]
    public async Task Ipmi_SimulatedTarget_ReturnsIpmiExporterFamiliesWithoutTargetLabel()
    {
        await using var sim = await SimulatorFixture.StartAsync(1);
        await using var served = await ServedExporter.StartAsync(sim.Config());
        var client = served.Client;
        var port = sim.Fleet.Endpoints[0].Port;

        using var response = await client.GetAsync($"/ipmi?target=127.0.0.1:{port}&module=default");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain; version=0.0.4", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        foreach (var collector in new[] { "ipmi", "sel", "chassis", "bmc", "dcmi", "fru" })
        {
            Assert.Contains($"ipmi_up{{site=\"lab\",collector=\"{collector}\"}} 1\n", text, StringComparison.Ordinal);
        }

        Assert.Matches("ipmi_temperature_celsius\\{site=\"lab\",id=\"\\d+\",name=\"Inlet Temp\"\\} \\d+", text);
        Assert.Matches("ipmi_fan_speed_rpm\\{site=\"lab\",id=\"\\d+\",name=\"FAN1\"\\} \\d+", text);
        Assert.Contains("ipmi_bmc_info{", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_sel_logs_count{site=\"lab\"} 3\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("target=", text, StringComparison.Ordinal);
        Assert.Empty(await Promtool.LintAsync(text));
    }

    [Fact]
    public async Task Metrics_AfterBackgroundScrapes_ServesFleetWithTargetLabelsAndSelfMetrics()
    {
        await using var sim = await SimulatorFixture.StartAsync(2);
        var config = sim.Config(ScrapeMode.Background);
        await using var served = await ServedExporter.StartScrapedAsync(config);
        var client = served.Client;

        var text = await client.GetStringAsync("/metrics");
        var status = await client.GetStringAsync("/");

        foreach (var target in config.Targets)
        {
            Assert.Contains($"ipmi_up{{target=\"{target.Key}\",site=\"lab\",collector=\"ipmi\"}} 1\n", text, StringComparison.Ordinal);
            Assert.Contains($"bmc_exporter_scrapes_total{{target=\"{target.Key}\",site=\"lab\",outcome=\"success\"}} 1\n", text, StringComparison.Ordinal);
            Assert.Contains($"bmc_exporter_sessions_opened_total{{target=\"{target.Key}\",site=\"lab\"}} 1\n", text, StringComparison.Ordinal);
            Assert.Contains(target.Key, status, StringComparison.Ordinal);
        }

        Assert.Contains("bmc_exporter_targets 2\n", text, StringComparison.Ordinal);
        Assert.Empty(await Promtool.LintAsync(text));
        Assert.Equal("ok\n", await client.GetStringAsync("/healthz"));
        Assert.Equal("ready\n", await client.GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task Ipmi_TinyScrapeTimeoutHeader_IsRaisedToTheMinimumDeadline()
    {
        await using var sim = await SimulatorFixture.StartAsync(1);
        await using var served = await ServedExporter.StartAsync(sim.Config());
        var client = served.Client;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/ipmi?target=127.0.0.1:{sim.Fleet.Endpoints[0].Port}");
        request.Headers.Add("X-Prometheus-Scrape-Timeout-Seconds", "0.001");

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        // 1 ms is raised to 100 ms (partial results on a deadline are covered by ScrapeCoordinatorTests).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ipmi_scrape_duration_seconds", text, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMilliseconds(100), BmcExporter.Web.ExporterEndpoints.Deadline("0.001", TimeSpan.FromSeconds(30), out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("/ipmi", "'target' parameter must be specified")]
    [InlineData("/ipmi?target=10.0.0.1&module=nope", "unknown module 'nope'")]
    [InlineData("/ipmi?target=bad%20host", "invalid target")]
    public async Task Ipmi_BadRequest_Returns400WithReason(string path, string reason)
    {
        await using var sim = await SimulatorFixture.StartAsync(1);
        await using var served = await ServedExporter.StartAsync(sim.Config());
        var client = served.Client;

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ipmi_WrongPassword_IpmiUpZeroAndAuthenticationFailureCounted()
    {
        await using var sim = await SimulatorFixture.StartAsync(1);
        await using var sessions = new IpmiSessionFactory(TimeProvider.System);
        var config = sim.Config();
        var bad = config.Modules["default"] with { Password = BmcExporter.Ipmi.Crypto.IpmiSecret.FromBytes("wrong-password"u8, "test"), Timeout = TimeSpan.FromMilliseconds(300), Retries = 1 };
        config = config with { Modules = new Dictionary<string, ModuleConfig>(StringComparer.Ordinal) { ["default"] = bad } };
        await using var runtime = SimulatorFixture.Runtime(config, sessions);
        var target = ScrapeTarget.From(config.Targets[0], config)!;

        var snapshot = await runtime.Coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(ScrapeOutcome.Failed, snapshot.Outcome);
        Assert.All(snapshot.Collectors, c => Assert.False(c.Success));
        Assert.Equal(1, runtime.Stats.For(target.Key).AuthenticationFailures);
        Assert.DoesNotContain("wrong-password", snapshot.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ipmi_SameTargetTwoModulesAtOnce_EachGetsOnlyItsOwnCredentialsResult()
    {
        await using var sim = await SimulatorFixture.StartAsync(1);
        await using var sessions = new IpmiSessionFactory(TimeProvider.System);
        var config = sim.Config();
        var good = config.Modules["default"];
        var bad = good with { Name = "bad", Password = BmcExporter.Ipmi.Crypto.IpmiSecret.FromBytes("wrong-password"u8, "test"), Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["site"] = "other" } };
        config = config with { Modules = new Dictionary<string, ModuleConfig>(StringComparer.Ordinal) { ["default"] = good, ["bad"] = bad } };
        await using var runtime = SimulatorFixture.Runtime(config, sessions);
        var (app, client) = await SimulatorFixture.ServeAsync(runtime);
        await using var _ = app;
        using var __ = client;
        var port = sim.Fleet.Endpoints[0].Port;

        for (var round = 0; round < 3; round++)
        {
            var goodText = client.GetStringAsync($"/ipmi?target=127.0.0.1:{port}&module=default");
            var badText = client.GetStringAsync($"/ipmi?target=127.0.0.1:{port}&module=bad");

            Assert.Contains("ipmi_up{site=\"lab\",collector=\"ipmi\"} 1\n", await goodText, StringComparison.Ordinal);
            var badBody = await badText;
            Assert.Contains("ipmi_up{site=\"other\",collector=\"ipmi\"} 0\n", badBody, StringComparison.Ordinal);
            Assert.DoesNotContain("ipmi_temperature_celsius", badBody, StringComparison.Ordinal);
            Assert.DoesNotContain("site=\"lab\"", badBody, StringComparison.Ordinal);
        }

        // The good module's session survived the bad module's attempts.
        Assert.Equal(1, runtime.Stats.For(ScrapeTarget.KeyOf($"127.0.0.1:{port}", "default")).SessionsOpened);
    }
}

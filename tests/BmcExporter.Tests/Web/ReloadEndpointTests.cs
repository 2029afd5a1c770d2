using System.Net;
using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Tests.EndToEnd;
using Microsoft.Extensions.Logging.Abstractions;
using BmcExporter.Tests.Fakes;

namespace BmcExporter.Tests.Web;

public sealed class ReloadEndpointTests
{
    [Fact]
    public async Task PostReload_InvalidConfig_Returns400WithErrorsAndKeepsOldConfig()
    {
        var broken = ConfigLoader.LoadFromText("scrape:\n  mode: sometimes\n", "exporter.yaml");
        Assert.False(broken.Success);
        await using var runtime = Runtime(() => broken);
        var before = runtime.Config;
        var (app, client) = await SimulatorFixture.ServeAsync(runtime);
        await using var _ = app;
        using var __ = client;

        using var response = await client.PostAsync("/-/reload", null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("exporter.yaml:2", body, StringComparison.Ordinal);
        Assert.Same(before, runtime.Config);
        Assert.False(runtime.LastReloadSuccessful);
        Assert.Contains("bmc_exporter_config_last_reload_successful 0\n", await client.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostReload_ValidConfig_SwapsConfigAndSchedulesNewTargets()
    {
        var next = ConfigLoader.LoadFromText("targets:\n  - host: 10.20.0.1\n  - host: 10.20.0.2:1623\n", "exporter.yaml");
        Assert.True(next.Success, string.Join("; ", next.Errors));
        await using var runtime = Runtime(() => next);
        var (app, client) = await SimulatorFixture.ServeAsync(runtime);
        await using var _ = app;
        using var __ = client;

        using var response = await client.PostAsync("/-/reload", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Same(next.Config, runtime.Config);
        Assert.True(runtime.LastReloadSuccessful);
        Assert.Equal(2, runtime.Scheduler.Count);
        Assert.NotNull(runtime.Scheduler.NextDue("10.20.0.2:1623#default"));
    }

    private static ExporterRuntime Runtime(Func<ConfigLoadResult> reloader) =>
        new(ExporterConfig.Default with { StateDir = Path.Combine(Path.GetTempPath(), "bmc-exporter-tests", Guid.NewGuid().ToString("N")) },
            new UnreachableSessions(), DefaultCollectors.Create(), TimeProvider.System, NullLoggerFactory.Instance, reloader, new RuntimeOptions { PersistState = false });
}

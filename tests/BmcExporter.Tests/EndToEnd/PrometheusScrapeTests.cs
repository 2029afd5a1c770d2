using BmcExporter.Config;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// A real Prometheus scrapes the exporter both ways documented in docs/metrics.md: the fleet <c>/metrics</c>
/// (negotiating OpenMetrics and gzip, as Prometheus does by default) and each BMC through <c>/ipmi</c>, discovered
/// with <c>http_sd_configs</c> from <c>/sd</c> and relabelled exactly as the docs say.
/// </summary>
public sealed class PrometheusScrapeTests
{
    [Fact]
    public async Task Prometheus_FleetAndPerBmcJobs_IngestEverySimulatedBmc()
    {
        await using var sim = await SimulatorFixture.StartAsync(3);
        var config = sim.Config(ScrapeMode.Background);
        await using var served = await ServedExporter.StartScrapedAsync(config);
        var client = served.Client;

        var exporter = client.BaseAddress!.Authority;
        await using var prometheus = await PrometheusServer.StartAsync($$"""
              - job_name: bmc
                static_configs:
                  - targets: ["{{exporter}}"]
              - job_name: bmc-per-target
                metrics_path: /ipmi
                http_sd_configs:
                  - url: http://{{exporter}}/sd
                    refresh_interval: 1s
                relabel_configs:
                  - source_labels: [__address__]
                    target_label: __param_target
                  - source_labels: [__param_target]
                    target_label: instance
                  - source_labels: [__meta_bmc_exporter_address]
                    target_label: __address__
                  - action: labelmap
                    regex: __meta_bmc_exporter_label_(.+)
            """);

        Assert.Equal(1, await prometheus.WaitForAsync("up{job=\"bmc\"}", 1));
        Assert.Equal(3, await prometheus.WaitForAsync("count(ipmi_up{job=\"bmc\",collector=\"ipmi\"} == 1)", 3));
        Assert.Equal(3, await prometheus.WaitForAsync("count(up{job=\"bmc-per-target\"} == 1)", 3));
        Assert.Equal(3, await prometheus.WaitForAsync("count(count by (instance) (ipmi_temperature_celsius{job=\"bmc-per-target\", site=\"lab\"}))", 3));
        // Prometheus asked for gzip, and got it.
        Assert.True(await prometheus.WaitForAsync("bmc_exporter_exposition_bytes{job=\"bmc\",encoding=\"gzip\"} > bool 0", 1) == 1);
        // The per-BMC series carry the BMC as instance and no target label.
        Assert.Null(await prometheus.QueryAsync("count(ipmi_up{job=\"bmc-per-target\", target!=\"\"})"));
    }
}

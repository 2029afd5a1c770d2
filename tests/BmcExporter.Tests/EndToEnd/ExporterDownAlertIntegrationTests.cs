using System.Diagnostics;
using BmcExporter.Tests.Config;
using BmcExporter.Tests.Packaging;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// BmcExporterDown for real: the built exporter runs as its own process (<c>--demo</c>), a real Prometheus scrapes
/// it with every shipped rule file loaded (<see cref="ShortenedRules"/>: only <c>for:</c> shortened) and sends to a
/// real Alertmanager running the shipped example. While the exporter serves, neither exporter alert is raised; once
/// the process is killed with SIGKILL, BmcExporterDown goes pending, then firing for that exporter, and is paged;
/// BmcExporterAbsent stays silent because a known exporter is down.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ExporterDownAlertIntegrationTests
{
    /// <summary>Bound on each wait below (scrapes and rule evaluations every 1 s, <c>for:</c> 4 s in the test copies).</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ShippedRules_ExporterProcessKilled_BmcExporterDownPendingThenFiringAndPaged()
    {
        var state = Directory.CreateTempSubdirectory("bmc-exporter-down-");
        var rulesDirectory = Path.Combine(Path.GetTempPath(), "bmc-exporter-tests", "rules-" + Guid.NewGuid().ToString("N"));
        try
        {
            var port = ExporterProcess.FreePort();
            var instance = $"127.0.0.1:{port}";
            await using var exporter = ExporterProcess.Start("--demo", $"--web.listen-address={instance}", "--state.dir=" + state.FullName);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await exporter.WaitUntilAsync(() => IsHealthyAsync(http, instance), "/healthz answering");

            await using var alertmanager = await AlertmanagerServer.StartAsync(Path.Combine(PackagingPaths.AlertsDirectory, "alertmanager.example.yml"));
            var rules = ShortenedRules.Write(PackagingPaths.RuleFiles, rulesDirectory);
            await using var prometheus = await PrometheusServer.StartAsync(
                $$"""
                  - job_name: bmc
                    static_configs:
                      - targets: ["{{instance}}"]
                """,
                rules,
                alertmanager.Authority);

            // Serving: wait until Prometheus has scraped it successfully for longer than the shortened for: (4 s) and
            // the rules have been evaluated over that time; then BmcExporterDown was never pending, and BmcExporterAbsent
            // (pending for a moment at Prometheus' start, before its first scrape, as it should be) is not now.
            var upSamples = await PollAsync(() => prometheus.QueryAsync($"count_over_time(up{{instance=\"{instance}\"}}[1m]) and on () (min_over_time(up{{instance=\"{instance}\"}}[1m]) == 1)"), v => v >= 8);
            Assert.True(upSamples >= 8, $"Prometheus did not scrape the live exporter 8 times (got {upSamples})");
            Assert.Null(await prometheus.QueryAsync("max_over_time(ALERTS{alertname=\"BmcExporterDown\"}[1m])"));
            Assert.Null(await prometheus.QueryAsync("ALERTS{alertname=\"BmcExporterAbsent\"}"));

            // Killed: no shutdown, no goodbye; Prometheus' next scrape fails.
            var sinceKill = Stopwatch.StartNew();
            exporter.Signal("KILL");
            await PollAsync(() => Task.FromResult<double?>(exporter.HasExited ? 1 : 0), v => v == 1);
            Assert.True(exporter.HasExited, "bmc-exporter survived SIGKILL");

            var firing = await PollAsync(
                async () => (await prometheus.AlertsAsync()).Where(a => a.Labels["alertname"] == "BmcExporterDown" && a.State == "firing").ToList(),
                a => a.Count > 0);
            var alert = Assert.Single(firing);
            Assert.Equal(instance, alert.Labels["instance"]);
            Assert.Equal("bmc", alert.Labels["job"]);
            Assert.Equal("critical", alert.Labels["severity"]);
            Assert.Equal("https://github.com/bmc-exporter/bmc-exporter/blob/main/docs/runbooks/availability.md#bmcexporterdown", alert.RunbookUrl);

            // It went through pending first (Prometheus keeps ALERTS{alertstate="pending"} while for: runs), and the
            // absent-exporter alert never started: the exporter is known, and down.
            Assert.Equal(1, await prometheus.QueryAsync($"max_over_time(ALERTS{{alertname=\"BmcExporterDown\", alertstate=\"pending\", instance=\"{instance}\"}}[2m])"));
            var window = (int)sinceKill.Elapsed.TotalSeconds;
            Assert.Null(await prometheus.QueryAsync($"max_over_time(ALERTS{{alertname=\"BmcExporterAbsent\"}}[{window}s])"));

            // The example's first route pages for it.
            var paged = await PollAsync(
                () => Task.FromResult(alertmanager.Receiver.Deliveries.Where(d => d.Labels["alertname"] == "BmcExporterDown").ToList()),
                d => d.Count > 0);
            Assert.NotEmpty(paged);
            Assert.All(paged, d => Assert.Equal("/page", d.Path));
            Assert.All(paged, d => Assert.Equal(instance, d.Labels["instance"]));
        }
        finally
        {
            state.Delete(recursive: true);
            if (Directory.Exists(rulesDirectory))
            {
                Directory.Delete(rulesDirectory, recursive: true);
            }
        }
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http, string instance)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://{instance}/healthz"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Reads <paramref name="read"/> every 250 ms until <paramref name="done"/> holds, at most <see cref="Deadline"/>.</summary>
    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        var value = await read();
        for (var i = 0; i < 400 && !done(value) && clock.Elapsed < Deadline; i++)
        {
            await Task.Delay(250);
            value = await read();
        }

        return value;
    }
}

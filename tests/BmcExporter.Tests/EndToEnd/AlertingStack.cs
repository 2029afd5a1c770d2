using BmcExporter.Collectors;
using BmcExporter.Engine;
using BmcExporter.Sessions;
using BmcExporter.Tests.Packaging;
using BmcExporter.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// The whole alerting path on loopback: the <see cref="PlantedFleet"/>, the exporter scraping it in background mode
/// through its real HTTP host, and a real Prometheus scraping the exporter with every shipped rule file
/// (<see cref="ShortenedRules"/> copies), sending firing alerts to <see cref="Alertmanager"/>.
/// </summary>
internal sealed class AlertingStack : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned;

    private AlertingStack(List<IAsyncDisposable> owned, PlantedFleet fleet, PrometheusServer prometheus, AlertmanagerServer alertmanager, string exporter)
    {
        _owned = owned;
        Fleet = fleet;
        Prometheus = prometheus;
        Alertmanager = alertmanager;
        Exporter = exporter;
    }

    public PlantedFleet Fleet { get; }

    public PrometheusServer Prometheus { get; }

    public AlertmanagerServer Alertmanager { get; }

    /// <summary>The <c>runbook_url</c> annotation of each alert of the last poll, by <see cref="Describe"/> of its labels.</summary>
    public IReadOnlyDictionary<string, string?> RunbookUrls { get; private set; } = new Dictionary<string, string?>();

    /// <summary>The exporter's <c>host:port</c>, the <c>instance</c> label of its series.</summary>
    public string Exporter { get; }

    public static async Task<AlertingStack> StartAsync()
    {
        var owned = new List<IAsyncDisposable>();
        try
        {
            var fleet = await PlantedFleet.StartAsync(PlantedFault.Fleet, CancellationToken.None);
            owned.Add(fleet);
            var sessions = new IpmiSessionFactory(TimeProvider.System);
            owned.Add(sessions);
            var runtime = new ExporterRuntime(
                fleet.Config(), sessions, DefaultCollectors.Create(), TimeProvider.System, NullLoggerFactory.Instance, null,
                // The breaker's first open period is 30 s by default; 5 s lets the wrong-password BMC be retried
                // (and its login refused again) within the test's window.
                new RuntimeOptions { Breaker = new BreakerOptions { BaseBreak = TimeSpan.FromSeconds(5) } });
            owned.Add(runtime);
            WebApplication app = ExporterHost.Build(runtime, "127.0.0.1:0");
            await app.StartAsync();
            owned.Add(app);
            await runtime.StartAsync();
            var exporter = new Uri(app.Urls.First()).Authority;

            // One /metrics before Prometheus starts, so its first scrapes (1 s timeout) do not pay for JIT compilation.
            using (var warmUp = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
            {
                (await warmUp.GetAsync($"http://{exporter}/metrics")).EnsureSuccessStatusCode().Dispose();
            }

            var alertmanager = await AlertmanagerServer.StartAsync(Path.Combine(PackagingPaths.AlertsDirectory, "alertmanager.example.yml"));
            owned.Add(alertmanager);
            var rules = ShortenedRules.Write(PackagingPaths.RuleFiles, Path.Combine(Path.GetTempPath(), "bmc-exporter-tests", "rules-" + Guid.NewGuid().ToString("N")));
            var prometheus = await PrometheusServer.StartAsync(
                $$"""
                  - job_name: bmc
                    static_configs:
                      - targets: ["{{exporter}}"]
                """,
                rules,
                alertmanager.Authority);
            owned.Add(prometheus);
            Directory.Delete(Path.GetDirectoryName(rules[0])!, recursive: true);
            return new AlertingStack(owned, fleet, prometheus, alertmanager, exporter);
        }
        catch
        {
            await DisposeAllAsync(owned);
            throw;
        }
    }

    /// <summary>
    /// Polls Prometheus' firing alerts (at most <paramref name="deadline"/>, every 500 ms) until they are exactly the
    /// planted ones; returns the last firing set and what still differs (empty when they match).
    /// </summary>
    public async Task<(IReadOnlyList<IReadOnlyDictionary<string, string>> Firing, IReadOnlyList<string> Mismatches)> WaitForPlantedAlertsAsync(TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        IReadOnlyList<IReadOnlyDictionary<string, string>> firing = [];
        IReadOnlyList<string> mismatches = ["not polled yet"];
        for (var i = 0; i < 1000 && DateTime.UtcNow < until; i++)
        {
            var alerts = await Prometheus.AlertsAsync();
            firing = alerts.Where(a => a.State == "firing").Select(a => a.Labels).ToList();
            RunbookUrls = alerts.Where(a => a.State == "firing").ToDictionary(a => Describe(a.Labels), a => a.RunbookUrl, StringComparer.Ordinal);
            mismatches = Compare(firing);
            if (mismatches.Count == 0)
            {
                return (firing, mismatches);
            }

            await Task.Delay(500);
        }

        return (firing, mismatches);
    }

    /// <summary>What differs between the firing alerts and one alert per planted fault.</summary>
    public IReadOnlyList<string> Compare(IReadOnlyList<IReadOnlyDictionary<string, string>> firing)
    {
        var mismatches = new List<string>();
        foreach (var alert in firing.Where(a => !a.ContainsKey("target") || !Fleet.ByTarget.ContainsKey(a["target"])))
        {
            mismatches.Add($"alert for no planted BMC: {Describe(alert)}");
        }

        foreach (var (target, planted) in Fleet.ByTarget)
        {
            var names = firing.Where(a => a.GetValueOrDefault("target") == target).Select(a => a["alertname"]).Order(StringComparer.Ordinal).ToList();
            var expected = planted.Alert is null ? [] : new List<string> { planted.Alert };
            if (!names.SequenceEqual(expected, StringComparer.Ordinal))
            {
                mismatches.Add($"{planted.Name} ({target}): expected [{string.Join(", ", expected)}], firing [{string.Join(", ", names)}]");
            }
        }

        return mismatches;
    }

    public static string Describe(IReadOnlyDictionary<string, string> labels) =>
        "{" + string.Join(", ", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";

    public async ValueTask DisposeAsync() => await DisposeAllAsync(_owned);

    private static async Task DisposeAllAsync(List<IAsyncDisposable> owned)
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            await owned[i].DisposeAsync();
        }
    }
}

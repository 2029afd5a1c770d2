using System.Globalization;
using System.Text;
using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Sessions;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;
using BmcExporter.Snapshots;
using BmcExporter.Tests.EndToEnd;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.Packaging;

/// <summary>
/// The "Security posture" dashboard and the security alert rules against real findings: a real Prometheus (Debian
/// 2.42) scrapes the exporter in front of seven simulated BMCs, one hardened and six with planted weaknesses (cipher
/// suite 0, anonymous login, null user with IPMI 1.5 authentication, a factory-default password, failed logins with
/// a failed self test, a skewed clock and other firmware, and one the exporter cannot log in to). Every panel query
/// must return exactly the findings planted: the fleet counts, the BMCs-with-findings rows, and the alerts firing.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class SecurityDashboardFindingsIntegrationTests
{
    private const string Dashboard = "bmc-security-posture.json";
    private const string User = "reader";
    private const string Password = "readpass1";
    private const int FailedLogins = 3;

    // BmcRepeatedFailedLogins needs 15 minutes of history (promtool tests cover it): it must stay silent here.
    private static readonly string[] SecurityAlerts = ["BmcCipherSuiteZeroAccepted", "BmcAnonymousOrNullUser", "BmcIpmi15AuthEnabled", "BmcDefaultPassword", "BmcRepeatedFailedLogins"];

    [Fact]
    public async Task SecurityDashboard_FleetWithPlantedFindings_EveryPanelShowsExactlyThem()
    {
        // The fleet: each weakness on its own BMC (manufacturer 0x00A2B3 for all, "1.12" firmware but for one).
        await using var fleet = new Bmcs();
        var hardened = await fleet.StartAsync(Profile());
        var suiteZero = await fleet.StartAsync(Profile(suites: "[0, 17, 3]"));
        var anonymous = await fleet.StartAsync(Profile(extra: "security: { anonymousLogin: true }"));
        var legacy = await fleet.StartAsync(Profile(extra: "security: { nullUserPassword: secret1, ipmi15AuthTypes: [md5, password] }"));
        var defaultPassword = await fleet.StartAsync(Profile(extra: "users: [ { name: ADMIN, password: ADMIN, privilege: admin } ]"));
        var lifecycle = await fleet.StartAsync(LifecycleFaultsProfile());
        var locked = await fleet.StartAsync(Profile());

        var stateDir = Path.Combine(Path.GetTempPath(), "bmc-exporter-tests", Guid.NewGuid().ToString("N"));
        var module = new ModuleConfig
        {
            Name = "default",
            User = User,
            Password = IpmiSecret.FromString(Password, "test"),
            Collectors = [CollectorKind.Security, CollectorKind.Sel, CollectorKind.Bmc, CollectorKind.Chassis],
            Security = new SecurityConfig { DefaultPasswordCheck = true },
        };
        var config = ExporterConfig.Default with
        {
            StateDir = stateDir,
            Scrape = new ScrapeConfig { Mode = ScrapeMode.Background, Interval = TimeSpan.FromHours(1), Timeout = TimeSpan.FromSeconds(10) },
            Modules = new Dictionary<string, ModuleConfig>(StringComparer.Ordinal)
            {
                ["default"] = module,
                ["wrong-password"] = module with { Name = "wrong-password", Password = IpmiSecret.FromString("not-the-password", "test") },
            },
            Targets = [.. new[] { hardened, suiteZero, anonymous, legacy, defaultPassword, lifecycle }.Select(p => Target(p, "default")), Target(locked, "wrong-password")],
        };
        await using var sessions = new IpmiSessionFactory(TimeProvider.System);
        // The breaker stays closed, so every round tries the locked BMC again (and counts its refusal).
        await using var runtime = new BmcExporter.Engine.ExporterRuntime(
            config, sessions, DefaultCollectors.Create(), TimeProvider.System, NullLoggerFactory.Instance, null,
            new BmcExporter.Engine.RuntimeOptions { Retry = new BmcExporter.Engine.RetryOptions { Delay = TimeSpan.Zero }, Breaker = new BmcExporter.Engine.BreakerOptions { MinimumFailures = 100 } });
        var (app, client) = await SimulatorFixture.ServeAsync(runtime);
        await using var _ = app;
        using var __ = client;
        await runtime.StartAsync();
        await using var prometheus = await PrometheusServer.StartAsync(
            $$"""
              - job_name: bmc
                static_configs:
                  - targets: ["{{client.BaseAddress!.Authority}}"]
            """,
            PackagingPaths.RuleFiles);

        // Round 1: every posture read (the default-password check leaves Session Audit entries, read by the sel
        // collector of this round or the next), the locked BMC refused. Prometheus then holds the first values.
        await ScrapeAllAsync(runtime, config);
        await ScrapeAllAsync(runtime, config);
        Assert.Equal(1, await prometheus.WaitForAsync("count(ipmi_security_last_check_timestamp_seconds) == bool 6", 1));
        Assert.Equal(1, await prometheus.WaitForAsync("count(ipmi_sel_session_audit_total) == bool 6", 1));
        Assert.Equal(1, await prometheus.WaitForAsync("min(count_over_time(ipmi_sel_session_audit_total[1m])) >= bool 3", 1));

        // Round 2: failed logins on one BMC, and the locked BMC refused again; both counters rise.
        for (var i = 0; i < FailedLogins; i++)
        {
            var wrong = IpmiSessionFactory.CreateOptions(ScrapeTarget.From(Target(lifecycle, "default"), config)!, TimeProvider.System) with { Password = IpmiSecret.FromString("guessed-" + i) };
            await Assert.ThrowsAsync<IpmiAuthenticationException>(async () => await IpmiSession.OpenAsync(wrong, CancellationToken.None));
        }

        await ScrapeAllAsync(runtime, config);
        var failedLogins = Panel("Failed logins (1h)");
        Assert.Equal(1, await prometheus.WaitForAsync(failedLogins, 1));
        Assert.True(
            await prometheus.WaitForAsync(Panel("Exporter logins refused (1h)"), 1) == 1,
            await prometheus.DumpAsync("bmc_exporter_authentication_failures_total") + "\n" + await prometheus.DumpAsync("bmc_exporter_scrapes_total"));

        // The fleet count per finding: exactly the BMCs that were given it.
        var expected = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["Cipher suite 0 accepted"] = 1,
            ["Anonymous login"] = 1,
            ["Null user"] = 1,
            ["IPMI 1.5 auth types"] = 1,
            ["Default password exposed"] = 1,
            ["Failed logins (1h)"] = 1,
            ["Self test failed"] = 1,
            ["Clock skew > 5 min"] = 1,
            ["Firmware drift"] = 1,
            ["Exporter logins refused (1h)"] = 1,
            ["BMCs checked"] = 6,
        };
        foreach (var (title, value) in expected)
        {
            Assert.True(await prometheus.QueryAsync(Panel(title)) == value, $"{title}: {await prometheus.DumpAsync(Panel(title))}");
        }

        // The BMCs with findings, one row per (BMC, finding).
        var rows = await RowsAsync(prometheus, Panel("BMCs with findings"), "target", "finding");
        Assert.Equal(
            new[]
            {
                (suiteZero, "cipher suite 0 accepted"), (anonymous, "anonymous login"), (legacy, "null user"), (legacy, "IPMI 1.5 authentication"),
                (defaultPassword, "default password exposed"), (lifecycle, "failed logins (1h)"), (lifecycle, "self test failed"), (lifecycle, "clock skew"),
            }.Select(r => $"{Address(r.Item1)} {r.Item2}").Order(StringComparer.Ordinal),
            rows.Order(StringComparer.Ordinal));
        Assert.Equal([$"{Address(locked)} 0"], await RowsAsync(prometheus, Panel("Security collector failing"), "target", null));
        // manufacturer_id as ipmi_exporter writes it: "NAME (ID)".
        var revisions = await RowsAsync(prometheus, Panel("Firmware revisions per manufacturer"), "manufacturer_id", "firmware_revision");
        Assert.Equal(["(41651) 1.12", "(41651) 1.13"], revisions.Select(r => r[r.LastIndexOf('(')..]).Order(StringComparer.Ordinal));
        foreach (var rate in Queries("Failed logins per second"))
        {
            Assert.True(await prometheus.QueryAsync(rate) > 0, rate);
        }

        // The alerts of alerts/security.rules.yml flag exactly the weak BMCs (pending or firing).
        var alerts = await WaitForAlertsAsync(prometheus, 5);
        Assert.Equal(
            new[]
            {
                $"BmcCipherSuiteZeroAccepted {Address(suiteZero)}", $"BmcAnonymousOrNullUser {Address(anonymous)}", $"BmcAnonymousOrNullUser {Address(legacy)}",
                $"BmcIpmi15AuthEnabled {Address(legacy)}", $"BmcDefaultPassword {Address(defaultPassword)}",
            }.Order(StringComparer.Ordinal),
            alerts.Order(StringComparer.Ordinal));
        try
        {
            Directory.Delete(stateDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was persisted.
        }
    }

    private static string Profile(string suites = "[17, 3]", string firmware = "1.12", string extra = "") =>
        $"name: posture\nbmc: {{ cipherSuites: {suites}, manufacturerId: 0x00A2B3, firmware: \"{firmware}\" }}\n" +
        $"sensors:\n  - {{ name: Inlet Temp, type: temperature, unit: degreesC, behaviour: {{ base: 21 }} }}\n{extra}\n";

    /// <summary>The shipped lifecycle-faults profile (failed self test, clock 10 minutes fast) on firmware 1.13.</summary>
    private static string LifecycleFaultsProfile()
    {
        var assembly = typeof(SimulatedFleet).Assembly;
        var resource = assembly.GetManifestResourceNames().First(n => n.EndsWith("lifecycle-faults.yaml", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        var yaml = reader.ReadToEnd();
        Assert.Contains("firmware: \"1.12\"", yaml, StringComparison.Ordinal);
        return yaml.Replace("firmware: \"1.12\"", "firmware: \"1.13\"", StringComparison.Ordinal);
    }

    private static TargetConfig Target(int port, string module) => new() { Host = "127.0.0.1", Port = port, Module = module };

    private static string Address(int port) => "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);

    private static async Task ScrapeAllAsync(BmcExporter.Engine.ExporterRuntime runtime, ExporterConfig config)
    {
        await SimulatorFixture.ScrapeEveryTargetAsync(runtime, config);
    }

    private static IEnumerable<string> Queries(string title) =>
        Dashboards.Queries().Where(q => q.Dashboard == Dashboard && q.Panel == title).Select(q => Substitute(q.Expr));

    private static string Panel(string title) => Assert.Single(Queries(title));

    /// <summary>Grafana variables as a user on "All" would have them; rate windows wide enough for the whole test.</summary>
    private static string Substitute(string expr) => expr
        .Replace("$__rate_interval", "5m", StringComparison.Ordinal)
        .Replace("\"$job\"", "\".+\"", StringComparison.Ordinal)
        .Replace("\"$instance\"", "\".+\"", StringComparison.Ordinal);

    /// <summary>Each series of <paramref name="promql"/> as "label1 label2" (or "label1 value" without a second label).</summary>
    private static async Task<List<string>> RowsAsync(PrometheusServer prometheus, string promql, string first, string? second)
    {
        using var response = await prometheus.Client.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(promql));
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .Select(r => $"{r.GetProperty("metric").GetProperty(first).GetString()} {(second is null ? r.GetProperty("value")[1].GetString() : r.GetProperty("metric").GetProperty(second).GetString())}")
            .ToList();
    }

    /// <summary>"alertname target" of the security alerts pending or firing, once <paramref name="count"/> are (at most 60 s).</summary>
    private static async Task<List<string>> WaitForAlertsAsync(PrometheusServer prometheus, int count)
    {
        var alerts = new List<string>();
        for (var i = 0; i < 600; i++)
        {
            alerts = (await prometheus.AlertsAsync())
                .Where(a => SecurityAlerts.Contains(a.Labels["alertname"]))
                .Select(a => $"{a.Labels["alertname"]} {a.Labels.GetValueOrDefault("target")}")
                .ToList();
            if (alerts.Count >= count)
            {
                return alerts;
            }

            await Task.Delay(100);
        }

        return alerts;
    }

    /// <summary>Simulated BMCs, one fleet (and profile) each, stopped together.</summary>
    private sealed class Bmcs : IAsyncDisposable
    {
        private readonly List<SimulatedFleet> _fleets = [];

        /// <summary>Starts one BMC running <paramref name="profileYaml"/>; its UDP port.</summary>
        public async Task<int> StartAsync(string profileYaml)
        {
            var fleet = await SimulatedFleet.StartAsync(
                new FleetOptions { BmcCount = 1, UserName = User, Password = Encoding.ASCII.GetBytes(Password), Profile = ProfileLoader.Parse(profileYaml, "posture test profile") },
                CancellationToken.None);
            _fleets.Add(fleet);
            return fleet.Endpoints[0].Port;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var fleet in _fleets)
            {
                await fleet.DisposeAsync();
            }
        }
    }
}

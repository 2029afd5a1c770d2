using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using BmcExporter.Config;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// The <c>bmc</c> (system firmware version, manufacturer), <c>bmc-watchdog</c>, <c>sm-lan-mode</c> and
/// <c>sel-events</c> collectors against the product simulator (typical-1u), each checked against an independent
/// client reading the same BMC: FreeIPMI's <c>bmc-info</c>, <c>ipmi-raw</c> and <c>ipmi-sel --output-event-state</c>
/// (what ipmi_exporter runs) and ipmitool's <c>mc watchdog get</c> (FreeIPMI's bmc-watchdog is in-band only).
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class UpstreamCollectorToolTests
{
    // ipmitool's timer-use words to bmc-watchdog's (the label values ipmi_exporter uses).
    private static readonly Dictionary<string, string> TimerUse = new(StringComparer.Ordinal)
    {
        ["BIOS FRB2"] = "BIOS FRB2", ["BIOS/POST"] = "BIOS POST", ["OS Load"] = "OS LOAD", ["SMS/OS"] = "SMS/OS", ["OEM"] = "OEM",
    };

    [Fact]
    public async Task Scrape_Typical1u_SameValuesAsFreeIpmiAndIpmitool()
    {
        await using var sim = await SimulatorFixture.StartAsync(bmcs: 1);
        var config = sim.Config(ScrapeMode.OnDemand, CollectorKind.Bmc, CollectorKind.BmcWatchdog, CollectorKind.SmLanMode, CollectorKind.Sel, CollectorKind.SelEvents);
        var module = config.Modules["default"] with
        {
            Labels = new Dictionary<string, string>(StringComparer.Ordinal),
            SelEvents = [new SelEventMatcher("anything", new Regex(".", RegexOptions.None, TimeSpan.FromSeconds(1)))],
        };
        config = config with { Modules = new Dictionary<string, ModuleConfig>(StringComparer.Ordinal) { ["default"] = module } };
        var endpoint = sim.Fleet.Endpoints[0];
        var target = $"{endpoint.Address}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}";
        await using var served = await ServedExporter.StartAsync(config);
        var client = served.Client;
        var exposition = await client.GetStringAsync($"/ipmi?target={target}&module=default");
        var ours = Series(exposition);
        Assert.True(ours.ContainsKey("ipmi_up{collector=\"bmc\"}"), exposition);

        foreach (var collector in new[] { "bmc", "bmc-watchdog", "sm-lan-mode", "sel", "sel-events" })
        {
            Assert.Equal("1", ours[$"ipmi_up{{collector=\"{collector}\"}}"]);
        }

        // bmc-info, read with ipmi_exporter's own patterns.
        var bmcInfo = await FreeIpmiAsync("bmc-info", target);
        var firmware = FirmwareVersion().Match(bmcInfo).Groups["v"].Value;
        var manufacturer = ManufacturerId().Match(bmcInfo).Groups["v"].Value.TrimEnd();
        Assert.Contains(
            $"ipmi_bmc_info{{firmware_revision=\"2.45\",manufacturer_id=\"{manufacturer}\",system_firmware_version=\"{firmware}\"}}",
            ours.Keys);
        Assert.Equal("2.10.4", firmware);

        // ipmi-raw 0x0 0x30 0x70 0x0c 0, as the sm-lan-mode collector of ipmi_exporter: "rcvd: 70 00 MM".
        var raw = (await FreeIpmiAsync("ipmi-raw", target, "0x0", "0x30", "0x70", "0x0c", "0")).Trim().Split(' ');
        Assert.Equal(int.Parse(raw[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), ours["ipmi_config_lan_mode"]);

        // ipmitool mc watchdog get.
        var wd = await IpmitoolAsync(endpoint.Port, "mc", "watchdog", "get");
        var use = TimerUse[Field(wd, "Watchdog Timer Use").Split(" (")[0]];
        Assert.Equal("1", ours[$"ipmi_bmc_watchdog_timer_use_state{{name=\"{use}\"}}"]);
        Assert.Equal(4, ours.Keys.Count(k => k.StartsWith("ipmi_bmc_watchdog_timer_use_state", StringComparison.Ordinal) && ours[k] == "0"));
        Assert.Equal(Field(wd, "Watchdog Timer Is").Contains("Running", StringComparison.Ordinal) ? "1" : "0", ours["ipmi_bmc_watchdog_timer_state"]);
        Assert.Equal(Field(wd, "Watchdog Timer Logging") == "On" ? "1" : "0", ours["ipmi_bmc_watchdog_logging_state"]);
        Assert.Equal("1", ours[$"ipmi_bmc_watchdog_timeout_action_state{{action=\"{Field(wd, "Watchdog Timer Action").Split(" (")[0]}\"}}"]);
        Assert.Equal("1", ours[$"ipmi_bmc_watchdog_pretimeout_interrupt_state{{interrupt=\"{Field(wd, "Pre-timeout interrupt")}\"}}"]);
        Assert.Equal(Field(wd, "Pre-timeout interval").Split(' ')[0], ours["ipmi_bmc_watchdog_pretimeout_interval_seconds"]);
        Assert.Equal(WholeSeconds(Field(wd, "Initial Countdown")), ours["ipmi_bmc_watchdog_initial_countdown_seconds"]);
        Assert.Equal(WholeSeconds(Field(wd, "Present Countdown")), ours["ipmi_bmc_watchdog_current_countdown_seconds"]);

        // ipmi-sel with ipmi_exporter's sel-events arguments: entries by state.
        var sel = await FreeIpmiAsync("ipmi-sel", target, "--comma-separated-output", "--no-header-output", "--output-event-state", "--interpret-oem-data", "--entity-sensor-names");
        var rows = sel.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        Assert.NotEmpty(rows);
        foreach (var group in rows.GroupBy(r => r[5]))
        {
            Assert.Equal(group.Count().ToString(CultureInfo.InvariantCulture), ours[$"ipmi_sel_events_count_by_state{{state=\"{group.Key}\"}}"]);
        }

        Assert.Equal(rows.Count.ToString(CultureInfo.InvariantCulture), ours["ipmi_sel_events_count_by_name{name=\"anything\"}"]);
        Assert.Equal(rows.Select(r => r[5]).Distinct().Count(), ours.Keys.Count(k => k.StartsWith("ipmi_sel_events_count_by_state", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SelEvents_InvalidRecordTypeQuirk_CountsAsIpmiSelWithSameWorkaround(bool assumeSystemEvent)
    {
        // The simulator's HP DL380 G5 quirk: every SEL record has record type 00h.
        await using var sim = await SimulatorFixture.StartAsync(bmcs: 1, extraYaml: "quirks: [assumesystemevent]\n");
        var config = sim.Config(ScrapeMode.OnDemand, CollectorKind.Sel, CollectorKind.SelEvents);
        var module = config.Modules["default"] with
        {
            Labels = new Dictionary<string, string>(StringComparer.Ordinal),
            Workarounds = assumeSystemEvent ? new HashSet<string>(StringComparer.Ordinal) { "assumesystemevent" } : new HashSet<string>(StringComparer.Ordinal),
        };
        config = config with { Modules = new Dictionary<string, ModuleConfig>(StringComparer.Ordinal) { ["default"] = module } };
        var endpoint = sim.Fleet.Endpoints[0];
        var target = $"{endpoint.Address}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}";
        await using var served = await ServedExporter.StartAsync(config);
        var client = served.Client;
        var exposition = await client.GetStringAsync($"/ipmi?target={target}&module=default");
        var ours = Series(exposition);

        string[] workaround = assumeSystemEvent ? ["-W", "assumesystemevent"] : [];
        var sel = await FreeIpmiAsync("ipmi-sel", target, ["--comma-separated-output", "--no-header-output", "--output-event-state", .. workaround]);
        var rows = sel.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        if (assumeSystemEvent)
        {
            Assert.NotEmpty(rows);
            Assert.Equal("1", ours["ipmi_up{collector=\"sel-events\"}"]);
            foreach (var group in rows.GroupBy(r => r[5]))
            {
                Assert.True(ours.TryGetValue($"ipmi_sel_events_count_by_state{{state=\"{group.Key}\"}}", out var count), exposition);
                Assert.Equal(group.Count().ToString(CultureInfo.InvariantCulture), count);
            }

            Assert.Contains(rows, r => r[5] != "N/A");
        }
        else
        {
            // Without the workaround FreeIPMI lists no interpretable entry, and our SEL walk rejects them as malformed.
            Assert.All(rows, r => Assert.Equal("N/A", r[5]));
            Assert.DoesNotContain(ours.Keys, k => k.StartsWith("ipmi_sel_events_count_by_state{state=\"Nominal", StringComparison.Ordinal)
                || k.StartsWith("ipmi_sel_events_count_by_state{state=\"Warning", StringComparison.Ordinal)
                || k.StartsWith("ipmi_sel_events_count_by_state{state=\"Critical", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Intel20_SimulatedIntelBmc_LogsInWhereIpmitoolIntelplusDoes()
    {
        await using var sim = await SimulatorFixture.StartAsync(bmcs: 1, extraYaml: "quirks: [intel20]\n");
        var endpoint = sim.Fleet.Endpoints[0];
        var target = $"{endpoint.Address}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}";

        // The independent client: ipmitool logs in with -o intelplus and is refused without it.
        Assert.Contains("Firmware Revision", await IpmitoolAsync(endpoint.Port, "-o", "intelplus", "mc", "info"), StringComparison.Ordinal);
        Assert.NotEqual(0, await ExitCodeAsync("ipmitool", ["-I", "lanplus", "-H", "127.0.0.1", "-p", endpoint.Port.ToString(CultureInfo.InvariantCulture), "-U", SimulatorFixture.User, "-P", SimulatorFixture.Password, "-L", "USER", "-C", "3", "mc", "info"]));

        foreach (var (flag, up) in new[] { (true, "1"), (false, "0") })
        {
            var config = sim.Config(ScrapeMode.OnDemand, CollectorKind.Bmc);
            var module = config.Modules["default"] with
            {
                Labels = new Dictionary<string, string>(StringComparer.Ordinal),
                CipherSuites = [3],
                Workarounds = flag ? new HashSet<string>(StringComparer.Ordinal) { "intel20" } : new HashSet<string>(StringComparer.Ordinal),
            };
            config = config with { Modules = new Dictionary<string, ModuleConfig>(StringComparer.Ordinal) { ["default"] = module } };
            await using var served = await ServedExporter.StartAsync(config);
            var client = served.Client;
            var ours = Series(await client.GetStringAsync($"/ipmi?target={target}&module=default"));
            Assert.Equal(up, ours["ipmi_up{collector=\"bmc\"}"]);
        }
    }

    private static async Task<int> ExitCodeAsync(string file, string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{file} did not start");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _ = process.StandardOutput.ReadToEndAsync(deadline.Token);
        _ = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        return process.ExitCode;
    }

    private static string WholeSeconds(string ipmitoolSeconds) =>
        ((int)Math.Floor(double.Parse(ipmitoolSeconds.Split(' ')[0], CultureInfo.InvariantCulture))).ToString(CultureInfo.InvariantCulture);

    private static string Field(string output, string name) =>
        output.Split('\n').Select(l => l.Split(':', 2)).First(p => p.Length == 2 && p[0].Trim() == name)[1].Trim();

    private static Dictionary<string, string> Series(string exposition)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in exposition.Split('\n'))
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                var space = line.LastIndexOf(' ');
                result[line[..space]] = line[(space + 1)..];
            }
        }

        return result;
    }

    private static async Task<string> FreeIpmiAsync(string tool, string target, params string[] extra)
    {
        var cache = Directory.CreateTempSubdirectory("freeipmi-sdr-");
        try
        {
            string[] common = ["-D", "LAN_2_0", "-h", target, "-u", SimulatorFixture.User, "-p", SimulatorFixture.Password, "-l", "USER", "-I", "3"];
            string[] sdr = tool == "ipmi-sel" ? ["--sdr-cache-directory", cache.FullName, "--quiet-cache"] : [];
            return await RunAsync(tool, [.. common, .. sdr, .. extra]);
        }
        finally
        {
            cache.Delete(recursive: true);
        }
    }

    private static Task<string> IpmitoolAsync(int port, params string[] command) =>
        RunAsync("ipmitool", ["-I", "lanplus", "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", SimulatorFixture.User, "-P", SimulatorFixture.Password, "-L", "USER", "-C", "3", .. command]);

    private static async Task<string> RunAsync(string file, string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{file} did not start (install it: scripts/install-test-deps.sh)");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)}: exit {process.ExitCode}\n{await stderr}");
        return await stdout;
    }

    [GeneratedRegex(@"^System Firmware Version\s*:\s*(?<v>[0-9.]*)", RegexOptions.Multiline)]
    private static partial Regex FirmwareVersion();

    [GeneratedRegex(@"^Manufacturer ID\s*:\s*(?<v>.*)$", RegexOptions.Multiline)]
    private static partial Regex ManufacturerId();
}

using BmcExporter.Cli;
using BmcExporter.Config;
using BmcExporter.Tests.EndToEnd;

namespace BmcExporter.Tests.Cli;

/// <summary>
/// <c>check-config --probe</c> against a simulated BMC (typical-1u profile, real RMCP+ sessions on loopback): a config
/// with one inert SDR-related setting of each kind gives exactly those warnings; a clean config gives none. Collectors
/// the BMC answers as unsupported are checked against ipmi_sim (no DCMI), in the integration tests.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CheckConfigProbeTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bmc-exporter-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _sim = await SimulatorFixture.StartAsync(bmcs: 1);
        Directory.CreateDirectory(_dir);
    }

    private bool _stopped;

    public async Task DisposeAsync()
    {
        if (!_stopped)
        {
            await _sim.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    private string? _address;

    private string Address => _address ??= $"{_sim.Fleet.Endpoints[0].Address}:{_sim.Fleet.Endpoints[0].Port}";

    private Task<(int Code, string[] Warnings, string Stdout, string Stderr)> ProbeAsync(string module, params string[] flags) =>
        ProbeAtAsync(Address, module, flags);

    private async Task<(int Code, string[] Warnings, string Stdout, string Stderr)> ProbeAtAsync(string address, string module, params string[] flags)
    {
        var file = Path.Combine(_dir, "exporter.yaml");
        await File.WriteAllTextAsync(file, $"""
            scrape:
              timeout: 20s
            modules:
              default:
                user: {SimulatorFixture.User}
                password_env: BMC_PW
            {module}
            targets:
              - host: "{address}"
                module: default
            """);
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var env = new ConfigLoadOptions { GetEnvironmentVariable = n => n == "BMC_PW" ? SimulatorFixture.Password : null };
        var code = await CheckConfigCommand.RunAsync(["--probe", .. flags, file], stdout, stderr, env, CancellationToken.None);
        var text = stdout.ToString();
        var warnings = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).ToArray();
        return (code, warnings, text, stderr.ToString());
    }

    [Fact]
    public async Task Probe_CleanConfig_NoWarnings()
    {
        var (code, warnings, stdout, stderr) = await ProbeAsync("    collectors: [sensors, sel, chassis, bmc, dcmi, fru]", "--strict");

        Assert.True(code == 0, stdout + stderr);
        Assert.Empty(warnings);
        Assert.StartsWith("ok\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_InertSettings_ExactlyThoseWarnings()
    {
        const string Module = """
                collectors: [sensors, sel, chassis, bmc]
                sensors:
                  exclude_record_ids: [4000]
                  include_record_ids: []
                  exclude_types: [0x1B]
                  exclude: ['^No Such Sensor$']
                bridge_sensors: true
                workarounds: [assumebmcowner]
            """;
        var (code, warnings, stdout, stderr) = await ProbeAsync(Module);
        var (strictCode, _, _, _) = await ProbeAsync(Module, "--strict");

        Assert.True(code == 0, stdout + stderr);
        Assert.Equal(1, strictCode);
        var prefix = $"warning: {Address} (module default): ";
        string[] expected =
        [
            prefix + "sensors.exclude_record_ids (exclude_sensor_ids) 4000 matches no SDR record of this BMC",
            prefix + "sensors.exclude_types 0x1B matches no sensor of this BMC",
            prefix + "sensors.exclude '^No Such Sensor$' matches no sensor name of this BMC",
            prefix + "bridge_sensors does nothing: every sensor of this BMC's SDR is owned by the BMC itself; remove bridge_sensors from modules.default",
            prefix + "workaround 'assumebmcowner' does nothing: every sensor of this BMC's SDR is owned by the BMC itself; remove it from modules.default.workarounds",
        ];
        Assert.True(expected.Length == warnings.Length, string.Join('\n', warnings));
        Assert.Equal(expected, warnings);
    }

    [Fact]
    public async Task Probe_UnreachableTarget_OneWarningNamingTheCause()
    {
        var address = Address;
        await _sim.DisposeAsync();
        _stopped = true;

        var (code, warnings, stdout, stderr) = await ProbeAsync("    collectors: [sensors, chassis]\n    timeout: 200ms\n    retries: 0");

        Assert.True(code == 0, stdout + stderr);
        var warning = Assert.Single(warnings);
        Assert.True(warning.StartsWith($"warning: {address} (module default): probe: ipmi, chassis failed: unreachable: ", StringComparison.Ordinal), warning);
    }

    [Fact]
    public async Task Probe_SuiteTheBmcDoesNotList_WarnsThatSuiteOnly()
    {
        // typical-1u lists suites 17, 3, 2, 1.
        var (code, warnings, stdout, stderr) = await ProbeAsync("    collectors: [bmc]\n    cipher_suites: [17, 16]", "--strict");

        Assert.True(code == 1, stdout + stderr);
        Assert.Equal([$"warning: {Address} (module default): modules.default.cipher_suites: suite 16 is not offered by this BMC (Get Channel Cipher Suites lists [1, 2, 3, 17]), so every login tries it in vain; remove 16 from modules.default.cipher_suites"], warnings);
    }

    [Fact]
    public async Task Probe_NoSuiteTheBmcLists_SaysWhichToSet()
    {
        var (code, warnings, stdout, stderr) = await ProbeAsync("    collectors: [bmc]\n    cipher_suites: [16]");

        Assert.True(code == 0, stdout + stderr);
        Assert.Equal(2, warnings.Length);
        Assert.Equal($"warning: {Address} (module default): modules.default.cipher_suites [16]: none is offered by this BMC (Get Channel Cipher Suites lists [1, 2, 3, 17]), so no session opens; set modules.default.cipher_suites to suites it lists, e.g. [17, 3, 2, 1]", warnings[0]);
        Assert.StartsWith($"warning: {Address} (module default): probe: bmc failed: authentication: ", warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_PrivilegeAboveTheUsersLimit_WarnsPrivilege()
    {
        // The simulator's reader account is limited to USER.
        var (_, warnings, stdout, _) = await ProbeAsync("    collectors: [bmc]\n    privilege: operator");

        Assert.True(warnings.Length == 2, stdout);
        Assert.StartsWith($"warning: {Address} (module default): modules.default.privilege operator is above what this BMC grants user 'reader' (", warnings[0], StringComparison.Ordinal);
        Assert.EndsWith("lower modules.default.privilege (user is enough for every collector)", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith($"warning: {Address} (module default): probe: bmc failed: authentication: ", warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_WorkaroundsForQuirksThisBmcLacks_WarnsEach()
    {
        const string Module = """
                timeout: 500ms
                collectors: [sensors, sel]
                workarounds: [nochecksumcheck, ignorescanningdisabled, assumesystemevent, assumemaxsdrrecordcount]
            """;

        var (code, warnings, stdout, stderr) = await ProbeAsync(Module);

        Assert.True(code == 0, stdout + stderr);
        var prefix = $"warning: {Address} (module default): workaround ";
        Assert.True(warnings.Length == 4, string.Join('\n', warnings));
        Assert.StartsWith(prefix + "'nochecksumcheck' has no effect on this BMC because its responses carry correct checksums", warnings[0], StringComparison.Ordinal);
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(prefix) + @"'ignorescanningdisabled' has no effect on this BMC now because none of its \d+ sensors read reports 'scanning disabled'; remove it from modules.default.workarounds$", warnings[1]);
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(prefix) + @"'assumesystemevent' has no effect on this BMC now because none of its [1-9]\d* SEL records has an invalid record type; remove it from modules.default.workarounds$", warnings[2]);
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(prefix) + @"'assumemaxsdrrecordcount' has no effect on this BMC because its SDR walk ends by itself \(the last of its \d+ records points to FFFFh\); remove it from modules.default.workarounds$", warnings[3]);
    }

    [Fact]
    public async Task Probe_WorkaroundsForQuirksThisBmcShows_NoWorkaroundWarning()
    {
        await using var quirky = await SimulatorFixture.StartAsync(bmcs: 1, extraYaml: "quirks: [nochecksumcheck, ignorescanningdisabled, assumesystemevent, intel20]\n");
        var address = $"{quirky.Fleet.Endpoints[0].Address}:{quirky.Fleet.Endpoints[0].Port}";
        const string Module = """
                timeout: 500ms
                collectors: [sensors, sel]
                workarounds: [nochecksumcheck, ignorescanningdisabled, assumesystemevent, intel20]
            """;

        var (code, warnings, stdout, stderr) = await ProbeAtAsync(address, Module, "--strict");

        Assert.True(code == 0, stdout + stderr);
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task Probe_Intel20OnABmcWithoutTheQuirk_SaysItBreaksTheLogin()
    {
        var (_, warnings, stdout, _) = await ProbeAsync("    collectors: [bmc]\n    workarounds: [intel20]");

        Assert.True(warnings.Length == 2, stdout);
        Assert.StartsWith($"warning: {Address} (module default): workaround 'intel20' makes the login fail on this BMC (manufacturer ", warnings[0], StringComparison.Ordinal);
        Assert.EndsWith("the login fails with it and succeeds without it; remove it from modules.default.workarounds", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith($"warning: {Address} (module default): probe: bmc failed: authentication: ", warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_BmcRefusesTheCipherSuiteList_ANoteThatStrictDoesNotCount()
    {
        await using var refusing = await SimulatorFixture.StartAsync(bmcs: 1, extraYaml: "quirks: [nocipherlist]\n");
        var address = $"{refusing.Fleet.Endpoints[0].Address}:{refusing.Fleet.Endpoints[0].Port}";

        var (code, warnings, stdout, stderr) = await ProbeAtAsync(address, "    collectors: [bmc]\n    cipher_suites: [17, 3]", "--strict");
        var (warnedCode, warned, _, _) = await ProbeAtAsync(address, "    collectors: [sensors, bmc]\n    cipher_suites: [17, 3]\n    sensors:\n      exclude: ['^No Such Sensor$']", "--strict");

        Assert.True(code == 0, stdout + stderr);
        Assert.Empty(warnings);
        var note = Assert.Single(stdout.Split('\n'), l => l.StartsWith("note: ", StringComparison.Ordinal));
        Assert.StartsWith($"note: {address} (module default): modules.default.cipher_suites not checked: Get Channel Cipher Suites failed: ", note, StringComparison.Ordinal);

        // A finding beside the same note still fails --strict.
        Assert.Equal(1, warnedCode);
        Assert.Equal([$"warning: {address} (module default): sensors.exclude '^No Such Sensor$' matches no sensor name of this BMC"], warned);
    }
}

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

    private async Task<(int Code, string[] Warnings, string Stdout, string Stderr)> ProbeAsync(string module, params string[] flags)
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
              - host: "{Address}"
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
            prefix + "bridge_sensors does nothing: every sensor of this BMC's SDR is owned by the BMC itself",
            prefix + "workaround 'assumebmcowner' does nothing: every sensor of this BMC's SDR is owned by the BMC itself",
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
}

using BmcExporter.Cli;
using static BmcExporter.Tests.Config.ConfigTestHelpers;

namespace BmcExporter.Tests.Config;

public sealed class CheckConfigCommandTests
{
    [Fact]
    public void Run_ValidFile_PrintsOkAndWarningsExit0()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("exporter.yaml", "modules:\n  default:\n    password: very-secret\n");
        var (code, stdout, stderr) = Run(file);

        Assert.Equal(0, code);
        Assert.Equal($"ok\nwarning: {file}:3 modules.default.password: the password is written in the config file; prefer password_file or password_env\n", stdout);
        Assert.Empty(stderr);
        Assert.DoesNotContain("very-secret", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WorkaroundThatCannotApply_IsReportedWithItsLineAndReasonExit0()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("exporter.yaml", "modules:\n  default:\n    user: reader\n    workaround_flags: [opensesspriv, ignoreauthcode, altbridging]\n");
        var (code, stdout, stderr) = Run(file);

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("ok", lines[0]);
        var warnings = lines.Skip(1).ToList();
        Assert.Equal(3, warnings.Count);
        var warning = Assert.Single(warnings, w => w.Contains("'ignoreauthcode'", StringComparison.Ordinal));
        Assert.StartsWith($"warning: {file}:4 ", warning, StringComparison.Ordinal);
        Assert.Contains("workaround 'ignoreauthcode' has no effect: it skips the auth code check of IPMI 1.5 session packets only", warning, StringComparison.Ordinal);
        Assert.Contains("bmc-exporter always uses IPMI 2.0 (RMCP+)", warning, StringComparison.Ordinal);

        // The two flags whose behaviour is built in are named as doing nothing, so the operator can drop them.
        Assert.Single(warnings, w => w.Contains("workaround 'altbridging' has no effect: bmc-exporter always does this", StringComparison.Ordinal));
        Assert.Single(warnings, w => w.Contains("workaround 'opensesspriv' has no effect: bmc-exporter always does this", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_InvalidFile_PrintsEachErrorOnItsOwnLineExit1()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("exporter.yaml", "scrape:\n  mode: sometimes\nmodules:\n  default:\n    password: very-secret-password-too-long\n");
        var (code, stdout, stderr) = Run(file);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        var lines = stderr.TrimEnd('\n').Split('\n');
        Assert.Equal($"{file}:2 scrape.mode: 'sometimes' is not one of background, on_demand", lines[0]);
        Assert.Equal($"{file}:5 modules.default.password: the password is 29 bytes; IPMI allows at most 20", lines[1]);
        Assert.DoesNotContain("very-secret", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadTargetFile_IsReportedWithItsLine()
    {
        using var dir = new TempDirectory();
        dir.Write("fleet.txt", "10.0.0.1\n10.0.0.2:99999\n");
        var file = dir.Write("exporter.yaml", "target_files: [fleet.txt]\n");
        var (code, _, stderr) = Run(file);

        Assert.Equal(1, code);
        Assert.Equal($"{Path.Combine(dir.Path, "fleet.txt")}:2: the port is not a number in 1..65535\n", stderr);
    }

    [Fact]
    public void Run_SensorSettingsWithoutSensorsCollector_WarnsOnEachWithItsLine()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("exporter.yaml", """
            modules:
              default:
                user: reader
                collectors: [bmc, chassis, chassis]
                bridge_sensors: true
                metrics: [thresholds]
                workarounds: [discretereading]
                sel_events:
                  - name: ecc
                    regex: "^Correctable ECC"
            """);

        var (code, stdout, stderr) = Run(file);

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        var warnings = stdout.TrimEnd('\n').Split('\n').Skip(1).ToList();
        Assert.Contains($"warning: {file}:4 modules.default.collectors[2]: collector 'chassis' is listed twice", warnings);
        Assert.Contains($"warning: {file}:5 modules.default.bridge_sensors: bridge_sensors concerns sensor readings, but module 'default' does not enable the sensors collector, so it has no effect; add 'sensors' to collectors or remove bridge_sensors", warnings);
        Assert.Contains(warnings, w => w.StartsWith($"warning: {file}:6 modules.default.metrics: metrics concerns sensor readings", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith($"warning: {file}:7 ", StringComparison.Ordinal) && w.Contains("workaround 'discretereading' only changes how sensors are read", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith($"warning: {file}:8 modules.default.sel_events: sel_events feeds the sel-events collector", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_SensorSettingsWithSensorsCollector_NoInertWarnings()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("exporter.yaml", "modules:\n  default:\n    user: reader\n    collectors: [sensors, bmc]\n    bridge_sensors: true\n    metrics: [thresholds]\n    workarounds: [discretereading]\n");

        var (code, stdout, _) = Run(file);

        Assert.Equal(0, code);
        Assert.Equal("ok\n", stdout);
    }

    [Fact]
    public void Run_EmptySensorSettingsWithoutSensorsCollector_NoInertWarnings()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("exporter.yaml", "modules:\n  default:\n    user: reader\n    collectors: [bmc]\n    bridge_sensors: false\n    metrics: []\n    sel_events: []\n");

        var (code, stdout, _) = Run(file);

        Assert.Equal(0, code);
        Assert.Equal("ok\n", stdout);
    }

    [Fact]
    public void UnimplementedCollectors_CollectorWithoutImplementation_WarnsWithTheModuleKey()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("exporter.yaml", "modules:\n  default:\n    user: reader\n    collectors: [sensors, bmc-watchdog]\n");
        var config = BmcExporter.Config.ConfigLoader.Load(file, Env()).Config!;

        var warnings = CheckConfigCommand.UnimplementedCollectors(config, new HashSet<BmcExporter.Config.CollectorKind> { BmcExporter.Config.CollectorKind.Sensors }).Select(w => w.ToString()).ToList();

        var warning = Assert.Single(warnings);
        Assert.Equal($"{file} modules.default.collectors: bmc-exporter does not implement the bmc-watchdog collector, so ipmi_up{{collector=\"bmc-watchdog\"}} is always 0; remove 'bmc-watchdog' from the collectors", warning);
    }

    [Fact]
    public void Run_NoArgument_PrintsUsageExit2()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        Assert.Equal(2, CheckConfigCommand.Run([], stdout, stderr, Env()));
        Assert.Equal("usage: bmc-exporter check-config [--probe] [--strict] FILE\n", stderr.ToString());
    }

    [Fact]
    public void Run_WorkaroundTheClientAlwaysApplies_WarnsNoEffectOthersNot()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("exporter.yaml", "modules:\n  default:\n    user: reader\n    workarounds: [opensesspriv, discretereading]\n");
        var (code, stdout, _) = Run(file);

        Assert.Equal(0, code);
        Assert.Equal($"ok\nwarning: {file} modules.default.workarounds: workaround 'opensesspriv' has no effect: bmc-exporter always does this (Open Session requests the real privilege, so BMCs that hash keys with it agree with the client); remove it from the workarounds\n", stdout);
    }

    [Fact]
    public void Run_AllowCipherSuite0WithoutSuite0_WarnsOnlyThen()
    {
        using var dir = new TempDirectory();
        var inert = dir.Write("inert.yaml", "modules:\n  default:\n    user: reader\n    allow_cipher_suite_0: true\n    cipher_suites: [17, 3]\n");
        var used = dir.Write("used.yaml", "modules:\n  default:\n    user: reader\n    allow_cipher_suite_0: true\n    cipher_suites: [3, 0]\n");

        Assert.Contains($"warning: {inert} modules.default.allow_cipher_suite_0: allow_cipher_suite_0 has no effect: cipher_suites [17, 3] does not list suite 0; remove allow_cipher_suite_0\n", Run(inert).Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("allow_cipher_suite_0 has no effect", Run(used).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AllZeroKg_WarnsNoEffectOnlyThen()
    {
        using var dir = new TempDirectory();
        var zero = dir.Write("zero.yaml", "modules:\n  default:\n    user: reader\n    kg_hex: '0x0000000000'\n");
        var set = dir.Write("set.yaml", "modules:\n  default:\n    user: reader\n    kg_env: KG\n");

        var (code, stdout, _) = Run(zero);

        Assert.Equal(0, code);
        Assert.Contains($"warning: {zero} modules.default.kg: a K_g of all zero bytes has no effect: the BMC and bmc-exporter then key the session with the password (IPMI v2.0 §13.31); remove kg_file, kg_env or kg_hex\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("K_g of all zero", Run(set, Env(("KG", "bmckeysecret"))).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Strict_WarningExits1CleanExits0()
    {
        using var dir = new TempDirectory();
        var warned = dir.Write("warned.yaml", "modules:\n  default:\n    user: reader\n    workarounds: [authcap]\n");
        var clean = dir.Write("clean.yaml", "modules:\n  default:\n    user: reader\n");

        Assert.Equal(1, await CheckConfigCommand.RunAsync(["--strict", warned], TextWriter.Null, TextWriter.Null, Env(), CancellationToken.None));
        Assert.Equal(0, await CheckConfigCommand.RunAsync([warned], TextWriter.Null, TextWriter.Null, Env(), CancellationToken.None));
        Assert.Equal(0, await CheckConfigCommand.RunAsync(["--strict", clean], TextWriter.Null, TextWriter.Null, Env(), CancellationToken.None));
    }

    private static (int Code, string Stdout, string Stderr) Run(string file) => Run(file, Env());

    private static (int Code, string Stdout, string Stderr) Run(string file, BmcExporter.Config.ConfigLoadOptions env)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = CheckConfigCommand.Run([file], stdout, stderr, env);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

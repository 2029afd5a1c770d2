using System.Globalization;
using System.Net.Sockets;
using BmcExporter.Cli;
using BmcExporter.Config;
using BmcExporter.Tests.Fakes;

namespace BmcExporter.Tests.Cli;

/// <summary>
/// <c>check-config --probe</c> against OpenIPMI's ipmi_sim configured without a SEL (no <c>sel_enable</c>: Get SEL Info
/// answers 0xC1) and listing cipher suites 0-11 in session (no 17): the sel and sel-events collectors, the
/// <c>sel_events</c> setting and suite 17 are each named with what to change; the same module on a simulated BMC that
/// has a SEL and suite 17 gives none of these (CheckConfigProbeTests). K_g against ipmi_sim's <c>bmc_key</c>: needed,
/// breaking the login, and right. Started as the parity tests start it (harness.md §1); a missing ipmi_sim fails the
/// test.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CheckConfigProbeIpmiSimTests
{
    // Device support 0x9B: no SEL device bit, and no sel_enable, so the SEL commands are not there.
    private const string SimEmu = """
        mc_setbmc 0x20
        mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9b 0x1291 0xf02
        sensor_add 0x20 0 1 0x01 0x01
        sensor_set_value 0x20 0 1 45 0
        sensor_set_event_support 0x20 0 1 enable scanning per-state 000111111111111 000111111111111 000111111111111 000111111111111
        main_sdr_add 0x20 0x00 0x00 0x51 0x01 0x33 0x20 0x00 0x01 0x07 0x01 0x7f 0x68 0x01 0x01 0x95 0x0a 0x95 0x7a 0x3f 0x3f 0x00 0x01 0x00 0x00 0x01 0x00 0x00 0x00 0x00 0x00 0x07 0x00 0xff 0x00 0xff 0x00 0x64 0x5a 0x50 0x00 0x05 0x0a 0x02 0x02 0x00 0x00 0x00 0xc8 0x43 0x50 0x55 0x20 0x54 0x65 0x6d 0x70
        mc_enable 0x20
        """;

    [Fact]
    public async Task Probe_IpmiSimWithoutSelOrSuite17_WarnsSelCollectorsSelEventsAndSuite17()
    {
        var dir = Directory.CreateTempSubdirectory("bmc-probe-nosel-");
        var port = IpmiSimHarness.FreePort(SocketType.Dgram, ProtocolType.Udp);
        await IpmiSimHarness.WriteFilesAsync(dir.FullName, IpmiSimHarness.LanConf("nosel", port), SimEmu);
        var file = Path.Combine(dir.FullName, "exporter.yaml");
        await File.WriteAllTextAsync(file, $"""
            scrape:
              timeout: 20s
            modules:
              default:
                user: reader
                password_env: BMC_PW
                cipher_suites: [17, 3]
                collectors: [sensors, sel, sel-events, bmc]
                sel_events:
                  - name: intrusion
                    regex: "Intrusion.*"
            targets:
              - host: "127.0.0.1:{port}"
            """);
        using var sim = IpmiSimHarness.Start(dir.FullName);
        try
        {
            Assert.True(await IpmiSimHarness.WaitForIpmitoolAsync(sim, port), $"ipmi_sim did not answer ipmitool on port {port} (exited: {sim.HasExited})");
            using var stdout = new StringWriter { NewLine = "\n" };
            using var stderr = new StringWriter { NewLine = "\n" };
            var env = new ConfigLoadOptions { GetEnvironmentVariable = n => n == "BMC_PW" ? "readpass" : null };

            var code = await CheckConfigCommand.RunAsync(["--probe", "--strict", file], stdout, stderr, env, CancellationToken.None);

            var warnings = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).ToList();
            Assert.True(code == 1, stdout.ToString() + stderr);
            var prefix = $"warning: 127.0.0.1:{port} (module default): ";
            Assert.True(warnings.Count == 4, string.Join('\n', warnings));
            Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(prefix + "modules.default.cipher_suites: suite 17 is not offered by this BMC (Get Channel Cipher Suites lists [0, 1, 2, 3") + ".*\\), so every login tries it in vain; remove 17 from modules\\.default\\.cipher_suites$", warnings[0]);
            Assert.StartsWith(prefix + "collector 'sel' does nothing on this BMC: not supported by the BMC: netfn 0x0A cmd 0x40 answered 0xC1", warnings[1], StringComparison.Ordinal);
            Assert.EndsWith("; remove 'sel' from modules.default.collectors", warnings[1], StringComparison.Ordinal);
            Assert.StartsWith(prefix + "collector 'sel-events' does nothing on this BMC: ", warnings[2], StringComparison.Ordinal);
            Assert.Equal(prefix + "modules.default.sel_events has no effect on this BMC because its SEL cannot be read (the sel-events collector is unsupported); remove sel_events and 'sel-events' from modules.default.collectors", warnings[3]);
        }
        finally
        {
            await IpmiSimHarness.StopAsync(sim);
            dir.Delete(recursive: true);
        }
    }

    // ipmi_sim's bmc_key is its K_g (two-key login, IPMI v2.0 §13.31); its Get Channel Authentication Capabilities
    // then reports the K_g status bit set (FreeIPMI's bmc-info --debug: authentication_status.k_g = 1), and 0 without.
    private const string BmcKey = "bmckeysecret";

    private const string PlainEmu = """
        mc_setbmc 0x20
        mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02
        mc_enable 0x20
        """;

    [Fact]
    public async Task Probe_IpmiSimWithKgAndAModuleWithout_SaysTheKgIsNeeded()
    {
        var (code, lines) = await ProbeKgAsync(bmcHasKey: true, moduleKg: null);

        Assert.Equal(1, code);
        Assert.Contains("warning: 127.0.0.1:{PORT} (module default): modules.default needs a K_g on this BMC: the password is right (RAKP 2) but the session keys differ (RAKP 4); Get Channel Authentication Capabilities reports a K_g set (two-key login); set modules.default.kg_file or kg_env to the BMC's key", lines);
    }

    [Fact]
    public async Task Probe_IpmiSimWithoutKgAndAModuleWithOne_SaysItBreaksTheLogin()
    {
        var (code, lines) = await ProbeKgAsync(bmcHasKey: false, moduleKg: "some-other-key");

        Assert.Equal(1, code);
        Assert.Contains("warning: 127.0.0.1:{PORT} (module default): modules.default K_g makes the login fail on this BMC: it has no K_g, so the login fails at RAKP 4 with it and succeeds without it; Get Channel Authentication Capabilities reports no K_g; remove kg_file, kg_env or kg_hex from modules.default", lines);
    }

    [Fact]
    public async Task Probe_IpmiSimWithKgAndTheRightKg_NoWarning()
    {
        var (code, lines) = await ProbeKgAsync(bmcHasKey: true, moduleKg: BmcKey);

        Assert.True(code == 0, string.Join('\n', lines));
        Assert.DoesNotContain(lines, l => l.StartsWith("warning: ", StringComparison.Ordinal));
    }

    /// <summary>
    /// <c>check-config --probe --strict</c> of one module (collector bmc, suite 3, K_g from <c>KG</c> when
    /// <paramref name="moduleKg"/> is given) against an ipmi_sim with or without a K_g. Lines have the port as {PORT}.
    /// </summary>
    private static async Task<(int Code, List<string> Lines)> ProbeKgAsync(bool bmcHasKey, string? moduleKg)
    {
        var dir = Directory.CreateTempSubdirectory("bmc-probe-kg-");
        var port = IpmiSimHarness.FreePort(SocketType.Dgram, ProtocolType.Udp);
        await IpmiSimHarness.WriteFilesAsync(dir.FullName, IpmiSimHarness.LanConf("kg", port, bmcHasKey ? BmcKey : null), PlainEmu);
        var file = Path.Combine(dir.FullName, "exporter.yaml");
        await File.WriteAllTextAsync(file, $"""
            scrape:
              timeout: 20s
            modules:
              default:
                user: reader
                password_env: BMC_PW
                cipher_suites: [3]
                collectors: [bmc]
            {(moduleKg is null ? string.Empty : "    kg_env: KG")}
            targets:
              - host: "127.0.0.1:{port}"
            """);
        using var sim = IpmiSimHarness.Start(dir.FullName);
        try
        {
            Assert.True(await IpmiSimHarness.WaitForIpmitoolAsync(sim, port, bmcHasKey ? BmcKey : null), $"ipmi_sim did not answer ipmitool on port {port} (exited: {sim.HasExited})");
            using var stdout = new StringWriter { NewLine = "\n" };
            using var stderr = new StringWriter { NewLine = "\n" };
            var env = new ConfigLoadOptions { GetEnvironmentVariable = n => n switch { "BMC_PW" => "readpass", "KG" => moduleKg, _ => null } };

            var code = await CheckConfigCommand.RunAsync(["--probe", "--strict", file], stdout, stderr, env, CancellationToken.None);

            var lines = (stdout.ToString() + stderr).Replace(port.ToString(CultureInfo.InvariantCulture), "{PORT}", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
            return (code, lines);
        }
        finally
        {
            await IpmiSimHarness.StopAsync(sim);
            dir.Delete(recursive: true);
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using BmcExporter.Cli;
using BmcExporter.Tests.Security;

namespace BmcExporter.Tests.Cli;

/// <summary><c>bmc-exporter audit</c> against the project's simulator: exit codes, JSON and table output.</summary>
public sealed class AuditCommandTests
{
    private static string? Env(string name) => name == "PW" ? SecurityFleet.Password : null;

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await AuditCommand.RunAsync(args, stdout, stderr, Env, TimeProvider.System, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string[] Flags(SecurityFleet fleet, params string[] extra) =>
        ["--target", $"127.0.0.1:{fleet.Port}", "--user", SecurityFleet.User, "--password-env", "PW", "--timeout", "0.5", "--retries", "1", .. extra];

    [Fact]
    public async Task RunAsync_Help_ListsEveryAuditFlagAndExitsZero()
    {
        var (code, output, err) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Empty(err);
        foreach (var flag in new[] { "--target", "--targets-file", "--config", "--module", "--user", "--password-file", "--password-env", "--privilege", "--cipher-suite", "--timeout", "--retries", "--default-password-check", "--fail-on", "--parallel", "--deadline", "--output" })
        {
            Assert.Contains(flag, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunAsync_InlinePassword_IsRefusedWithExitTwo()
    {
        var (code, _, err) = await RunAsync("--target", "h", "--user", "u", "--password", "x");

        Assert.Equal(2, code);
        Assert.Contains("--password-file", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HardenedSimulator_NoFindingsExitZero()
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile());

        var (code, output, _) = await RunAsync(Flags(fleet, "--output", "json", "--default-password-check", "--fail-on", "info"));

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var bmc = Assert.Single(doc.RootElement.GetProperty("bmcs").EnumerateArray());
        Assert.True(bmc.GetProperty("reached").GetBoolean());
        Assert.Empty(bmc.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task RunAsync_SuiteZeroSimulator_ExactlyThatFindingExitOne()
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile("[0, 17, 3]"));

        var (code, output, _) = await RunAsync(Flags(fleet, "--output", "json"));

        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        var finding = Assert.Single(doc.RootElement.GetProperty("bmcs")[0].GetProperty("findings").EnumerateArray());
        Assert.Equal("cipher_suite_zero_accepted", finding.GetProperty("id").GetString());
        Assert.Equal("critical", finding.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task RunAsync_PerMessageAuthDisabled_WarningFailsOnlyAtFailOnWarning()
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile(extra: "security: { perMessageAuthDisabled: true }"));

        var (critical, table, _) = await RunAsync(Flags(fleet));
        var (warning, _, _) = await RunAsync(Flags(fleet, "--fail-on", "warning"));

        Assert.Equal(0, critical);
        Assert.Equal(1, warning);
        Assert.Contains("per_message_auth_disabled", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnreachableBmc_CriticalUnreachableFinding()
    {
        var port = FreeUdpPort();
        var (code, output, _) = await RunAsync("--target", $"127.0.0.1:{port}", "--user", "u", "--password-env", "PW", "--timeout", "0.2", "--retries", "0", "--output", "json");

        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        var bmc = doc.RootElement.GetProperty("bmcs")[0];
        Assert.False(bmc.GetProperty("reached").GetBoolean());
        Assert.Equal("unreachable", bmc.GetProperty("findings")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task RunAsync_TargetsFile_EveryListedBmcWithItsOwnFindings()
    {
        await using var hardened = await SecurityFleet.StartAsync(SecurityFleet.Profile());
        await using var weak = await SecurityFleet.StartAsync(SecurityFleet.Profile("[0, 17, 3]"));
        using var dir = new TempDir();
        var file = dir.Write("fleet.txt", $"# two BMCs\n127.0.0.1:{hardened.Port}\n127.0.0.1:{weak.Port}\n");

        var (code, output, _) = await RunAsync("--targets-file", file, "--user", SecurityFleet.User, "--password-env", "PW", "--timeout", "0.5", "--retries", "1", "--output", "json");

        Assert.Equal(1, code);
        var findings = FindingsByPort(output);
        Assert.Empty(findings[hardened.Port]);
        Assert.Equal(["cipher_suite_zero_accepted"], findings[weak.Port]);
    }

    [Fact]
    public async Task RunAsync_ConfigFile_EveryTargetWithItsModuleAndModuleSelectsOne()
    {
        await using var hardened = await SecurityFleet.StartAsync(SecurityFleet.Profile());
        await using var anonymous = await SecurityFleet.StartAsync(SecurityFleet.Profile(extra: "security: { anonymousLogin: true }"));
        using var dir = new TempDir();
        var config = dir.Write("exporter.yaml", $"""
            modules:
              default:
                user: {SecurityFleet.User}
                password_env: PW
                timeout: 500ms
                retries: 1
              lab:
                user: {SecurityFleet.User}
                password_env: PW
                timeout: 500ms
                retries: 1
            targets:
              - host: "127.0.0.1:{hardened.Port}"
                module: default
              - host: "127.0.0.1:{anonymous.Port}"
                module: lab
            """);

        var (all, allOutput, allErr) = await RunAsync("--config", config, "--output", "json");
        var (lab, labOutput, _) = await RunAsync("--config", config, "--module", "lab", "--output", "json");
        var (fine, fineOutput, _) = await RunAsync("--config", config, "--module", "default", "--output", "json");

        Assert.True(all == 1, allErr);
        var findings = FindingsByPort(allOutput);
        Assert.Equal(new[] { hardened.Port, anonymous.Port }.Order(), findings.Keys.Order());
        Assert.Empty(findings[hardened.Port]);
        Assert.Equal(["anonymous_login_enabled"], findings[anonymous.Port]);
        Assert.Equal(1, lab);
        Assert.Equal([anonymous.Port], FindingsByPort(labOutput).Keys);
        Assert.Equal("lab", JsonDocument.Parse(labOutput).RootElement.GetProperty("bmcs")[0].GetProperty("module").GetString());
        Assert.Equal(0, fine);
        Assert.Equal([hardened.Port], FindingsByPort(fineOutput).Keys);
    }

    [Fact]
    public async Task RunAsync_ConfigWithTargetsFile_FileTargetsUseTheConfigsModules()
    {
        await using var weak = await SecurityFleet.StartAsync(SecurityFleet.Profile("[0, 17, 3]"));
        using var dir = new TempDir();
        var config = dir.Write("exporter.yaml", $"""
            modules:
              default:
                user: nobody
                password_env: PW
              lab:
                user: {SecurityFleet.User}
                password_env: PW
                timeout: 500ms
                retries: 1
            """);
        var file = dir.Write("fleet.txt", $"127.0.0.1:{weak.Port} lab\n");

        var (code, output, err) = await RunAsync("--config", config, "--targets-file", file, "--output", "json");

        Assert.True(code == 1, err);
        Assert.Equal(["cipher_suite_zero_accepted"], FindingsByPort(output)[weak.Port]);
    }

    [Theory]
    [InlineData("--module", "lab", "--target", "h")]
    [InlineData("--config", "CONFIG", "--user", "u")]
    [InlineData("--config", "CONFIG", "--module", "missing")]
    public async Task RunAsync_ConfigAndModuleMisuse_UsageErrorExitTwo(string flag1, string value1, string flag2, string value2)
    {
        using var dir = new TempDir();
        var config = dir.Write("exporter.yaml", "modules:\n  default:\n    user: u\n    password_env: PW\ntargets:\n  - host: 127.0.0.1\n");

        var (code, output, err) = await RunAsync(flag1, value1.Replace("CONFIG", config, StringComparison.Ordinal), flag2, value2);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(flag2 == "--user" ? "--user" : "--module", err, StringComparison.Ordinal);
    }

    /// <summary>The finding ids of each audited BMC of a JSON report, by its port.</summary>
    private static Dictionary<int, List<string>> FindingsByPort(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("bmcs").EnumerateArray().ToDictionary(
            b => int.Parse(b.GetProperty("target").GetString()!.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture),
            b => b.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList());
    }

    /// <summary>A UDP port nothing listens on: bound by the kernel's choice, then released.</summary>
    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private sealed class TempDir : IDisposable
    {
        private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("bmc-audit-");

        public string Write(string name, string text)
        {
            var path = Path.Combine(_dir.FullName, name);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose() => _dir.Delete(recursive: true);
    }
}

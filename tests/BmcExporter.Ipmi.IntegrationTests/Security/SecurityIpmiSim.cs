using System.Diagnostics;
using System.Globalization;
using System.Text;
using BmcExporter.Ipmi.IntegrationTests.Sim;
using BmcExporter.Ipmi.IntegrationTests.Tools;

namespace BmcExporter.Ipmi.IntegrationTests.Security;

/// <summary>
/// ipmi_sim configured through lan.conf the way a security test needs: which users exist (user 1 is the null user,
/// ipmi_lan(5)), their passwords and privileges, and the IPMI 1.5 authentication types each privilege level allows.
/// It runs under the same guard as <see cref="LocalIpmiSim"/>: the guard kills it when our end of its stdin closes.
/// </summary>
internal sealed class SecurityIpmiSim : IAsyncDisposable, IBmcTarget
{
    public const string Admin = "admin";
    public const string AdminPassword = "s3cret-admin";
    public const string Reader = "reader";
    public const string ReaderPassword = "readpass";

    private const string GuardScript =
        "\"$0\" \"$@\" >\"$SIM_LOG\" 2>&1 </dev/null & pid=$!; echo \"$pid\"; read -r _; kill -KILL \"$pid\" 2>/dev/null; wait \"$pid\" 2>/dev/null; rm -rf \"${SIM_DIR:?}\"; exit 0";

    private readonly Process _guard;
    private readonly DirectoryInfo _dir;

    private SecurityIpmiSim(Process guard, DirectoryInfo dir, int port)
    {
        _guard = guard;
        _dir = dir;
        Port = port;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Starts ipmi_sim with <paramref name="authTypes"/> allowed at every level and the given extra user lines.</summary>
    public static async Task<SecurityIpmiSim> StartAsync(string authTypes, IEnumerable<string> extraUsers, CancellationToken cancellationToken)
    {
        string ipmiSim = LocalIpmiSim.RequireIpmiSim(RepoPaths.FindOnPath("ipmi_sim"));
        DirectoryInfo dir = Directory.CreateTempSubdirectory("bmcsec-");
        Directory.CreateDirectory(Path.Combine(dir.FullName, "state"));
        int port = UdpPorts.FindFree();
        var lan = new StringBuilder();
        lan.AppendLine("name \"secsim\"");
        lan.AppendLine("set_working_mc 0x20");
        lan.AppendLine("  startlan 1");
        lan.AppendLine(CultureInfo.InvariantCulture, $"    addr 127.0.0.1 {port}");
        lan.AppendLine("    priv_limit admin");
        foreach (string level in new[] { "callback", "user", "operator", "admin" })
        {
            lan.AppendLine(CultureInfo.InvariantCulture, $"    allowed_auths_{level} {authTypes}");
        }

        lan.AppendLine("    guid a123456789abcdefa123456789abcdef");
        lan.AppendLine("  endlan");
        lan.AppendLine(CultureInfo.InvariantCulture, $"  user 2 true \"{Admin}\" \"{AdminPassword}\" admin 10 {authTypes}");
        lan.AppendLine(CultureInfo.InvariantCulture, $"  user 3 true \"{Reader}\" \"{ReaderPassword}\" user 10 {authTypes}");
        foreach (string user in extraUsers)
        {
            lan.AppendLine("  " + user);
        }

        string lanPath = Path.Combine(dir.FullName, "lan.conf");
        string emuPath = Path.Combine(dir.FullName, "sim.emu");
        await File.WriteAllTextAsync(lanPath, lan.ToString(), cancellationToken);
        await File.WriteAllTextAsync(emuPath, "mc_setbmc 0x20\nmc_add 0x20 0x20 no-device-sdrs 0x01 1 0x00 0x9f 0x0011be 0x0001\nsel_enable 0x20 1000 0x0a\nmc_enable 0x20\n", cancellationToken);
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { "-c", GuardScript, ipmiSim, "-c", lanPath, "-f", emuPath, "-s", Path.Combine(dir.FullName, "state"), "-n" })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["SIM_LOG"] = Path.Combine(dir.FullName, "ipmi_sim.log");
        psi.Environment["SIM_DIR"] = dir.FullName;
        Process guard = Process.Start(psi) ?? throw new InvalidOperationException("could not start /bin/sh for ipmi_sim");
        var sim = new SecurityIpmiSim(guard, dir, port);
        using var pidTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        pidTimeout.CancelAfter(TimeSpan.FromSeconds(5));
        string? pid = await guard.StandardOutput.ReadLineAsync(pidTimeout.Token);
        bool ready = pid is not null && await SimProbe.WaitUntilAnswersAsync(sim.Host, port, attempts: 50, TimeSpan.FromMilliseconds(200), () => Directory.Exists($"/proc/{pid}"), cancellationToken);
        if (!ready)
        {
            await sim.DisposeAsync();
            throw new InvalidOperationException($"ipmi_sim on port {port} did not answer within 10 s");
        }

        return sim;
    }

    /// <summary>Runs ipmitool lanplus (suite 3) as <paramref name="user"/>, password through IPMI_PASSWORD.</summary>
    public async Task<string> IpmitoolAsync(string user, string password, string privilege, CancellationToken cancellationToken, params string[] command)
    {
        string tool = ToolRunner.Require("ipmitool", "ipmitool");
        string[] args = ["-I", "lanplus", "-H", Host, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", user, "-E", "-L", privilege, "-C", "3", "-N", "2", "-R", "2", .. command];
        ToolResult result = await ToolRunner.RunAsync(tool, args, TimeSpan.FromSeconds(30), cancellationToken, new Dictionary<string, string> { ["IPMI_PASSWORD"] = password });
        return result.ExitCode == 0 ? result.Stdout : throw new InvalidOperationException($"ipmitool {string.Join(' ', command)} failed: {result}");
    }

    /// <summary>
    /// Runs FreeIPMI's ipmi-config over LAN_2_0 (suite 3, the opensesspriv workaround ipmi_sim needs) as
    /// <paramref name="user"/> at ADMIN privilege (the test account's password on the command line, as FreeIpmi does).
    /// </summary>
    public async Task<string> IpmiConfigAsync(string user, string password, CancellationToken cancellationToken, params string[] options)
    {
        string tool = ToolRunner.Require("ipmi-config", "freeipmi-tools");
        string[] args = ["-D", "LAN_2_0", "-h", $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}", "-u", user, "-p", password, "-l", "ADMIN", "-I", "3", "-W", "opensesspriv", .. options];
        ToolResult result = await ToolRunner.RunAsync(tool, args, TimeSpan.FromSeconds(30), cancellationToken);
        // Against ipmi_sim, ipmi-config 1.6 exits 1 after printing the whole section, with nothing on stderr: a
        // complete section (EndSection) is its answer; the caller checks every key it needs is there.
        bool complete = result.ExitCode == 0 || (result.ExitCode == 1 && result.Stdout.Contains("EndSection", StringComparison.Ordinal) && result.Stderr.Trim().Length == 0);
        return complete ? result.Stdout : throw new InvalidOperationException($"ipmi-config {string.Join(' ', options)} failed: {result}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _guard.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _guard.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _guard.Kill(entireProcessTree: true);
        }
        finally
        {
            _guard.Dispose();
            if (_dir.Exists)
            {
                _dir.Delete(recursive: true);
            }
        }
    }
}

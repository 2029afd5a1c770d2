using System.Diagnostics;
using System.Globalization;
using BmcExporter.Ipmi.IntegrationTests.Tools;

namespace BmcExporter.Ipmi.IntegrationTests.Sim;

/// <summary>
/// ipmi_sim as a child process on 127.0.0.1 with a fresh config and state directory. It runs under a tiny
/// shell guard that kills it when the guard's stdin closes, so even a crashed test host leaves no orphan.
/// </summary>
internal sealed class LocalIpmiSim : ISimHost
{
    // The guard starts ipmi_sim in the background, prints its PID, then waits for stdin EOF (our Dispose or
    // our death), SIGKILLs it (that also works on a SIGSTOPped process) and removes the temp directory.
    private const string GuardScript =
        "\"$0\" \"$@\" >\"$SIM_LOG\" 2>&1 </dev/null & pid=$!; echo \"$pid\"; read -r _; kill -KILL \"$pid\" 2>/dev/null; wait \"$pid\" 2>/dev/null; " +
        "[ \"$SIM_KEEP\" = 1 ] || rm -rf \"${SIM_DIR:?}\"; exit 0";

    private readonly Process _guard;
    private readonly DirectoryInfo _dir;
    private readonly string _logPath;
    private int _disposed;

    private LocalIpmiSim(Process guard, int pid, DirectoryInfo dir, string logPath, int port)
    {
        _guard = guard;
        Pid = pid;
        _dir = dir;
        _logPath = logPath;
        Port = port;
    }

    public string Host => "127.0.0.1";

    /// <summary>BMC_HARNESS_KEEP_DIR=1 keeps the generated configuration and simulator log for debugging.</summary>
    private static bool KeepDirectory => Environment.GetEnvironmentVariable("BMC_HARNESS_KEEP_DIR") == "1";

    public int Port { get; }

    public int Pid { get; }

    public string Description => $"local ipmi_sim pid {Pid} on {Host}:{Port} (config in {_dir.FullName})";

    /// <summary>Starts a simulator on <paramref name="port"/> (a restart on the same address) or on a fresh free port.</summary>
    public static async Task<LocalIpmiSim> StartAsync(int? port, CancellationToken cancellationToken)
    {
        string ipmiSim = RequireIpmiSim(RepoPaths.FindOnPath("ipmi_sim"));

        DirectoryInfo dir = Directory.CreateTempSubdirectory("bmcsim-");
        string state = Directory.CreateDirectory(Path.Combine(dir.FullName, "state")).FullName;
        string chassis = Path.Combine(dir.FullName, SimConfigWriter.ChassisScriptName);
        await File.WriteAllTextAsync(chassis, SimConfigWriter.ChassisScript(), cancellationToken);
        File.SetUnixFileMode(chassis, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        int udpPort = port ?? UdpPorts.FindFree();
        string lan = Path.Combine(dir.FullName, "lan.conf");
        string emu = Path.Combine(dir.FullName, "sim.emu");
        await File.WriteAllTextAsync(lan, SimConfigWriter.LanConf("127.0.0.1", udpPort, chassis), cancellationToken);
        await File.WriteAllTextAsync(emu, SimConfigWriter.Emu(), cancellationToken);
        string log = Path.Combine(dir.FullName, "ipmi_sim.log");

        var psi = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "-c", GuardScript, ipmiSim, "-c", lan, "-f", emu, "-s", state, "-n" })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["SIM_LOG"] = log;
        psi.Environment["SIM_DIR"] = dir.FullName;
        psi.Environment["SIM_KEEP"] = KeepDirectory ? "1" : "0";
        Process guard = Process.Start(psi) ?? throw new InvalidOperationException("could not start /bin/sh for ipmi_sim");
        using var pidTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        pidTimeout.CancelAfter(TimeSpan.FromSeconds(5));
        string? line = await guard.StandardOutput.ReadLineAsync(pidTimeout.Token);
        if (!int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
        {
            guard.Kill(entireProcessTree: true);
            guard.Dispose();
            throw new InvalidOperationException($"ipmi_sim guard printed no PID ('{line}')");
        }

        var sim = new LocalIpmiSim(guard, pid, dir, log, udpPort);
        try
        {
            bool ready = await SimProbe.WaitUntilAnswersAsync(
                sim.Host, udpPort, attempts: 50, TimeSpan.FromMilliseconds(200), () => Directory.Exists($"/proc/{pid}"), cancellationToken);
            if (!ready)
            {
                string output = await sim.ReadLogAsync(cancellationToken);
                throw new InvalidOperationException($"{sim.Description} did not answer Get Channel Auth Caps within 10 s. Its output:\n{output}");
            }

            return sim;
        }
        catch
        {
            await sim.DisposeAsync();
            throw;
        }
    }

    /// <summary>CI must fail, never skip, when the simulator is not installed.</summary>
    internal static string RequireIpmiSim(string? found) => found
        ?? throw new InvalidOperationException(
            "ipmi_sim not found on PATH: the integration tests need OpenIPMI's simulator (Debian package 'openipmi', installed by scripts/install-test-deps.sh). Refusing to skip.");

    public Task SuspendAsync(CancellationToken cancellationToken) => SignalAsync("-STOP", cancellationToken);

    public Task ResumeAsync(CancellationToken cancellationToken) => SignalAsync("-CONT", cancellationToken);

    public async Task<string> ReadLogAsync(CancellationToken cancellationToken) =>
        File.Exists(_logPath) ? await File.ReadAllTextAsync(_logPath, cancellationToken) : "(no output)";

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            using Process sim = Process.GetProcessById(Pid);
            sim.Kill();
        }
        catch (ArgumentException)
        {
            // already gone
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        try
        {
            _guard.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await _guard.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _guard.Kill(entireProcessTree: true);
        }
        finally
        {
            _guard.Dispose();
        }

        if (KeepDirectory)
        {
            return; // kept for debugging a simulator configuration
        }

        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp dir is harmless
        }
    }

    private async Task SignalAsync(string signal, CancellationToken cancellationToken)
    {
        ToolResult result = await ToolRunner.RunAsync("kill", [signal, Pid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {Pid} failed: {result.Stderr}");
        }
    }
}

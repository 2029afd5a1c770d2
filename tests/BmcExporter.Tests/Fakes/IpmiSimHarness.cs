using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BmcExporter.Tests.Packaging;

namespace BmcExporter.Tests.Fakes;

/// <summary>
/// OpenIPMI's ipmi_sim as the parity and probe tests run it (harness.md §1): a <c>lan.conf</c> on loopback with users
/// admin/secret and reader/readpass, an emulator script, state kept in the test's directory, stopped by the test.
/// A missing ipmi_sim fails the test (Process.Start throws), never skips it.
/// </summary>
internal static class IpmiSimHarness
{
    /// <summary>The reader user of <see cref="LanConf"/>.</summary>
    public const string ReaderUser = "reader";

    /// <summary>The reader's password in <see cref="LanConf"/>.</summary>
    public const string ReaderPassword = "readpass";

    /// <summary>
    /// The <c>lan.conf</c> of a BMC named <paramref name="name"/> listening on 127.0.0.1:<paramref name="port"/>,
    /// with the K_g <paramref name="bmcKey"/> when one is given.
    /// </summary>
    public static string LanConf(string name, int port, string? bmcKey = null) => $"""
        name "{name}"
        set_working_mc 0x20
          startlan 1
            addr 127.0.0.1 {port.ToString(CultureInfo.InvariantCulture)}
            priv_limit admin
            allowed_auths_callback none md2 md5 straight
            allowed_auths_user none md2 md5 straight
            allowed_auths_operator none md2 md5 straight
            allowed_auths_admin none md2 md5 straight
            guid a123456789abcdefa123456789abcdef
        {(bmcKey is null ? string.Empty : $"    bmc_key \"{bmcKey}\"\n")}  endlan
          user 2 true "admin" "secret" admin 10 none md2 md5 straight
          user 3 true "{ReaderUser}" "{ReaderPassword}" user 10 none md2 md5 straight
        """;

    /// <summary>Writes <c>lan.conf</c> and <c>sim.emu</c> into <paramref name="dir"/> and creates its <c>state</c> folder.</summary>
    public static async Task WriteFilesAsync(string dir, string lanConf, string emu)
    {
        Directory.CreateDirectory(Path.Combine(dir, "state"));
        await File.WriteAllTextAsync(Path.Combine(dir, "lan.conf"), lanConf);
        await File.WriteAllTextAsync(Path.Combine(dir, "sim.emu"), emu);
    }

    /// <summary>ipmi_sim on the <c>lan.conf</c> and <c>sim.emu</c> written into <paramref name="dir"/>, state kept there too.</summary>
    public static Process Start(string dir) => StartProcess("ipmi_sim", $"-c lan.conf -f sim.emu -s {Path.Combine(dir, "state")} -n", dir);

    /// <summary>Starts <paramref name="file"/> in <paramref name="workingDirectory"/> with every stream redirected.</summary>
    public static Process StartProcess(string file, string arguments, string workingDirectory) =>
        Process.Start(new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{file} did not start");

    /// <summary>Kills <paramref name="process"/> unless it has exited, and waits at most 5 s for it.</summary>
    public static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(5000);
        }
    }

    /// <summary>Kills <paramref name="process"/> unless it has exited; fails when it is still there 5 s later.</summary>
    public static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>ipmi_sim binds its port a moment after it starts: wait (at most 50 tries) until ipmitool gets an answer.</summary>
    /// <returns><c>true</c> once ipmitool got an answer; <c>false</c> after 50 tries or when ipmi_sim exited.</returns>
    public static async Task<bool> WaitForIpmitoolAsync(Process sim, int port, string? kg = null)
    {
        for (var attempt = 0; attempt < 50 && !sim.HasExited; attempt++)
        {
            string[] key = kg is null ? [] : ["-k", kg];
            var probe = ExternalTool.Run("ipmitool", ["-I", "lanplus", "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", ReaderUser, "-P", ReaderPassword, .. key, "-C", "3", "-L", "USER", "-R", "1", "-N", "1", "mc", "info"]);
            if (probe.ExitCode == 0)
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    /// <summary>A loopback port free at the time of asking, for a socket of <paramref name="type"/>.</summary>
    public static int FreePort(SocketType type, ProtocolType protocol)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}

using System.Globalization;
using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Ipmi.IntegrationTests.Sim;

namespace BmcExporter.Ipmi.IntegrationTests.Tools;

/// <summary>
/// FreeIPMI tools over LAN_2_0 with cipher suite 3 and the opensesspriv workaround ipmi_sim needs, each run with
/// its own SDR cache directory so no stale cache from another simulator on the same host:port is ever used.
/// </summary>
internal static class FreeIpmi
{
    public static async Task<string> RunAsync(IBmcTarget sim, string tool, CancellationToken cancellationToken, params string[] options)
    {
        string path = ToolRunner.Require(tool, "freeipmi-tools");
        DirectoryInfo cache = Directory.CreateTempSubdirectory("freeipmi-sdr-");
        try
        {
            string[] args =
            [
                "-D", "LAN_2_0", "-h", $"{sim.Host}:{sim.Port.ToString(CultureInfo.InvariantCulture)}",
                "-u", SimBmc.ReaderUser, "-p", SimBmc.ReaderPassword, "-l", "USER", "-I", "3", "-W", "opensesspriv",
                "--sdr-cache-directory", cache.FullName, "--quiet-cache", .. options,
            ];
            ToolResult result = await ToolRunner.RunAsync(path, args, TimeSpan.FromSeconds(30), cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} {string.Join(' ', options)} failed: {result}");
            }

            return result.Stdout;
        }
        finally
        {
            cache.Delete(recursive: true);
        }
    }

    public static Task<string> SensorsAsync(IBmcTarget sim, bool eventBitmask, CancellationToken cancellationToken)
    {
        string[] options =
        [
            "--shared-sensors", "--comma-separated-output", "--output-sensor-thresholds", "--no-header-output",
            "--non-abbreviated-units", "--output-sensor-state", .. eventBitmask ? new[] { "--output-event-bitmask" } : [],
        ];
        return RunAsync(sim, "ipmi-sensors", cancellationToken, options);
    }
}

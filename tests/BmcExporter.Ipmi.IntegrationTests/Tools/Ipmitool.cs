using System.Globalization;
using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Ipmi.IntegrationTests.Sim;

namespace BmcExporter.Ipmi.IntegrationTests.Tools;

/// <summary>ipmitool over lanplus with cipher suite 3 (ipmi_sim has no suite 17); the password goes through IPMI_PASSWORD (-E).</summary>
internal static class Ipmitool
{
    public static async Task<string> RunAsync(IBmcTarget sim, CancellationToken cancellationToken, params string[] command)
    {
        string tool = ToolRunner.Require("ipmitool", "ipmitool");
        string[] args =
        [
            "-I", "lanplus", "-H", sim.Host, "-p", sim.Port.ToString(CultureInfo.InvariantCulture),
            "-U", SimBmc.ReaderUser, "-E", "-L", "USER", "-C", "3", "-N", "2", "-R", "2", .. command,
        ];
        ToolResult result = await ToolRunner.RunAsync(
            tool, args, TimeSpan.FromSeconds(30), cancellationToken, new Dictionary<string, string> { ["IPMI_PASSWORD"] = SimBmc.ReaderPassword });
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ipmitool {string.Join(' ', command)} failed: {result}");
        }

        return result.Stdout;
    }
}

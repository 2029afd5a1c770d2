using System.Diagnostics;

namespace BmcExporter.Tests.Output;

/// <summary>Runs the real <c>promtool check metrics</c> (Debian <c>prometheus</c>) on an exposition.</summary>
internal static class Promtool
{
    /// <summary>
    /// Names promtool's linter dislikes, kept on purpose. <c>ipmi_sel_logs_count</c>: ipmi_exporter's name, kept for
    /// dashboard compatibility. <c>ipmi_bmc_power_on_hours</c> (lint: not a base unit): issue 10 asks for power-on
    /// hours but does not fix the name (it fixes <c>ipmi_bmc_clock_offset_seconds</c> and the security names); the
    /// name keeps the unit of the POH counter and of what BMC tools print (ipmitool <c>chassis poh</c>, vendor CLIs),
    /// and it has shipped, so a rename to <c>..._seconds</c> would break queries for no gain in precision
    /// (docs/metrics.md says so beside the family).
    /// </summary>
    public static readonly string[] KnownIpmiExporterLintExceptions = ["ipmi_sel_logs_count ", "ipmi_bmc_power_on_hours "];

    /// <summary>Runs promtool; returns its problems except the known ipmi_exporter names. A parse error is a problem too.</summary>
    public static async Task<IReadOnlyList<string>> LintAsync(string exposition)
    {
        var (exit, output) = await CheckMetricsAsync(exposition);
        if (exit is not (0 or 3))
        {
            return [$"promtool exit {exit}: {output}"];
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !KnownIpmiExporterLintExceptions.Any(k => line.StartsWith(k, StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>Runs <c>promtool check metrics</c> on <paramref name="exposition"/>; returns its exit code and output.</summary>
    public static async Task<(int Exit, string Output)> CheckMetricsAsync(string exposition)
    {
        var psi = new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("promtool did not start");
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}

using System.Diagnostics;
using BmcExporter.Engine;
using BmcExporter.Output.Prometheus;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Fakes;
using Polly.CircuitBreaker;

namespace BmcExporter.Tests.Output;

public sealed class FleetExpositionTests
{
    private static readonly FleetGauges Gauges = new(2, 0, 64, true, DateTimeOffset.UnixEpoch.AddSeconds(1_700_000_000));

    private static async Task<string> RenderFleetAsync()
    {
        var stats = new TargetStatsRegistry();
        stats.For("10.0.0.1:623").RecordScrape(ScrapeOutcome.Partial);
        stats.For("10.0.0.1:623").RecordSelEvents([new SelEvent { RecordId = 1, StableId = "x", SensorTypeName = "Temperature", Severity = SelSeverity.Warning, Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(1000) }]);
        var snapshots = new[]
        {
            SampleSnapshots.Full("10.0.0.1:623", new Dictionary<string, string> { ["rack"] = "r12" }),
            SampleSnapshots.Full("10.0.0.2:623", new Dictionary<string, string> { ["site"] = "fra1" }),
        };
        var builder = FleetExposition.Build(snapshots, stats, _ => CircuitState.Closed, _ => snapshots[0].StartedAt, Gauges);
        return await builder.ToTextAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Build_TwoTargets_EverySeriesHasTargetAndUnionOfUserLabels()
    {
        var text = await RenderFleetAsync();

        Assert.Contains("ipmi_temperature_celsius{target=\"10.0.0.1:623\",rack=\"r12\",site=\"\",id=\"1\",name=\"CPU Temp\"} 45\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_up{target=\"10.0.0.2:623\",rack=\"\",site=\"fra1\",collector=\"ipmi\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_SelfMetrics_AreExposed()
    {
        var text = await RenderFleetAsync();

        Assert.Contains("bmc_exporter_scrapes_total{target=\"10.0.0.1:623\",rack=\"r12\",site=\"\",outcome=\"partial\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_sel_events_total{target=\"10.0.0.1:623\",rack=\"r12\",site=\"\",sensor_type=\"Temperature\",severity=\"warning\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("bmc_exporter_circuit_state{target=\"10.0.0.2:623\",rack=\"\",site=\"fra1\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("bmc_exporter_targets 2\n", text, StringComparison.Ordinal);
        Assert.Contains("bmc_exporter_config_last_reload_success_timestamp_seconds 1700000000\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_Exposition_PassesPromtoolCheckMetrics()
    {
        var text = await RenderFleetAsync();

        var problems = await Promtool.LintAsync(text);

        Assert.Empty(problems);
    }
}

internal static class Promtool
{
    /// <summary>
    /// Names ipmi_exporter chose that promtool's linter dislikes; kept on purpose for dashboard compatibility.
    /// </summary>
    public static readonly string[] KnownIpmiExporterLintExceptions = ["ipmi_sel_logs_count "];

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

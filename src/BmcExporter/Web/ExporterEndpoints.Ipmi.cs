using System.Globalization;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Output.Prometheus;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Web;

public static partial class ExporterEndpoints
{
    /// <summary>Taken off Prometheus' scrape timeout so the answer arrives before Prometheus gives up.</summary>
    public static readonly TimeSpan DeadlineMargin = TimeSpan.FromMilliseconds(500);

    /// <summary>The scrape deadline: Prometheus' <c>X-Prometheus-Scrape-Timeout-Seconds</c> minus a margin (0.5 s, at most a tenth), else <c>scrape.timeout</c>.</summary>
    public static TimeSpan Deadline(string? header, TimeSpan fallback)
    {
        if (header is not null
            && double.TryParse(header, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds > 0 && double.IsFinite(seconds))
        {
            // The margin is 0.5 s, or a tenth of a short timeout.
            var margin = Math.Min(DeadlineMargin.TotalSeconds, seconds * 0.1);
            return TimeSpan.FromSeconds(seconds - margin);
        }

        return fallback;
    }

    private static async Task ServeIpmiAsync(HttpContext http, ExporterRuntime runtime, ILogger logger)
    {
        var config = runtime.Config;
        var targetText = http.Request.Query["target"].ToString();
        if (targetText.Length == 0)
        {
            await BadRequestAsync(http, "'target' parameter must be specified (host[:port])").ConfigureAwait(false);
            return;
        }

        if (!HostPort.TryParse(targetText, TargetConfig.DefaultPort, out var host, out var port, out var error))
        {
            await BadRequestAsync(http, $"invalid target: {error}").ConfigureAwait(false);
            return;
        }

        var moduleName = http.Request.Query["module"].ToString();
        if (moduleName.Length == 0)
        {
            moduleName = ExporterConfig.DefaultModuleName;
        }

        if (config.FindModule(moduleName) is not { } module)
        {
            await BadRequestAsync(http, $"unknown module '{moduleName}' (configured: {string.Join(", ", config.Modules.Keys.Order(StringComparer.Ordinal))})").ConfigureAwait(false);
            return;
        }

        var configured = config.Targets.FirstOrDefault(t => t.Key == HostPort.Format(host, port) && t.Module == moduleName);
        var target = ScrapeTarget.From(host, port, module, config, configured?.Labels);
        var deadline = Deadline(http.Request.Headers["X-Prometheus-Scrape-Timeout-Seconds"].ToString() is { Length: > 0 } h ? h : null, config.Scrape.Timeout);
        try
        {
            var snapshot = await runtime.Coordinator.ScrapeAsync(target, deadline, http.RequestAborted).ConfigureAwait(false);
            var labelNames = snapshot.Labels.Keys.Order(StringComparer.Ordinal).ToList();
            var builder = new ExpositionBuilder(labelNames);
            var prefix = labelNames.Select(n => snapshot.Labels[n]).ToArray();
            SnapshotExposition.Write(builder, snapshot, prefix);
            SnapshotExposition.WriteSelCounters(builder, runtime.Stats.For(target.Key), prefix);
            await WriteExpositionAsync(http, builder, logger).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            Logging.Log.ClientDisconnected(logger, http.Request.Path);
        }
    }

    private static async Task BadRequestAsync(HttpContext http, string message)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(message + "\n", http.RequestAborted).ConfigureAwait(false);
    }
}

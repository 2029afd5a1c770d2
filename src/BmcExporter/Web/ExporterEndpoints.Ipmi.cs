using System.Globalization;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Output.Prometheus;
using BmcExporter.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Web;

public static partial class ExporterEndpoints
{
    /// <summary>Taken off Prometheus' scrape timeout so the answer arrives before Prometheus gives up.</summary>
    public static readonly TimeSpan DeadlineMargin = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The scrape deadline: Prometheus' <c>X-Prometheus-Scrape-Timeout-Seconds</c> minus a margin (0.5 s, at most a
    /// tenth), clamped to 0.1 s .. 1 h (<see cref="ScrapeCoordinator.MinTimeout"/>, <see cref="ScrapeCoordinator.MaxTimeout"/>);
    /// <c>scrape.timeout</c> when the header is absent. <paramref name="error"/> explains a header that is not a
    /// positive number of seconds.
    /// </summary>
    public static TimeSpan Deadline(string? header, TimeSpan fallback, out string? error)
    {
        error = null;
        if (header is null)
        {
            return fallback;
        }

        if (!double.TryParse(header, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds <= 0)
        {
            error = $"X-Prometheus-Scrape-Timeout-Seconds must be a positive number of seconds, got '{Truncate(header)}'";
            return fallback;
        }

        // The margin is 0.5 s, or a tenth of a short timeout; the clamp happens on the double, before any TimeSpan.
        var margin = Math.Min(DeadlineMargin.TotalSeconds, seconds * 0.1);
        var clamped = Math.Clamp(seconds - margin, ScrapeCoordinator.MinTimeout.TotalSeconds, ScrapeCoordinator.MaxTimeout.TotalSeconds);
        return TimeSpan.FromSeconds(clamped);
    }

    /// <summary>A request value shortened for an error message.</summary>
    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static async Task ServeIpmiAsync(HttpContext http, ExporterRuntime runtime, Outputs outputs, ILogger logger)
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
            await BadRequestAsync(http, $"unknown module '{Truncate(moduleName)}' (configured: {string.Join(", ", config.Modules.Keys.Order(StringComparer.Ordinal))})").ConfigureAwait(false);
            return;
        }

        var deadline = Deadline(http.Request.Headers["X-Prometheus-Scrape-Timeout-Seconds"].ToString() is { Length: > 0 } h ? h : null, config.Scrape.Timeout, out var deadlineError);
        if (deadlineError is not null)
        {
            await BadRequestAsync(http, deadlineError).ConfigureAwait(false);
            return;
        }

        // Only configured targets (static or from target files, any shard) unless the module allows more: each probe
        // logs in with the module's credentials, so an arbitrary host would receive the user name and a password HMAC.
        var address = HostPort.Format(host, port);
        var known = runtime.Targets.WithKey(address);
        if (known.Count == 0 && !module.AllowsTarget(host))
        {
            await RefuseAsync(http, $"target '{Truncate(address)}' is not a configured target and module '{Truncate(moduleName)}' does not allow it (add it to targets or target_files, or to the module's allowed_targets; allow_any_target: true allows every host)").ConfigureAwait(false);
            return;
        }

        var configured = known.FirstOrDefault(t => t.Module == moduleName);
        var target = ScrapeTarget.From(host, port, module, config, configured?.Labels);
        var format = ContentNegotiation.Format(http.Request.Headers.Accept.ToString());
        var gzip = ContentNegotiation.AcceptsGzip(http.Request.Headers.AcceptEncoding.ToString());
        if (FreshSnapshot(runtime, outputs, target) is { } cached)
        {
            await WriteBodyAsync(http, ExpositionBody.Single(outputs.Fleet.IpmiView(cached), format, gzip)).ConfigureAwait(false);
            return;
        }

        try
        {
            if (!outputs.Fleet.IsMember(target.Key))
            {
                await runtime.NoteOnDemandAsync(target.Key).ConfigureAwait(false);
            }

            var snapshot = await runtime.Coordinator.ScrapeAsync(target, deadline, ScrapeOrigin.OnDemand, http.RequestAborted).ConfigureAwait(false);
            var rendered = TargetRenderer.Render(snapshot, runtime.Stats.For(target.Key), RenderVariant.Ipmi);
            await WriteBodyAsync(http, ExpositionBody.Single(rendered, format, gzip)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            Logging.Log.ClientDisconnected(logger, http.Request.Path);
        }
    }

    /// <summary>
    /// In background mode, a target on this replica's schedule with the same module answers from its latest
    /// snapshot while that is younger than the target's interval (module setting <c>serve_from_cache</c>).
    /// </summary>
    private static TargetSnapshot? FreshSnapshot(ExporterRuntime runtime, Outputs outputs, ScrapeTarget target)
    {
        if (runtime.Config.Scrape.Mode != ScrapeMode.Background || !target.Module.ServeFromCache || !outputs.Fleet.IsMember(target.Key))
        {
            return null;
        }

        var latest = runtime.Store.Latest(target.Key);
        if (latest is null || latest.Module != target.Module.Name)
        {
            return null;
        }

        var age = runtime.Time.GetUtcNow() - (latest.StartedAt + latest.Duration);
        return age < target.Interval ? latest : null;
    }

    private static async Task RefuseAsync(HttpContext http, string message)
    {
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(message + "\n", http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task BadRequestAsync(HttpContext http, string message)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(message + "\n", http.RequestAborted).ConfigureAwait(false);
    }
}

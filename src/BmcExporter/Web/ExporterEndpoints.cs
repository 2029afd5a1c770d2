using BmcExporter.Engine;
using BmcExporter.Logging;
using BmcExporter.Output.Prometheus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Web;

/// <summary>
/// The HTTP surface: <c>/metrics</c> (background fleet and self-metrics), <c>/ipmi?target=&amp;module=</c>
/// (ipmi_exporter's multi-target pattern), <c>/healthz</c>, <c>/readyz</c>, <c>/</c> (status page) and
/// <c>POST /-/reload</c>. Status and headers are set only after the exposition is complete.
/// </summary>
public static partial class ExporterEndpoints
{
    /// <summary>Prometheus text exposition format 0.0.4.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Registers the endpoints on <paramref name="app"/>.</summary>
    public static void MapExporterEndpoints(this WebApplication app, ExporterRuntime runtime, ILogger logger)
    {
        app.MapGet("/metrics", (HttpContext http) => ServeMetricsAsync(http, runtime, logger));
        app.MapGet("/ipmi", (HttpContext http) => ServeIpmiAsync(http, runtime, logger));
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", () => runtime.IsReady ? Results.Text("ready\n") : Results.Text("not ready\n", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/", (HttpContext http) => StatusPage.WriteAsync(http, runtime));
        app.MapPost("/-/reload", async () =>
        {
            var errors = await runtime.ReloadAsync().ConfigureAwait(false);
            return errors.Count == 0
                ? Results.Text("configuration reloaded\n")
                : Results.Text("configuration rejected, keeping the previous one:\n" + string.Join('\n', errors) + "\n", statusCode: StatusCodes.Status400BadRequest);
        });
    }

    private static async Task ServeMetricsAsync(HttpContext http, ExporterRuntime runtime, ILogger logger)
    {
        var coordinator = runtime.Coordinator;
        var builder = FleetExposition.Build(runtime.Store.All(), runtime.Stats, coordinator.CircuitStateOf, runtime.Store.LastSuccess, runtime.Gauges());
        await WriteExpositionAsync(http, builder, logger).ConfigureAwait(false);
    }

    private static async Task WriteExpositionAsync(HttpContext http, ExpositionBuilder builder, ILogger logger)
    {
        try
        {
            using var buffer = new MemoryStream();
            await builder.WriteAsync(buffer, http.RequestAborted).ConfigureAwait(false);
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = ContentType;
            http.Response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(http.Response.Body, http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            Log.ClientDisconnected(logger, http.Request.Path);
        }
    }
}

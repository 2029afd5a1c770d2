using System.Diagnostics;
using BmcExporter.Engine;
using BmcExporter.Logging;
using BmcExporter.Output.Prometheus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Web;

/// <summary>
/// The HTTP surface: <c>/metrics</c> (background fleet and self-metrics), <c>/ipmi?target=&amp;module=</c>
/// (ipmi_exporter's multi-target pattern), <c>/sd</c> (Prometheus HTTP service discovery), <c>/healthz</c>,
/// <c>/readyz</c>, <c>/</c> (fleet health page), <c>/target?key=</c> (one BMC), <c>/api/fleet</c>, <c>/api/targets</c>,
/// <c>/api/target?key=</c> (the same as JSON) and <c>POST /-/reload</c>. Status and headers are set only once the
/// body is ready to be written.
/// </summary>
public static partial class ExporterEndpoints
{
    /// <summary>Registers the endpoints on <paramref name="app"/>.</summary>
    public static void MapExporterEndpoints(this WebApplication app, ExporterRuntime runtime, Outputs outputs, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/metrics", (HttpContext http) => ServeMetricsAsync(http, outputs, logger));
        app.MapGet("/ipmi", (HttpContext http) => ServeIpmiAsync(http, runtime, outputs, logger));
        app.MapGet("/sd", (HttpContext http) => ServeDiscoveryAsync(http, runtime));
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", () => runtime.IsReady ? Results.Text("ready\n") : Results.Text("not ready\n", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/", (HttpContext http) => ServeFleetAsync(http, runtime, outputs.Health, json: false));
        app.MapGet("/target", (HttpContext http) => ServeTargetAsync(http, runtime, outputs.Health, json: false));
        app.MapGet("/api/fleet", (HttpContext http) => ServeFleetSummaryAsync(http, runtime, outputs.Health));
        app.MapGet("/api/targets", (HttpContext http) => ServeFleetAsync(http, runtime, outputs.Health, json: true));
        app.MapGet("/api/target", (HttpContext http) => ServeTargetAsync(http, runtime, outputs.Health, json: true));
        app.MapPost("/-/reload", async () =>
        {
            var errors = await runtime.ReloadAsync().ConfigureAwait(false);
            return errors.Count == 0
                ? Results.Text("configuration reloaded\n")
                : Results.Text("configuration rejected, keeping the previous one:\n" + string.Join('\n', errors) + "\n", statusCode: StatusCodes.Status400BadRequest);
        });
    }

    private static async Task ServeMetricsAsync(HttpContext http, Outputs outputs, ILogger logger)
    {
        var started = Stopwatch.GetTimestamp();
        var format = ContentNegotiation.Format(http.Request.Headers.Accept.ToString());
        var gzip = ContentNegotiation.AcceptsGzip(http.Request.Headers.AcceptEncoding.ToString());
        try
        {
            var tail = await outputs.Self.RenderAsync(format, http.RequestAborted).ConfigureAwait(false);
            var body = ExpositionBody.Fleet(outputs.Fleet.Capture(), tail, format, gzip);
            await WriteBodyAsync(http, body).ConfigureAwait(false);
            outputs.Self.RecordResponse(body.Length, gzip, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            Log.ClientDisconnected(logger, http.Request.Path);
        }
    }

    private static async Task WriteBodyAsync(HttpContext http, ExpositionBody body)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = body.ContentType;
        http.Response.ContentLength = body.Length;
        http.Response.Headers.Vary = "Accept, Accept-Encoding";
        if (body.Gzip)
        {
            http.Response.Headers.ContentEncoding = "gzip";
        }

        await body.WriteAsync(http.Response.BodyWriter, http.RequestAborted).ConfigureAwait(false);
    }
}

using System.Text.Json;
using BmcExporter.Engine;
using BmcExporter.Output.Health;
using Microsoft.AspNetCore.Http;

namespace BmcExporter.Web;

public static partial class ExporterEndpoints
{
    private static readonly JsonWriterOptions ApiJson = new() { Indented = true };

    /// <summary><c>/</c> and <c>/api/targets</c>: the list with the query's filters; a bad parameter is a 400 with a sentence.</summary>
    private static async Task ServeFleetAsync(HttpContext http, ExporterRuntime runtime, FleetHealth health, bool json)
    {
        var query = FleetQuery.Parse(http.Request.Query.Select(q => new KeyValuePair<string, string[]>(q.Key, q.Value.Select(v => v ?? string.Empty).ToArray())), out var error);
        if (query is null)
        {
            await BadRequestAsync(http, error!).ConfigureAwait(false);
            return;
        }

        if (json)
        {
            await WriteJsonAsync(http, w => HealthApi.WriteList(w, runtime, health.Query(query), query)).ConfigureAwait(false);
            return;
        }

        await WriteHtmlAsync(http, FleetHtml.Render(runtime, health, query)).ConfigureAwait(false);
    }

    /// <summary><c>/target</c> and <c>/api/target</c>: one BMC by its scrape key (400 without one, 404 when unknown).</summary>
    private static async Task ServeTargetAsync(HttpContext http, ExporterRuntime runtime, FleetHealth health, bool json)
    {
        var unknown = http.Request.Query.Keys.FirstOrDefault(k => k != "key");
        var keys = http.Request.Query["key"];
        if (unknown is not null || keys.Count != 1 || string.IsNullOrEmpty(keys[0]))
        {
            await BadRequestAsync(http, unknown is not null
                ? $"unknown query parameter '{Truncate(unknown)}'; only 'key' (HOST:PORT#MODULE, as linked from the fleet page) is understood"
                : "'key' must be given once: the target's scrape key HOST:PORT#MODULE, as linked from the fleet page").ConfigureAwait(false);
            return;
        }

        if (health.Find(keys[0]!) is not { } record)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync($"no target '{Truncate(keys[0]!)}' on this exporter (it is neither scheduled nor scraped yet)\n", http.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (json)
        {
            await WriteJsonAsync(http, w => HealthApi.WriteTarget(w, runtime, record)).ConfigureAwait(false);
            return;
        }

        await WriteHtmlAsync(http, TargetHtml.Render(runtime, record)).ConfigureAwait(false);
    }

    private static async Task ServeFleetSummaryAsync(HttpContext http, ExporterRuntime runtime, FleetHealth health)
    {
        if (http.Request.Query.Count > 0)
        {
            await BadRequestAsync(http, "/api/fleet takes no query parameters (filter the list with /api/targets)").ConfigureAwait(false);
            return;
        }

        await WriteJsonAsync(http, w => HealthApi.WriteFleet(w, runtime, health)).ConfigureAwait(false);
    }

    private static async Task WriteHtmlAsync(HttpContext http, string html)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(HttpContext http, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ApiJson))
        {
            write(writer);
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = buffer.Length;
        await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), http.RequestAborted).ConfigureAwait(false);
    }
}

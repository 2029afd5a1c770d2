using System.Globalization;
using System.Net;
using System.Text;
using BmcExporter.Engine;
using BmcExporter.Output.Prometheus;
using Microsoft.AspNetCore.Http;

namespace BmcExporter.Web;

/// <summary>
/// <c>/</c>: a small page a person wants when something is wrong: each target's state, last scrape,
/// duration, last success, circuit, sensors, series on the fleet <c>/metrics</c> and last error. Everything is HTML-encoded; no secret is ever shown.
/// </summary>
public static class StatusPage
{
    /// <summary>Renders the page.</summary>
    public static async Task WriteAsync(HttpContext http, ExporterRuntime runtime, FleetView fleet)
    {
        var html = Render(runtime, fleet);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The page's HTML.</summary>
    public static string Render(ExporterRuntime runtime, FleetView fleet)
    {
        var config = runtime.Config;
        var snapshots = runtime.Store.All();
        var sb = new StringBuilder(4096 + (snapshots.Count * 400));
        sb.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>bmc-exporter</title><style>")
          .Append("body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}")
          .Append(".success{background:#e6f4e6}.partial{background:#fff6d6}.failed,.timeout,.circuit_open{background:#fbe3e3}</style></head><body>")
          .Append("<h1>bmc-exporter</h1><p>")
          .Append(CultureInfo.InvariantCulture, $"Mode: {E(config.Scrape.Mode.ToString())} · targets scheduled: {runtime.Scheduler.Count} · in flight: {runtime.Coordinator.InFlight}/{runtime.Coordinator.MaxConcurrency}")
          .Append(CultureInfo.InvariantCulture, $" · config: {E(config.SourcePath ?? "built-in default")} ({(runtime.LastReloadSuccessful ? "loaded" : "last reload rejected")})")
          .Append("</p><p><a href=\"/metrics\">/metrics</a> · <a href=\"/healthz\">/healthz</a> · <a href=\"/readyz\">/readyz</a></p>");
        if (runtime.Targets.Errors.Count > 0)
        {
            sb.Append("<h2>Target file errors</h2><ul>");
            foreach (var error in runtime.Targets.Errors)
            {
                sb.Append("<li>").Append(E(error.ToString())).Append("</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("<h2>Targets</h2><table><tr><th>target</th><th>module</th><th>state</th><th>last scrape (UTC)</th><th>duration</th><th>last success (UTC)</th><th>next</th><th>circuit</th><th>sensors</th><th>series</th><th>collectors</th><th>last error</th></tr>");
        foreach (var s in snapshots)
        {
            var outcome = TargetRenderer.OutcomeName(s.Outcome);
            var series = fleet.Latest(s.Key)?.Series.ToString(CultureInfo.InvariantCulture) ?? "–";
            var collectors = string.Join(" ", s.Collectors.Select(c => c.Success ? c.Collector : c.Collector + "✗"));
            sb.Append(CultureInfo.InvariantCulture, $"<tr class=\"{outcome}\"><td>{E(s.Target)}</td><td>{E(s.Module)}</td><td>{outcome}</td>")
              .Append(CultureInfo.InvariantCulture, $"<td>{s.StartedAt:yyyy-MM-dd HH:mm:ss}</td><td>{s.Duration.TotalSeconds:0.000}s</td>")
              .Append(CultureInfo.InvariantCulture, $"<td>{Time(s.LastSuccess)}</td><td>{Time(runtime.Scheduler.NextDue(s.Key))}</td>")
              .Append(CultureInfo.InvariantCulture, $"<td>{s.Breaker}</td><td>{s.Sensors.Count}</td><td>{series}</td><td>{E(collectors)}</td><td>{E(s.Error ?? string.Empty)}</td></tr>");
        }

        sb.Append("</table>");
        if (snapshots.Count == 0)
        {
            sb.Append("<p>No target scraped yet. In on-demand mode, scrape <code>/ipmi?target=HOST[:PORT]&amp;module=NAME</code>.</p>");
        }

        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Time(DateTimeOffset? t) => t is { } v ? v.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "–";
}

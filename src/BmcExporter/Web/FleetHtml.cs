using System.Globalization;
using System.Text;
using BmcExporter.Engine;
using BmcExporter.Output.Health;
using BmcExporter.Output.Prometheus;
using static BmcExporter.Web.Html;

namespace BmcExporter.Web;

/// <summary>
/// <c>/</c>: the fleet health page. Counts by health and by kind of finding (each a filter link), scrapes in flight
/// and targets not yet scraped, then the target list (unhealthy first, sortable, filterable, paginated), each row
/// linking to the target's page. Server-rendered, no script; everything from a BMC or a config file is encoded.
/// </summary>
internal static class FleetHtml
{
    /// <summary>Rows of the in-flight and not-yet-scraped tables.</summary>
    public const int ProgressRows = 20;

    /// <summary>The page's HTML.</summary>
    public static string Render(ExporterRuntime runtime, FleetHealth health, FleetQuery query)
    {
        var summary = health.Summary();
        var page = health.Query(query);
        var sb = Begin("bmc-exporter: fleet health", 8192 + (page.Items.Count * 600));
        var config = runtime.Config;
        sb.Append("<h1>Fleet health</h1><p class=\"muted\">")
          .Append(CultureInfo.InvariantCulture, $"bmc-exporter · mode {E(config.Scrape.Mode.ToString().ToLowerInvariant())} · {runtime.Scheduler.Count} targets scheduled · {runtime.Coordinator.InFlight}/{runtime.Coordinator.MaxConcurrency} scrapes running")
          .Append(CultureInfo.InvariantCulture, $" · config {E(config.SourcePath ?? "built-in default")} ({(runtime.LastReloadSuccessful ? "loaded" : "last reload rejected")})")
          .Append(CultureInfo.InvariantCulture, $" · {(runtime.IsReady ? "ready" : "first round running")} · page built {Time(runtime.Time.GetUtcNow())} UTC")
          .Append("</p><p><a href=\"/metrics\">/metrics</a> · <a href=\"/api/fleet\">/api/fleet</a> · <a href=\"/api/targets\">/api/targets</a> · <a href=\"/healthz\">/healthz</a> · <a href=\"/readyz\">/readyz</a></p>");
        TargetFileErrors(sb, runtime);
        Counts(sb, summary);
        Progress(sb, runtime, health);
        Filter(sb, query);
        List(sb, runtime, page, query);
        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static void TargetFileErrors(StringBuilder sb, ExporterRuntime runtime)
    {
        if (runtime.Targets.Errors.Count == 0)
        {
            return;
        }

        sb.Append("<h2>Target file errors</h2><ul>");
        foreach (var error in runtime.Targets.Errors)
        {
            sb.Append("<li>").Append(E(error.ToString())).Append("</li>");
        }

        sb.Append("</ul>");
    }

    private static void Counts(StringBuilder sb, FleetSummary summary)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<h2>Targets: {summary.Total}</h2><p class=\"counts\" id=\"health-counts\">");
        foreach (var h in TargetHealthNames.All)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<a class=\"{h.Name()}\" id=\"count-{h.Name()}\" href=\"/?health={h.Name()}\">{E(h.Title())}: <b>{summary.ByHealth[h]}</b></a>");
        }

        sb.Append("</p><h2>Findings</h2><p class=\"counts\" id=\"finding-counts\">");
        foreach (var k in FindingKindNames.All)
        {
            var n = summary.TargetsWithFinding[k];
            sb.Append(CultureInfo.InvariantCulture, $"<a class=\"{(n > 0 ? "critical" : "ok")}\" id=\"finding-{k.Name()}\" href=\"/?finding={k.Name()}\">{E(k.Title())}: <b>{n}</b></a>");
        }

        sb.Append("</p><p class=\"muted\">A finding count is the number of targets with at least one finding of that kind.</p>");
    }

    private static void Progress(StringBuilder sb, ExporterRuntime runtime, FleetHealth health)
    {
        var running = runtime.Coordinator.Running().OrderByDescending(r => r.Elapsed).ToList();
        sb.Append(CultureInfo.InvariantCulture, $"<h2>Scrapes in flight: {running.Count}</h2>");
        if (running.Count > 0)
        {
            sb.Append("<table id=\"in-flight\"><tr><th>target</th><th>state</th><th>elapsed</th><th>collectors done</th><th>SDR records (last scrape)</th></tr>");
            foreach (var r in running.Take(ProgressRows))
            {
                var sdr = health.Find(r.Key)?.Snapshot?.Sdr;
                sb.Append("<tr>").Append(CultureInfo.InvariantCulture, $"<td><a href=\"{E(TargetHref(r.Key))}\">{E(r.Key)}</a></td>")
                  .Cell(r.Running ? "running" : "waiting for a slot").Cell(Seconds(r.Elapsed))
                  .Cell($"{r.CollectorsDone}/{r.CollectorsPlanned}").Cell(SdrText(sdr)).Append("</tr>");
            }

            sb.Append("</table>");
            More(sb, running.Count);
        }

        var waiting = health.Records.Where(r => r.Snapshot is null).OrderBy(r => runtime.Scheduler.NextDue(r.Key) ?? DateTimeOffset.MaxValue).ToList();
        sb.Append(CultureInfo.InvariantCulture, $"<h2>Not yet scraped: {waiting.Count}</h2>");
        if (waiting.Count > 0)
        {
            var now = runtime.Time.GetUtcNow();
            sb.Append("<table id=\"not-scraped\"><tr><th>target</th><th>first scrape due</th></tr>");
            foreach (var r in waiting.Take(ProgressRows))
            {
                var due = runtime.Scheduler.NextDue(r.Key);
                var text = due is { } d ? d <= now ? "now" : $"in {Math.Ceiling((d - now).TotalSeconds):0} s ({Time(d)} UTC)" : "on request (/ipmi)";
                sb.Append("<tr>").Append(CultureInfo.InvariantCulture, $"<td><a href=\"{E(TargetHref(r.Key))}\">{E(r.Key)}</a></td>").Cell(text).Append("</tr>");
            }

            sb.Append("</table>");
            More(sb, waiting.Count);
        }
    }

    private static void More(StringBuilder sb, int count)
    {
        if (count > ProgressRows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">… and {count - ProgressRows} more.</p>");
        }
    }

    /// <summary>SDR walk progress as text, e.g. <c>120/153 (walk resumes next scrape)</c>.</summary>
    internal static string SdrText(BmcExporter.Snapshots.SdrProgress? sdr) => sdr switch
    {
        null => "–",
        { Complete: true } => $"{sdr.RecordsRead} (complete)",
        _ => $"{sdr.RecordsRead}/{sdr.RepositoryRecords}{(sdr.Missing > 0 ? $", {sdr.Missing} to retry" : string.Empty)} (walk resumes next scrape)",
    };

    private static void Filter(StringBuilder sb, FleetQuery query)
    {
        sb.Append("<h2>Target list</h2><form method=\"get\" action=\"/\" id=\"filter\"><label>health <select name=\"health\"><option value=\"\">any</option>");
        foreach (var h in TargetHealthNames.All)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{h.Name()}\"{(query.Health == h ? " selected" : string.Empty)}>{E(h.Title())}</option>");
        }

        sb.Append("</select></label> <label>finding <select name=\"finding\"><option value=\"\">any</option>");
        foreach (var k in FindingKindNames.All)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<option value=\"{k.Name()}\"{(query.Finding == k ? " selected" : string.Empty)}>{E(k.Title())}</option>");
        }

        sb.Append("</select></label> <label>search <input name=\"q\" value=\"").Append(E(query.Text)).Append("\" placeholder=\"address, module or label\"></label> ")
          .Append("<button type=\"submit\">filter</button> <a href=\"/\">clear</a></form>");
    }

    private static void List(StringBuilder sb, ExporterRuntime runtime, FleetPage page, FleetQuery query)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<p id=\"list-summary\">{page.Matching} matching · page {page.Page} of {page.Pages}</p>");
        sb.Append("<table id=\"targets\"><tr>");
        Header(sb, query, "health", FleetSort.Health);
        Header(sb, query, "target", FleetSort.Target);
        Header(sb, query, "module", FleetSort.Module);
        Header(sb, query, "findings", FleetSort.Findings);
        sb.Append("<th>scrape</th>");
        Header(sb, query, "last scrape (UTC)", FleetSort.Scraped);
        Header(sb, query, "duration", FleetSort.Duration);
        sb.Append("<th>SDR</th><th>circuit</th><th>last error</th></tr>");
        foreach (var r in page.Items)
        {
            var s = r.Snapshot;
            var findings = r.Findings.Count == 0 ? string.Empty
                : string.Join("; ", r.Findings.Take(3).Select(f => $"{f.Subject}: {f.Detail}")) + (r.Findings.Count > 3 ? $" (+{r.Findings.Count - 3} more)" : string.Empty);
            sb.Append("<tr>").Cell(r.Health.Title(), r.Health.Name())
              .Append(CultureInfo.InvariantCulture, $"<td><a href=\"{E(TargetHref(r.Key))}\">{E(r.Target)}</a></td>")
              .Cell(r.Module).Cell(findings)
              .Cell(s is null ? "–" : TargetRenderer.OutcomeName(s.Outcome) + (s.Answered || s.Outcome is Snapshots.ScrapeOutcome.Success ? string.Empty : ", no answer"))
              .Cell(Time(s?.StartedAt)).Cell(Seconds(s?.Duration)).Cell(SdrText(s?.Sdr))
              .Cell(runtime.Coordinator.CircuitStateOf(r.Key).ToString().ToLowerInvariant())
              .Cell(r.Errors.Count > 0 && s is not null && s.Outcome != Snapshots.ScrapeOutcome.Success ? r.Errors[0].Text : string.Empty)
              .Append("</tr>");
        }

        sb.Append("</table><p id=\"pages\">");
        if (page.Page > 1)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<a rel=\"prev\" href=\"/{E(query.ToQueryString(page.Page - 1))}\">← previous</a> ");
        }

        if (page.Page < page.Pages)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<a rel=\"next\" href=\"/{E(query.ToQueryString(page.Page + 1))}\">next →</a>");
        }

        sb.Append("</p>");
    }

    private static void Header(StringBuilder sb, FleetQuery query, string title, FleetSort sort)
    {
        // Clicking the current sort column flips the order; another column sorts ascending from page 1.
        var descending = query.Sort == sort && !query.Descending;
        var mark = query.Sort == sort ? query.Descending ? " ▼" : " ▲" : string.Empty;
        sb.Append(CultureInfo.InvariantCulture, $"<th><a href=\"/{E(query.ToQueryString(1, sort, descending))}\">{E(title)}{mark}</a></th>");
    }
}

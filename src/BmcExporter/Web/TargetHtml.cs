using System.Globalization;
using System.Text;
using BmcExporter.Engine;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Output.Health;
using BmcExporter.Output.Prometheus;
using BmcExporter.Snapshots;
using static BmcExporter.Web.Html;

namespace BmcExporter.Web;

/// <summary>
/// <c>/target?key=HOST:PORT#MODULE</c>: one BMC. Health and findings; scrape, session (cipher suite), SDR walk and
/// circuit breaker state; last errors with time; every sensor with value, unit, thresholds and state; recent SEL
/// entries with severity; BMC firmware, chassis, power and FRU identity. Everything from the BMC is encoded.
/// </summary>
internal static class TargetHtml
{
    /// <summary>The page's HTML.</summary>
    public static string Render(ExporterRuntime runtime, TargetRecord record)
    {
        var s = record.Snapshot;
        var sb = Begin($"{record.Target} · bmc-exporter", 16384 + ((s?.Sensors.Count ?? 0) * 300));
        sb.Append("<p><a href=\"/\">← fleet</a></p><h1>").Append(E(record.Target)).Append(" <span class=\"").Append(record.Health.Name())
          .Append("\" id=\"health\">").Append(E(record.Health.Title())).Append("</span></h1>");
        Overview(sb, runtime, record);
        Findings(sb, record);
        Errors(sb, record);
        if (s is not null)
        {
            Sensors(sb, s);
        }

        Sel(sb, record);
        if (s is not null)
        {
            Identity(sb, s);
            Collectors(sb, s);
        }

        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static void Overview(StringBuilder sb, ExporterRuntime runtime, TargetRecord record)
    {
        var s = record.Snapshot;
        var running = runtime.Coordinator.RunningOf(record.Key);
        var stats = runtime.Stats.Find(record.Key);
        sb.Append("<table id=\"overview\">");
        Row(sb, "module", record.Module);
        Row(sb, "labels", s is null ? "–" : string.Join(", ", s.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")));
        Row(sb, "last scrape", s is null ? "not yet scraped" : $"{TargetRenderer.OutcomeName(s.Outcome)} at {Time(s.StartedAt)} UTC in {Seconds(s.Duration)}{(s.Answered ? string.Empty : ", the BMC did not answer")}");
        Row(sb, "last success", s?.LastSuccess is { } ls ? $"{Time(ls)} UTC" : "never");
        Row(sb, "in flight", running is null ? "no" : $"{(running.Running ? "running" : "waiting for a slot")} for {Seconds(running.Elapsed)}, {running.CollectorsDone}/{running.CollectorsPlanned} collectors done");
        Row(sb, "next scheduled scrape", runtime.Scheduler.NextDue(record.Key) is { } due ? $"{Time(due)} UTC" : "on request (/ipmi)");
        Row(sb, "circuit breaker", runtime.Coordinator.CircuitStateOf(record.Key).ToString().ToLowerInvariant());
        Row(sb, "session", s is null || s.CipherSuite == 0 && !s.Answered ? "no session" : $"cipher suite {s.CipherSuite}");
        Row(sb, "SDR cache", FleetHtml.SdrText(s?.Sdr));
        if (stats is not null)
        {
            var rtt = stats.Transport is { RoundTrip: { } rt } ? $", round trip {rt.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms" : string.Empty;
            Row(sb, "transport", $"{stats.SessionsOpened} sessions opened, {stats.SessionsLost} lost, {stats.Commands} commands ({stats.CommandErrors} failed), {stats.Retransmissions} retransmissions, {stats.RequestTimeouts} timeouts{rtt}");
            Row(sb, "SDR cache use", $"{stats.SdrCacheHits} hits, {stats.SdrCacheMisses} walks");
            if (stats.RedfishGets > 0)
            {
                Row(sb, "Redfish GETs", $"{stats.LastRedfishGets} in the last scrape, {stats.RedfishGets} in all (304 Not Modified included, cache hits not)");
            }
        }

        sb.Append("</table><p><a href=\"/api/target?key=").Append(E(Uri.EscapeDataString(record.Key))).Append("\">this page as JSON</a></p>");
    }

    private static void Findings(StringBuilder sb, TargetRecord record)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<h2>Findings: {record.Findings.Count}</h2>");
        if (record.Findings.Count == 0)
        {
            sb.Append(record.Snapshot is null ? "<p>Not scraped yet.</p>" : record.Health == TargetHealth.Unreachable ? "<p>No data: see the last errors.</p>" : "<p>None.</p>");
            return;
        }

        sb.Append("<table id=\"findings\"><tr><th>severity</th><th>kind</th><th>subject</th><th>detail</th></tr>");
        foreach (var f in record.Findings)
        {
            sb.Append("<tr>").Cell(f.Severity.ToWireName(), f.Severity.ToWireName()).Cell(f.Kind.Title()).Cell(f.Subject).Cell(f.Detail).Append("</tr>");
        }

        sb.Append("</table>");
    }

    private static void Errors(StringBuilder sb, TargetRecord record)
    {
        sb.Append("<h2>Last errors</h2>");
        if (record.Errors.Count == 0)
        {
            sb.Append("<p>None.</p>");
            return;
        }

        sb.Append("<table id=\"errors\"><tr><th>scrape (UTC)</th><th>error</th></tr>");
        foreach (var e in record.Errors)
        {
            sb.Append("<tr>").Cell(Time(e.At)).Cell(e.Text).Append("</tr>");
        }

        sb.Append("</table>");
    }

    private static void Sensors(StringBuilder sb, TargetSnapshot s)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<h2>Sensors: {s.Sensors.Count}</h2>");
        sb.Append("<table id=\"sensors\"><tr><th>name</th><th>type</th><th>value</th><th>unit</th><th>state</th><th>LNR</th><th>LCR</th><th>LNC</th><th>UNC</th><th>UCR</th><th>UNR</th><th>detail</th></tr>");
        foreach (var r in s.Sensors)
        {
            var t = r.Thresholds;
            var state = r.Status.ToWireName();
            var detail = r.StateNames.Count > 0 ? string.Join(", ", r.StateNames) : HealthAssessor.Crossed(r) ?? r.Reason ?? string.Empty;
            sb.Append("<tr>").Cell(r.Name).Cell(r.SensorType).Cell(r.Value is { } v ? HealthAssessor.Number(v) : "–").Cell(r.Units is null ? string.Empty : r.Unit)
              .Cell(state, state).Cell(T(t.LowerNonRecoverable)).Cell(T(t.LowerCritical)).Cell(T(t.LowerNonCritical))
              .Cell(T(t.UpperNonCritical)).Cell(T(t.UpperCritical)).Cell(T(t.UpperNonRecoverable)).Cell(detail).Append("</tr>");
        }

        sb.Append("</table>");
    }

    private static string T(double? threshold) => threshold is { } v ? HealthAssessor.Number(v) : string.Empty;

    private static void Sel(StringBuilder sb, TargetRecord record)
    {
        var summary = record.Snapshot?.Sel;
        sb.Append("<h2>Recent SEL entries</h2>");
        if (summary is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>{summary.Entries} entries in the SEL, {summary.FreeSpaceBytes} bytes free{(summary.Overflow ? ", overflow: events were dropped" : string.Empty)}.</p>");
        }

        if (record.RecentSel.Count == 0)
        {
            sb.Append("<p>None seen by this exporter.</p>");
            return;
        }

        sb.Append("<table id=\"sel\"><tr><th>#</th><th>time (UTC)</th><th>severity</th><th>sensor</th><th>event</th><th>direction</th></tr>");
        foreach (var seen in record.RecentSel)
        {
            var e = seen.Event;
            var severity = e.Severity.ToString().ToLowerInvariant();
            sb.Append("<tr>").Cell(e.RecordId.ToString(CultureInfo.InvariantCulture))
              .Cell(e.Timestamp is { } ts ? Time(ts) : $"{Time(seen.Seen)} (seen)")
              .Cell(severity, severity == "info" ? null : severity).Cell($"{e.SensorTypeName} #{e.SensorNumber}").Cell(e.Description)
              .Cell(e.Asserted ? "asserted" : "deasserted").Append("</tr>");
        }

        sb.Append("</table>");
    }

    private static void Identity(StringBuilder sb, TargetSnapshot s)
    {
        sb.Append("<h2>BMC, chassis and FRU</h2><table id=\"identity\">");
        if (s.Bmc is { } bmc)
        {
            Row(sb, "manufacturer", bmc.Manufacturer);
            Row(sb, "product ID", bmc.ProductId.ToString(CultureInfo.InvariantCulture));
            Row(sb, "BMC firmware", bmc.FirmwareRevision);
            Row(sb, "IPMI version", bmc.IpmiVersion);
            Row(sb, "system firmware", bmc.SystemFirmwareVersion);
        }

        if (s.Chassis is { } c)
        {
            Row(sb, "power", c.PowerOn ? "on" : "off");
            Row(sb, "chassis faults", string.Join(", ", new[] { (c.PowerFault, "power fault"), (c.PowerOverload, "power overload"), (c.DriveFault, "drive fault"), (c.CoolingFault, "cooling/fan fault"), (c.Intrusion == true, "intrusion") }.Where(x => x.Item1).Select(x => x.Item2).DefaultIfEmpty("none")));
        }

        if (s.Power is { } p)
        {
            static string W(double? w) => w is { } v ? HealthAssessor.Number(v) : "n/a";
            Row(sb, "DCMI power", $"{HealthAssessor.Number(p.CurrentWatts)} W (min {W(p.MinimumWatts)}, max {W(p.MaximumWatts)}, average {W(p.AverageWatts)})");
        }

        foreach (var f in s.Fru)
        {
            Row(sb, $"FRU {f.DeviceId} {f.Name}", string.Join(" · ", new[]
            {
                Part("board", f.BoardManufacturer, f.BoardProduct, f.BoardPartNumber, f.BoardSerial),
                Part("product", f.ProductManufacturer, f.ProductName, f.ProductPartNumber, f.ProductVersion, f.ProductSerial),
                f.AssetTag.Length > 0 ? $"asset tag {f.AssetTag}" : string.Empty,
            }.Where(x => x.Length > 0)));
        }

        if (s.Bmc is null && s.Chassis is null && s.Fru.Count == 0)
        {
            Row(sb, "identity", "not read (bmc, chassis and fru collectors did not return data)");
        }

        sb.Append("</table>");
    }

    private static string Part(string what, params string[] fields)
    {
        var present = fields.Where(f => f.Length > 0).ToList();
        return present.Count == 0 ? string.Empty : $"{what}: {string.Join(", ", present)}";
    }

    private static void Collectors(StringBuilder sb, TargetSnapshot s)
    {
        sb.Append("<h2>Collectors (last scrape)</h2><table id=\"collectors\"><tr><th>collector</th><th>result</th><th>duration</th><th>error</th></tr>");
        foreach (var c in s.Collectors)
        {
            var (result, css) = c.Success ? ("ok", "ok") : c.Unsupported ? ("unsupported", "not_scraped") : ("failed", "warning");
            sb.Append("<tr>").Cell(c.Collector).Cell(result, css).Cell(Seconds(c.Duration)).Cell(c.Error).Append("</tr>");
        }

        sb.Append("</table>");
    }

    private static void Row(StringBuilder sb, string name, string value) =>
        sb.Append("<tr><th>").Append(E(name)).Append("</th>").Cell(value).Append("</tr>");
}

using System.Text;
using System.Text.Json;

namespace BmcExporter.Cli;

/// <summary>Writes audit reports as a table for people or as one JSON document for scripts (schema in docs/security.md#audit).</summary>
internal static class AuditOutput
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true };

    /// <summary>A block per BMC (its checks, then its findings with their fixes), then a summary line.</summary>
    public static string Table(IReadOnlyList<BmcAuditReport> reports, AuditSeverity? failOn, int exitCode)
    {
        var sb = new StringBuilder();
        foreach (var r in reports)
        {
            var verdict = r.Findings.Count == 0 ? "no findings" : $"{r.Findings.Count} finding(s), worst {AuditSeverities.Name(r.Worst!.Value)}";
            sb.Append(r.Target).Append("  module ").Append(r.Module).Append("  ").Append(verdict).Append('\n');
            var width = r.Checks.Max(c => c.Name.Length);
            sb.Append("  CHECK").Append(' ', Math.Max(1, width - 3)).Append("RESULT\n");
            foreach (var c in r.Checks)
            {
                sb.Append("  ").Append(c.Name.PadRight(width + 2)).Append(c.Result).Append('\n');
                sb.Append("  ").Append(' ', width + 2).Append("how: ").Append(c.Method).Append('\n');
            }

            if (r.Findings.Count > 0)
            {
                sb.Append("  SEVERITY  FINDING\n");
                foreach (var f in r.Findings.OrderByDescending(f => f.Severity))
                {
                    sb.Append("  ").Append(AuditSeverities.Name(f.Severity).PadRight(10)).Append(f.Id).Append('\n');
                    sb.Append("  ").Append(' ', 10).Append(f.Summary).Append('\n');
                    sb.Append("  ").Append(' ', 10).Append("fix: ").Append(f.Fix).Append('\n');
                }
            }

            sb.Append('\n');
        }

        sb.Append(Summary(reports, failOn, exitCode)).Append('\n');
        return sb.ToString();
    }

    /// <summary>One line: how many BMCs, findings per severity, the gate and the exit code.</summary>
    public static string Summary(IReadOnlyList<BmcAuditReport> reports, AuditSeverity? failOn, int exitCode)
    {
        var all = reports.SelectMany(r => r.Findings).ToList();
        int Count(AuditSeverity s) => all.Count(f => f.Severity == s);
        var gate = failOn is { } s ? $"--fail-on {AuditSeverities.Name(s)}" : "--fail-on never";
        return $"audited {reports.Count} BMC(s): {Count(AuditSeverity.Critical)} critical, {Count(AuditSeverity.Warning)} warning, {Count(AuditSeverity.Info)} info; "
            + $"{reports.Count(r => failOn is { } f && r.Worst >= f)} at or above {gate} (exit {exitCode})";
    }

    /// <summary>The JSON document: the gate, the exit code and every BMC's checks and findings.</summary>
    public static string Json(IReadOnlyList<BmcAuditReport> reports, AuditSeverity? failOn, int exitCode)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("fail_on", failOn is { } s ? AuditSeverities.Name(s) : "never");
            w.WriteNumber("exit_code", exitCode);
            w.WriteStartArray("bmcs");
            foreach (var r in reports)
            {
                w.WriteStartObject();
                w.WriteString("target", r.Target);
                w.WriteString("module", r.Module);
                w.WriteBoolean("reached", r.Reached);
                if (r.Worst is { } worst)
                {
                    w.WriteString("worst", AuditSeverities.Name(worst));
                }
                else
                {
                    w.WriteNull("worst");
                }

                w.WriteStartArray("checks");
                foreach (var c in r.Checks)
                {
                    w.WriteStartObject();
                    w.WriteString("name", c.Name);
                    w.WriteString("method", c.Method);
                    w.WriteString("result", c.Result);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("findings");
                foreach (var f in r.Findings)
                {
                    w.WriteStartObject();
                    w.WriteString("id", f.Id);
                    w.WriteString("severity", AuditSeverities.Name(f.Severity));
                    w.WriteString("summary", f.Summary);
                    w.WriteString("fix", f.Fix);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}

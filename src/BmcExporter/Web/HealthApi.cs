using System.Text.Json;
using BmcExporter.Engine;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Output.Health;
using BmcExporter.Output.Prometheus;
using BmcExporter.Snapshots;

namespace BmcExporter.Web;

/// <summary>
/// The fleet page's data as JSON for scripts: <c>/api/fleet</c> (counts, in-flight scrapes), <c>/api/targets</c>
/// (the list with the same filters as <c>/</c>) and <c>/api/target?key=</c> (one BMC). Written straight from the
/// records and snapshots; names are snake_case, times RFC 3339 UTC, durations in seconds.
/// </summary>
internal static class HealthApi
{
    /// <summary>In-flight scrapes listed by <c>/api/fleet</c>, longest running first (the counts cover all).</summary>
    public const int InFlightListed = 100;

    public static void WriteFleet(Utf8JsonWriter w, ExporterRuntime runtime, FleetHealth health)
    {
        var summary = health.Summary();
        w.WriteStartObject();
        w.WriteString("generated_at", runtime.Time.GetUtcNow());
        w.WriteBoolean("ready", runtime.IsReady);
        w.WriteNumber("targets", summary.Total);
        w.WriteStartObject("health");
        foreach (var (h, n) in summary.ByHealth)
        {
            w.WriteNumber(h.Name(), n);
        }

        w.WriteEndObject();
        w.WriteStartObject("targets_with_finding");
        foreach (var (k, n) in summary.TargetsWithFinding)
        {
            w.WriteNumber(k.Name(), n);
        }

        w.WriteEndObject();
        // Counts of every flight, the longest few listed: at 10,000 targets behind a busy pool the full list was 785 KB.
        var flights = runtime.Coordinator.Running();
        w.WriteNumber("in_flight_running", flights.Count(r => r.Running));
        w.WriteNumber("in_flight_waiting", flights.Count(r => !r.Running));
        w.WriteStartArray("in_flight");
        foreach (var r in flights.OrderByDescending(r => r.Elapsed).Take(InFlightListed))
        {
            w.WriteStartObject();
            w.WriteString("key", r.Key);
            InFlight(w, r);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteList(Utf8JsonWriter w, ExporterRuntime runtime, FleetPage page, FleetQuery query)
    {
        w.WriteStartObject();
        w.WriteNumber("matching", page.Matching);
        w.WriteNumber("page", page.Page);
        w.WriteNumber("pages", page.Pages);
        w.WriteNumber("per_page", query.PerPage);
        w.WriteStartArray("targets");
        foreach (var r in page.Items)
        {
            w.WriteStartObject();
            Summary(w, runtime, r);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteTarget(Utf8JsonWriter w, ExporterRuntime runtime, TargetRecord record)
    {
        w.WriteStartObject();
        Summary(w, runtime, record);
        var s = record.Snapshot;
        if (runtime.Coordinator.RunningOf(record.Key) is { } running)
        {
            w.WriteStartObject("in_flight");
            InFlight(w, running);
            w.WriteEndObject();
        }

        w.WriteStartArray("errors");
        foreach (var e in record.Errors)
        {
            w.WriteStartObject();
            w.WriteString("at", e.At);
            w.WriteString("error", e.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("sel");
        foreach (var seen in record.RecentSel)
        {
            var e = seen.Event;
            w.WriteStartObject();
            w.WriteNumber("record_id", e.RecordId);
            Time(w, "timestamp", e.Timestamp);
            w.WriteString("seen", seen.Seen);
            w.WriteString("severity", e.Severity.ToString().ToLowerInvariant());
            w.WriteString("sensor_type", e.SensorTypeName);
            w.WriteNumber("sensor_number", e.SensorNumber);
            w.WriteString("description", e.Description);
            w.WriteBoolean("asserted", e.Asserted);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (s is not null)
        {
            Sensors(w, s);
            Identity(w, s);
            w.WriteStartArray("collectors");
            foreach (var c in s.Collectors)
            {
                w.WriteStartObject();
                w.WriteString("collector", c.Collector);
                w.WriteBoolean("success", c.Success);
                w.WriteBoolean("supported", !c.Unsupported);
                w.WriteNumber("duration_seconds", c.Duration.TotalSeconds);
                w.WriteString("error", c.Error);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>One scrape in flight, as <c>/api/fleet</c> lists it and <c>/api/target</c> shows it: holding a slot or waiting, for how long, collectors done of planned.</summary>
    private static void InFlight(Utf8JsonWriter w, ScrapeProgress r)
    {
        w.WriteBoolean("running", r.Running);
        w.WriteNumber("elapsed_seconds", r.Elapsed.TotalSeconds);
        w.WriteNumber("collectors_done", r.CollectorsDone);
        w.WriteNumber("collectors_planned", r.CollectorsPlanned);
    }

    private static void Summary(Utf8JsonWriter w, ExporterRuntime runtime, TargetRecord r)
    {
        var s = r.Snapshot;
        w.WriteString("key", r.Key);
        w.WriteString("target", r.Target);
        w.WriteString("module", r.Module);
        w.WriteString("health", r.Health.Name());
        w.WriteBoolean("scheduled", r.Scheduled);
        Time(w, "next_scrape", runtime.Scheduler.NextDue(r.Key));
        w.WriteString("circuit", runtime.Coordinator.CircuitStateOf(r.Key).ToString().ToLowerInvariant());
        w.WriteStartArray("findings");
        foreach (var f in r.Findings)
        {
            w.WriteStartObject();
            w.WriteString("kind", f.Kind.Name());
            w.WriteString("severity", f.Severity.ToWireName());
            w.WriteString("subject", f.Subject);
            w.WriteString("detail", f.Detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (s is null)
        {
            w.WriteNull("scrape");
            return;
        }

        w.WriteStartObject("scrape");
        w.WriteString("outcome", TargetRenderer.OutcomeName(s.Outcome));
        w.WriteString("started_at", s.StartedAt);
        w.WriteNumber("duration_seconds", s.Duration.TotalSeconds);
        w.WriteBoolean("answered", s.Answered);
        Time(w, "last_success", s.LastSuccess);
        w.WriteString("error", s.Error);
        w.WriteNumber("cipher_suite", s.CipherSuite);
        if (s.Sdr is { } sdr)
        {
            w.WriteStartObject("sdr");
            w.WriteNumber("records_read", sdr.RecordsRead);
            w.WriteNumber("repository_records", sdr.RepositoryRecords);
            w.WriteNumber("missing", sdr.Missing);
            w.WriteBoolean("complete", sdr.Complete);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("sdr");
        }

        w.WriteStartObject("labels");
        foreach (var (k, v) in s.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            w.WriteString(k, v);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Sensors(Utf8JsonWriter w, TargetSnapshot s)
    {
        w.WriteStartArray("sensors");
        foreach (var r in s.Sensors)
        {
            w.WriteStartObject();
            w.WriteNumber("id", r.RecordId);
            w.WriteString("name", r.Name);
            w.WriteString("type", r.SensorType);
            Number(w, "value", r.Value);
            w.WriteString("unit", r.Units is null ? null : r.Unit);
            w.WriteString("state", r.Status.ToWireName());
            w.WriteStartObject("thresholds");
            var t = r.Thresholds;
            Number(w, "lnr", t.LowerNonRecoverable);
            Number(w, "lcr", t.LowerCritical);
            Number(w, "lnc", t.LowerNonCritical);
            Number(w, "unc", t.UpperNonCritical);
            Number(w, "ucr", t.UpperCritical);
            Number(w, "unr", t.UpperNonRecoverable);
            w.WriteEndObject();
            w.WriteString("crossed", HealthAssessor.Crossed(r));
            w.WriteStartArray("states");
            foreach (var name in r.StateNames)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Identity(Utf8JsonWriter w, TargetSnapshot s)
    {
        if (s.Bmc is { } bmc)
        {
            w.WriteStartObject("bmc");
            w.WriteString("manufacturer", bmc.Manufacturer);
            w.WriteNumber("manufacturer_id", bmc.ManufacturerId);
            w.WriteNumber("product_id", bmc.ProductId);
            w.WriteString("firmware", bmc.FirmwareRevision);
            w.WriteString("ipmi_version", bmc.IpmiVersion);
            w.WriteString("system_firmware", bmc.SystemFirmwareVersion);
            w.WriteEndObject();
        }

        if (s.Chassis is { } c)
        {
            w.WriteStartObject("chassis");
            w.WriteBoolean("power_on", c.PowerOn);
            w.WriteBoolean("power_fault", c.PowerFault);
            w.WriteBoolean("power_overload", c.PowerOverload);
            w.WriteBoolean("drive_fault", c.DriveFault);
            w.WriteBoolean("cooling_fault", c.CoolingFault);
            if (c.Intrusion is { } intrusion)
            {
                w.WriteBoolean("intrusion", intrusion); // absent when the BMC reports no intrusion sensor
            }
            w.WriteEndObject();
        }

        w.WriteStartArray("fru");
        foreach (var f in s.Fru)
        {
            w.WriteStartObject();
            w.WriteNumber("device_id", f.DeviceId);
            w.WriteString("name", f.Name);
            w.WriteString("board_manufacturer", f.BoardManufacturer);
            w.WriteString("board_product", f.BoardProduct);
            w.WriteString("board_serial", f.BoardSerial);
            w.WriteString("board_part_number", f.BoardPartNumber);
            w.WriteString("product_manufacturer", f.ProductManufacturer);
            w.WriteString("product_name", f.ProductName);
            w.WriteString("product_part_number", f.ProductPartNumber);
            w.WriteString("product_version", f.ProductVersion);
            w.WriteString("product_serial", f.ProductSerial);
            w.WriteString("asset_tag", f.AssetTag);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Time(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}

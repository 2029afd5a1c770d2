using BmcExporter.Collectors.Redfish;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Redfish;
using BmcExporter.Redfish.Errors;
using BmcExporter.Snapshots;

namespace BmcExporter.Cli;

/// <summary>
/// <c>--protocol redfish</c>: the same commands read over Redfish, through the mapping the exporter's Redfish
/// collectors use, so what is printed is what the exporter reports.
/// </summary>
internal static partial class ClientCommands
{
    private static async Task<int> RunRedfishAsync(string verb, string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> getEnv, CancellationToken cancellationToken)
    {
        RedfishCommandOptions options;
        try
        {
            options = RedfishCommandOptions.Parse(args, getEnv);
        }
        catch (CliUsageException e)
        {
            await stderr.WriteLineAsync($"bmc-exporter {verb}: {e.Message}").ConfigureAwait(false);
            return UsageError;
        }

        if (options.Client.Insecure)
        {
            await stderr.WriteLineAsync($"bmc-exporter {verb}: warning: --insecure: the certificate of {options.Client.Target} is not verified").ConfigureAwait(false);
        }

        try
        {
            await using var session = RedfishSession.Create(options.Client);
            var reader = new RedfishReader(session);
            switch (verb)
            {
                case "sensors":
                    await RedfishSensorsAsync(reader, options, stdout, cancellationToken).ConfigureAwait(false);
                    break;
                case "sel":
                    await RedfishSelAsync(reader, options, stdout, cancellationToken).ConfigureAwait(false);
                    break;
                case "info" or "chassis" or "fru":
                    await RedfishInventoryAsync(verb, reader, options, stdout, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await stderr.WriteLineAsync($"bmc-exporter: unknown command '{verb}'").ConfigureAwait(false);
                    return UsageError;
            }

            return 0;
        }
        catch (Exception e) when (e is RedfishException or ArgumentException or IOException)
        {
            await stderr.WriteLineAsync($"bmc-exporter {verb}: {e.Message}").ConfigureAwait(false);
            return BmcError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync($"bmc-exporter {verb}: cancelled").ConfigureAwait(false);
            return 130;
        }
    }

    private static async Task RedfishSensorsAsync(RedfishReader reader, RedfishCommandOptions options, TextWriter stdout, CancellationToken cancellationToken)
    {
        var readings = RedfishReadingMapper.Map(await reader.ReadReadingsAsync(cancellationToken).ConfigureAwait(false));
        if (options.Output == OutputFormat.Json)
        {
            await WriteJsonAsync(stdout, w =>
            {
                w.WriteStartArray();
                foreach (var r in readings)
                {
                    WriteSensor(w, r);
                }

                w.WriteEndArray();
            }).ConfigureAwait(false);
            return;
        }

        var idWidth = Math.Max(2, readings.Count == 0 ? 2 : readings.Max(r => r.SourceId?.Length ?? 0));
        var nameWidth = Math.Max(4, readings.Count == 0 ? 4 : readings.Max(r => r.Name.Length));
        await stdout.WriteLineAsync($"{"ID".PadRight(idWidth)} {"Name".PadRight(nameWidth)} | {"Value",10} | {"Unit",-12} | {"Status",-14} | Type").ConfigureAwait(false);
        foreach (var r in readings)
        {
            await stdout.WriteLineAsync(
                $"{(r.SourceId ?? string.Empty).PadRight(idWidth)} {r.Name.PadRight(nameWidth)} | {Format(r.Value),10} | {(r.Units is null ? "discrete" : r.Unit),-12} | {r.Status.ToWireName(),-14} | {r.SensorType}").ConfigureAwait(false);
        }
    }

    private static async Task RedfishSelAsync(RedfishReader reader, RedfishCommandOptions options, TextWriter stdout, CancellationToken cancellationToken)
    {
        var events = new List<(string Log, SelEvent Event)>();
        foreach (var service in await reader.ReadLogServicesAsync(cancellationToken).ConfigureAwait(false))
        {
            var read = await reader.ReadLogAsync(service, null, cancellationToken).ConfigureAwait(false);
            events.AddRange(read.NewEntries.Select(e => (service.Uri, RedfishLogMapper.ToEvent(options.Client.Target, service, e))));
        }

        if (options.Output == OutputFormat.Json)
        {
            await WriteJsonAsync(stdout, w =>
            {
                w.WriteStartArray();
                foreach (var (log, e) in events)
                {
                    w.WriteStartObject();
                    w.WriteString("logService", log);
                    w.WriteNumber("recordId", e.RecordId);
                    if (e.Timestamp is { } ts)
                    {
                        w.WriteString("timestamp", ts);
                    }

                    w.WriteString("sensorType", e.SensorTypeName);
                    w.WriteNumber("sensorNumber", e.SensorNumber);
                    w.WriteString("direction", e.Asserted ? "asserted" : "deasserted");
                    w.WriteString("severity", e.Severity.ToString().ToLowerInvariant());
                    w.WriteString("description", e.Description);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }).ConfigureAwait(false);
            return;
        }

        foreach (var (log, e) in events)
        {
            var when = e.Timestamp?.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "(no time)";
            await stdout.WriteLineAsync($"{e.RecordId,5} | {when} | {e.SensorTypeName} #{e.SensorNumber} | {e.Severity.ToString().ToLowerInvariant()} | {e.Description} | {log}").ConfigureAwait(false);
        }
    }

    private static async Task RedfishInventoryAsync(string verb, RedfishReader reader, RedfishCommandOptions options, TextWriter stdout, CancellationToken cancellationToken)
    {
        var inventory = await reader.ReadInventoryAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(string Key, string? Value)>();
        switch (verb)
        {
            case "info":
                rows.Add(("Redfish Version", inventory.Service.RedfishVersion));
                rows.Add(("Vendor", inventory.Service.Vendor));
                foreach (var m in inventory.Managers)
                {
                    rows.Add(($"Manager {m.Id} Firmware", m.FirmwareVersion));
                    rows.Add(($"Manager {m.Id} Model", m.Model));
                }

                rows.AddRange(inventory.Firmware.Select(f => ($"Firmware {f.Name}", f.Version)));
                break;
            case "chassis":
                var readings = await reader.ReadReadingsAsync(cancellationToken).ConfigureAwait(false);
                rows.AddRange(readings.Systems.Select(s => ($"System {s.Id} Power", (string?)s.PowerState.ToString())));
                rows.AddRange(readings.Systems.Select(s => ($"System {s.Id} Health", (string?)s.Status.HealthRollup.ToString())));
                rows.AddRange(readings.Chassis.Select(c => ($"Chassis {c.Id} Health", (string?)c.Status.HealthRollup.ToString())));
                break;
            default:
                foreach (var c in inventory.Chassis)
                {
                    rows.Add(($"Chassis {c.Id} Manufacturer", c.Manufacturer));
                    rows.Add(($"Chassis {c.Id} Model", c.Model));
                    rows.Add(($"Chassis {c.Id} Serial", c.SerialNumber));
                    rows.Add(($"Chassis {c.Id} Part Number", c.PartNumber));
                }

                foreach (var s in inventory.Systems)
                {
                    rows.Add(($"System {s.Id} Manufacturer", s.Manufacturer));
                    rows.Add(($"System {s.Id} Model", s.Model));
                    rows.Add(($"System {s.Id} Serial", s.SerialNumber));
                    rows.Add(($"System {s.Id} Part Number", s.PartNumber));
                }

                break;
        }

        if (options.Output == OutputFormat.Json)
        {
            await WriteJsonAsync(stdout, w =>
            {
                w.WriteStartObject();
                foreach (var (key, value) in rows)
                {
                    w.WriteString(key, value);
                }

                w.WriteEndObject();
            }).ConfigureAwait(false);
            return;
        }

        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Key.Length);
        foreach (var (key, value) in rows)
        {
            await stdout.WriteLineAsync($"{key.PadRight(width)} : {value ?? "N/A"}").ConfigureAwait(false);
        }
    }
}

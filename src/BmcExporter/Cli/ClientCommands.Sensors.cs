using System.Text.Json;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Sensors;

namespace BmcExporter.Cli;

internal static partial class ClientCommands
{
    private static async Task SensorsAsync(IIpmiChannel session, ClientCommandOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        // The SDRs are read once; --watch re-reads the sensors only.
        SdrRepository repository;
        var walk = new SdrWalkState();
        using (var progress = WalkProgress.Start(stderr, options.ProgressOnTerminal, "reading the SDR repository", options.Time, () => RecordCount(walk)))
        {
            repository = await SdrRepositoryReader.ResumeAsync(session, walk, SdrReadOptions.Default, cancellationToken).ConfigureAwait(false);
        }

        var readOptions = SensorReadOptions.Default with { BridgeForeignSensors = options.BridgeSensors };
        while (true)
        {
            var readings = await SensorReader.ReadAllAsync(
                session, repository.Sensors.Where(s => !s.IsEventOnly), readOptions, cancellationToken).ConfigureAwait(false);
            if (options.Watch is { } every && options.Output == OutputFormat.Table && options.ProgressOnTerminal)
            {
                // Redraw in place on a terminal: clear the screen, cursor home (ECMA-48 ED and CUP).
                await stdout.WriteAsync("\u001b[2J\u001b[H").ConfigureAwait(false);
            }

            await WriteSensorsAsync(stdout, options, readings).ConfigureAwait(false);
            if (options.Watch is not { } interval)
            {
                return;
            }

            await Task.Delay(interval, options.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>37/153 records</c> while the walk runs (the count from Get SDR Repository Info, IPMI v2.0 §33.9), or null
    /// before its first answer. Read from the progress timer while the walk appends: a count one record behind is fine.
    /// </summary>
    internal static string? RecordCount(SdrWalkState walk) =>
        walk.Info is { } info ? $"{walk.Records.Count}/{info.EntryCount} records" : null;

    private static async Task WriteSensorsAsync(TextWriter stdout, ClientCommandOptions options, IReadOnlyList<SensorReading> readings)
    {
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

        var nameWidth = Math.Max(4, readings.Count == 0 ? 4 : readings.Max(r => r.Name.Length));
        var typeWidth = Math.Max(4, readings.Count == 0 ? 4 : readings.Max(r => r.SensorType.Length));
        await stdout.WriteLineAsync($"{"ID",-5} {"Name".PadRight(nameWidth)} | {"Type".PadRight(typeWidth)} | {"Value",10} | {"Unit",-12} | {"Status",-14} | {"Thresholds (lnr/lcr/lnc/unc/ucr/unr)",-37} | Crossed / states").ConfigureAwait(false);
        foreach (var r in readings)
        {
            var states = r.StateNames.Count > 0 ? string.Join(", ", r.StateNames) : Crossed(r) ?? r.Reason ?? string.Empty;
            await stdout.WriteLineAsync(
                $"{r.RecordId,-5} {r.Name.PadRight(nameWidth)} | {r.SensorType.PadRight(typeWidth)} | {Format(r.Value),10} | {r.Unit,-12} | {r.Status.ToWireName(),-14} | {Thresholds(r),-37} | {states}").ConfigureAwait(false);
        }
    }

    /// <summary>The six thresholds, <c>na</c> where not readable; empty for sensors without thresholds.</summary>
    internal static string Thresholds(SensorReading r)
    {
        var t = r.Thresholds;
        double?[] all = [t.LowerNonRecoverable, t.LowerCritical, t.LowerNonCritical, t.UpperNonCritical, t.UpperCritical, t.UpperNonRecoverable];
        return all.All(v => v is null) ? string.Empty : string.Join("/", all.Select(Format));
    }

    /// <summary>The most severe threshold the value is beyond, e.g. <c>below lcr 600</c>, or <c>null</c>.</summary>
    internal static string? Crossed(SensorReading r)
    {
        if (r.Value is not { } v)
        {
            return null;
        }

        var t = r.Thresholds;
        (double? Limit, bool Upper, string Name)[] order =
        [
            (t.UpperNonRecoverable, true, "unr"), (t.LowerNonRecoverable, false, "lnr"), (t.UpperCritical, true, "ucr"),
            (t.LowerCritical, false, "lcr"), (t.UpperNonCritical, true, "unc"), (t.LowerNonCritical, false, "lnc"),
        ];
        foreach (var (limit, upper, name) in order)
        {
            if (limit is { } l && (upper ? v >= l : v <= l))
            {
                return $"{(upper ? "at/above" : "at/below")} {name} {Format(l)}";
            }
        }

        return null;
    }

    internal static void WriteSensor(Utf8JsonWriter w, SensorReading r)
    {
        w.WriteStartObject();
        w.WriteNumber("recordId", r.RecordId);
        if (r.SourceId is not null)
        {
            w.WriteString("id", r.SourceId);
        }

        w.WriteNumber("sensorNumber", r.SensorNumber);
        w.WriteString("name", r.Name);
        w.WriteString("sensorType", r.SensorType);
        w.WriteString("unit", r.Unit);
        WriteNumberOrNull(w, "value", r.Value);
        w.WriteString("status", r.Status.ToWireName());
        w.WriteStartObject("thresholds");
        WriteNumberOrNull(w, "lowerNonRecoverable", r.Thresholds.LowerNonRecoverable);
        WriteNumberOrNull(w, "lowerCritical", r.Thresholds.LowerCritical);
        WriteNumberOrNull(w, "lowerNonCritical", r.Thresholds.LowerNonCritical);
        WriteNumberOrNull(w, "upperNonCritical", r.Thresholds.UpperNonCritical);
        WriteNumberOrNull(w, "upperCritical", r.Thresholds.UpperCritical);
        WriteNumberOrNull(w, "upperNonRecoverable", r.Thresholds.UpperNonRecoverable);
        w.WriteEndObject();
        w.WriteStartArray("assertedStates");
        foreach (var s in r.AssertedStates)
        {
            w.WriteNumberValue(s);
        }

        w.WriteEndArray();
        w.WriteStartArray("stateNames");
        foreach (var s in r.StateNames)
        {
            w.WriteStringValue(s);
        }

        w.WriteEndArray();
        w.WriteNumber("entityId", r.EntityId);
        w.WriteNumber("entityInstance", r.EntityInstance);
        w.WriteBoolean("scanningDisabled", r.ScanningDisabled);
        w.WriteBoolean("readingUnavailable", r.ReadingUnavailable);
        if (r.Reason is not null)
        {
            w.WriteString("reason", r.Reason);
        }

        w.WriteEndObject();
    }
}

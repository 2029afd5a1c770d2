using System.Text.Json;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Sensors;

namespace BmcExporter.Cli;

internal static partial class ClientCommands
{
    private static async Task SensorsAsync(IIpmiChannel session, ClientCommandOptions options, TextWriter stdout, CancellationToken cancellationToken)
    {
        var repository = await SdrRepositoryReader.ReadAsync(session, SdrReadOptions.Default, cancellationToken).ConfigureAwait(false);
        var readOptions = SensorReadOptions.Default with { BridgeForeignSensors = options.BridgeSensors };
        var readings = await SensorReader.ReadAllAsync(
            session, repository.Sensors.Where(s => !s.IsEventOnly), readOptions, cancellationToken).ConfigureAwait(false);

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
        await stdout.WriteLineAsync($"{"ID",-5} {"Name".PadRight(nameWidth)} | {"Value",10} | {"Unit",-12} | {"Status",-14} | States").ConfigureAwait(false);
        foreach (var r in readings)
        {
            var states = r.StateNames.Count > 0 ? string.Join(", ", r.StateNames) : r.Reason ?? string.Empty;
            await stdout.WriteLineAsync(
                $"{r.RecordId,-5} {r.Name.PadRight(nameWidth)} | {Format(r.Value),10} | {r.Unit,-12} | {r.Status.ToWireName(),-14} | {states}").ConfigureAwait(false);
        }
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

using System.Globalization;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Sel;

namespace BmcExporter.Cli;

internal static partial class ClientCommands
{
    private static async Task SelAsync(IIpmiChannel session, ClientCommandOptions options, TextWriter stdout, CancellationToken cancellationToken)
    {
        var sel = await SelReader.ReadAsync(session, after: null, SelReadOptions.Default, cancellationToken).ConfigureAwait(false);

        // Sensor names come from the SDR (generator + sensor number); a SEL is still printed when the SDR walk fails.
        var names = new Dictionary<(byte Owner, byte Number), string>();
        try
        {
            var sdr = await SdrRepositoryReader.ReadAsync(session, SdrReadOptions.Default, cancellationToken).ConfigureAwait(false);
            foreach (var s in sdr.Sensors)
            {
                names.TryAdd((s.OwnerId, s.SensorNumber), s.Name);
            }
        }
        catch (Exception e) when (e is IpmiCompletionCodeException or IpmiProtocolException)
        {
            // names stay empty: records are printed with sensor numbers only
        }

        if (options.Output == OutputFormat.Json)
        {
            await WriteJsonAsync(stdout, w =>
            {
                w.WriteStartArray();
                foreach (var record in sel.Records)
                {
                    w.WriteStartObject();
                    w.WriteNumber("recordId", record.RecordId);
                    w.WriteNumber("recordType", record.RecordType);
                    switch (record)
                    {
                        case SystemEventRecord e:
                            WriteTimestamp(w, e.Timestamp);
                            w.WriteNumber("generatorId", e.GeneratorAddress);
                            w.WriteString("sensorType", e.SensorTypeName);
                            w.WriteNumber("sensorNumber", e.SensorNumber);
                            if (names.TryGetValue((e.GeneratorAddress, e.SensorNumber), out var n))
                            {
                                w.WriteString("sensorName", n);
                            }

                            w.WriteNumber("eventReadingType", e.EventReadingType);
                            w.WriteString("direction", e.IsDeassertion ? "deasserted" : "asserted");
                            w.WriteNumber("offset", e.Offset);
                            w.WriteString("description", e.Description ?? string.Empty);
                            w.WriteString("eventData", $"{e.EventData1:x2}{e.EventData2:x2}{e.EventData3:x2}");
                            break;
                        case RawSelRecord raw:
                            if (raw.Timestamp is { } ts)
                            {
                                WriteTimestamp(w, ts);
                            }

                            if (raw.ManufacturerId is { } m)
                            {
                                w.WriteNumber("manufacturerId", m);
                            }

                            w.WriteString("oemData", Convert.ToHexStringLower(raw.Data.Span));
                            break;
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }).ConfigureAwait(false);
            return;
        }

        await stdout.WriteLineAsync($"SEL: {sel.Records.Count} entries").ConfigureAwait(false);
        foreach (var record in sel.Records)
        {
            var line = record switch
            {
                SystemEventRecord e => string.Create(CultureInfo.InvariantCulture,
                    $"{e.RecordId,5:X4} | {e.Timestamp} | {e.SensorTypeName} {(names.TryGetValue((e.GeneratorAddress, e.SensorNumber), out var n) ? n : $"#0x{e.SensorNumber:X2}")} | {e.Description} | {e.DirectionName}"),
                RawSelRecord raw => $"{raw.RecordId,5:X4} | OEM record type 0x{raw.Type:X2} | {Convert.ToHexStringLower(raw.Data.Span)}",
                _ => $"{record.RecordId,5:X4} | record type 0x{record.RecordType:X2}",
            };
            await stdout.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    private static void WriteTimestamp(System.Text.Json.Utf8JsonWriter w, SelTimestamp ts)
    {
        w.WriteNumber("timestampRaw", ts.Raw);
        if (ts.ToDateTimeOffset() is { } abs)
        {
            w.WriteString("timestamp", abs.ToString("O", CultureInfo.InvariantCulture));
        }
        else if (ts.SinceInitialization is { } rel)
        {
            w.WriteNumber("secondsSinceInitialization", rel.TotalSeconds);
        }
    }
}

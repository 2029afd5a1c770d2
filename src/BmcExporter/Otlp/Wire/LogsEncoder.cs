using System.Globalization;
using BmcExporter.Otlp.Proto.Collector.Logs;
using BmcExporter.Otlp.Proto.Common;
using BmcExporter.Otlp.Proto.Logs;
using BmcExporter.Snapshots;

namespace BmcExporter.Otlp.Wire;

/// <summary>
/// SEL entries as OTLP log records. Each entry is encoded once, when its snapshot is stored, into a queue record
/// that stands alone: <c>[varint n][n bytes: the BMC's Resource fields][the LogRecord fields]</c>, so records
/// queued before a restart are sent with the resource they were read under. A request groups consecutive records
/// of the same resource into one <c>ResourceLogs</c>.
/// </summary>
internal static class LogsEncoder
{
    /// <summary>One queue record per entry of <paramref name="snapshot"/>, oldest first.</summary>
    public static List<byte[]> QueueRecords(TargetSnapshot snapshot, DateTimeOffset observed)
    {
        var w = ProtoBuffer.ForThread;
        ResourceEncoder.WriteAttributes(w, snapshot);
        var resource = w.ToArray();
        var prefix = new byte[10];
        var prefixLength = ProtoBuffer.WriteVarint(prefix, (ulong)resource.Length);
        var records = new List<byte[]>(snapshot.NewSelEvents.Count);
        foreach (var e in snapshot.NewSelEvents)
        {
            w.Reset();
            w.WriteRaw(prefix.AsSpan(0, prefixLength));
            w.WriteRaw(resource);
            WriteLogRecord(w, snapshot.Target, e, observed);
            records.Add(w.ToArray());
        }

        return records;
    }

    /// <summary>An <c>ExportLogsServiceRequest</c> for queued records, compressed as one piece.</summary>
    public static EncodedPiece Request(IReadOnlyList<byte[]> records)
    {
        var w = ProtoBuffer.ForThread;
        var i = 0;
        while (i < records.Count)
        {
            var resource = ResourceOf(records[i]);
            w.BeginMessage(ExportLogsServiceRequest.ResourceLogsFieldNumber);
            w.WriteBytes(ResourceLogs.ResourceFieldNumber, resource);
            w.BeginMessage(ResourceLogs.ScopeLogsFieldNumber);
            OtlpFields.Scope(w, ScopeLogs.ScopeFieldNumber);
            for (; i < records.Count && ResourceOf(records[i]).SequenceEqual(resource); i++)
            {
                w.WriteBytes(ScopeLogs.LogRecordsFieldNumber, LogRecordOf(records[i]));
            }

            w.EndMessage();
            w.EndMessage();
        }

        return EncodedPiece.Compress(w.Written, records.Count);
    }

    /// <summary>The fields of one log record: time, severity, body, attributes, event name.</summary>
    public static void WriteLogRecord(ProtoBuffer w, string target, SelEvent e, DateTimeOffset observed)
    {
        const int attributes = LogRecord.AttributesFieldNumber;
        if (e.Timestamp is { } occurred)
        {
            // Left 0 (unknown) for entries without a usable timestamp: the observed time says when it was read.
            w.WriteFixed64(LogRecord.TimeUnixNanoFieldNumber, OtlpFields.UnixNanos(occurred));
        }

        w.WriteFixed64(LogRecord.ObservedTimeUnixNanoFieldNumber, OtlpFields.UnixNanos(observed));
        var (number, text) = e.Severity switch
        {
            SelSeverity.Critical => (SeverityNumber.Error, "ERROR"),
            SelSeverity.Warning => (SeverityNumber.Warn, "WARN"),
            _ => (SeverityNumber.Info, "INFO"),
        };
        w.WriteUInt64(LogRecord.SeverityNumberFieldNumber, (ulong)number);
        w.WriteString(LogRecord.SeverityTextFieldNumber, text);
        w.BeginMessage(LogRecord.BodyFieldNumber);
        w.WriteString(AnyValue.StringValueFieldNumber, e.Description.Length > 0 ? e.Description : $"SEL record {e.RecordId}");
        w.EndMessage();
        OtlpFields.Attribute(w, attributes, HwConventions.AttrLogRecordUid, e.StableId);
        OtlpFields.Attribute(w, attributes, "bmc.target", target);
        OtlpFields.Attribute(w, attributes, "ipmi.sel.record_id", e.RecordId);
        OtlpFields.Attribute(w, attributes, "ipmi.sel.record_type", $"0x{e.RecordType:x2}");
        OtlpFields.Attribute(w, attributes, "ipmi.sel.generator_id", $"0x{e.GeneratorId:x4}");
        OtlpFields.Attribute(w, attributes, "ipmi.sel.raw", e.RawHex);
        if (e.RecordType == 0x02)
        {
            // System event records only (IPMI v2.0 §32.1); OEM records carry raw data alone.
            OtlpFields.Attribute(w, attributes, "ipmi.sensor.type", e.SensorTypeName.Length > 0 ? e.SensorTypeName : e.SensorType.ToString("x2", CultureInfo.InvariantCulture));
            OtlpFields.Attribute(w, attributes, "ipmi.sensor.number", e.SensorNumber);
            OtlpFields.Attribute(w, attributes, "ipmi.sel.event_direction", e.Asserted ? "assertion" : "deassertion");
            OtlpFields.Attribute(w, attributes, "ipmi.sel.event_offset", e.Offset);
            if (e.Security is { } security)
            {
                // Session Audit / Platform Security Violation (IPMI v2.0 table 42-3): who, where, what.
                OtlpFields.Attribute(w, attributes, "ipmi.sel.security_event", security.Event);
                if (security.UserId is { } user)
                {
                    OtlpFields.Attribute(w, attributes, "ipmi.user.id", user);
                }

                if (security.Channel is { } channel)
                {
                    OtlpFields.Attribute(w, attributes, "ipmi.channel", channel);
                }
            }
        }

        w.WriteString(LogRecord.EventNameFieldNumber, HwConventions.SelEventName);
    }

    private static ReadOnlySpan<byte> ResourceOf(byte[] record)
    {
        var (length, used) = ReadLength(record);
        return record.AsSpan(used, length);
    }

    private static ReadOnlySpan<byte> LogRecordOf(byte[] record)
    {
        var (length, used) = ReadLength(record);
        return record.AsSpan(used + length);
    }

    /// <summary>The resource length prefix of a queue record; a record that does not fit is a corrupt queue.</summary>
    private static (int Length, int Used) ReadLength(byte[] record)
    {
        ulong value = 0;
        for (var i = 0; i < Math.Min(5, record.Length); i++)
        {
            value |= (ulong)(record[i] & 0x7F) << (7 * i);
            if ((record[i] & 0x80) == 0)
            {
                if (value > (ulong)(record.Length - i - 1))
                {
                    break;
                }

                return ((int)value, i + 1);
            }
        }

        throw new InvalidDataException("malformed OTLP queue record");
    }
}

using System.Globalization;
using BmcExporter.Redfish.Json;
using BmcExporter.Redfish.Logs;

namespace BmcExporter.Redfish.Parsing;

/// <summary>LogEntry (v1.x): Id, Created, EntryType, Severity, Message, MessageId, SensorType, SensorNumber, EntryCode.</summary>
internal static class LogEntryParser
{
    public static RedfishLogEntry Parse(JsonView entry, string uri)
    {
        var created = entry.String("Created");
        DateTimeOffset? when = null;
        if (created is not null)
        {
            when = DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                ? t
                : throw entry.Context.Malformed($"{entry.Path}.Created '{created}' is not an ISO 8601 date-time");
        }

        return new RedfishLogEntry(
            uri,
            CommonParser.ShortId(entry, uri),
            when,
            entry.String("EntryType") switch
            {
                "Event" => RedfishLogEntryType.Event,
                "SEL" => RedfishLogEntryType.Sel,
                "Oem" => RedfishLogEntryType.Oem,
                "CXL" => RedfishLogEntryType.CXL,
                _ => RedfishLogEntryType.Unknown,
            },
            CommonParser.Health(entry.String("Severity")),
            entry.String("Message"),
            entry.String("MessageId"),
            entry.String("SensorType"),
            entry.Integer("SensorNumber"),
            entry.String("EntryCode"));
    }
}

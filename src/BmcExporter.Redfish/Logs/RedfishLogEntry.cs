using BmcExporter.Redfish.Model;

namespace BmcExporter.Redfish.Logs;

/// <summary>LogEntry.EntryType.</summary>
public enum RedfishLogEntryType
{
    Unknown,
    Event,
    Sel,
    Oem,
    CXL,
}

/// <summary>
/// One LogEntry. For a SEL entry (EntryType SEL) the IPMI fields come through: SensorType, SensorNumber and
/// EntryCode (e.g. "Assert", "Upper Critical - going high"); MessageId holds the event bytes on some BMCs.
/// </summary>
public sealed record RedfishLogEntry(
    string Uri,
    string Id,
    DateTimeOffset? Created,
    RedfishLogEntryType EntryType,
    RedfishHealth Severity,
    string? Message,
    string? MessageId,
    string? SensorType,
    long? SensorNumber,
    string? EntryCode);

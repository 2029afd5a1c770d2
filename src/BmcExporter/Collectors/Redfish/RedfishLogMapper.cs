using System.Globalization;
using System.IO.Hashing;
using System.Text;
using BmcExporter.Ipmi.Tables;
using BmcExporter.Redfish.Logs;
using BmcExporter.Redfish.Model;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors.Redfish;

/// <summary>
/// A Redfish LogEntry as the host's <see cref="SelEvent"/>, so <c>ipmi_sel_events_total</c> and the OTLP log records
/// carry the same fields whichever protocol read the log: a SensorType named like an IPMI sensor type (Table 42-3,
/// in ipmitool's, FreeIPMI's or the Redfish LogEntry schema's spelling) becomes that type; the severity is the
/// entry's Severity (OK = info).
/// </summary>
public static class RedfishLogMapper
{
    /// <summary>Redfish LogEntry SensorType values (LogEntry v1.x) whose spelling no IPMI tool uses.</summary>
    private static readonly Dictionary<string, byte> RedfishSpellings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Power Supply / Converter"] = 0x08,
        ["Drive Slot/Bay"] = 0x0D,
        ["Platform Security Violation Attempt"] = 0x06,
        ["Physical Chassis Security"] = 0x05,
        ["SystemBoot/Restart"] = 0x1D,
        ["BaseOSBoot/InstallationStatus"] = 0x1F,
        ["OS Stop/Shutdown"] = 0x20,
        ["System ACPI PowerState"] = 0x22,
        ["Monitor ASIC/IC"] = 0x26,
        ["FRUState"] = 0x2C,
    };

    /// <summary>
    /// The event for <paramref name="entry"/> of <paramref name="service"/>. Its stable ID is
    /// <c>target/redfish/LogServiceId/EntryId/crc</c>, the CRC-32 over Created, Message and MessageId, so an Id
    /// reused after a clear gets a new ID while the same entry read again keeps its own.
    /// </summary>
    public static SelEvent ToEvent(string target, RedfishLogService service, RedfishLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(entry);
        var (code, typeName) = SensorType(entry);
        var created = entry.Created?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty;
        var crc = Crc32.HashToUInt32(Encoding.UTF8.GetBytes($"{created}|{entry.Message}|{entry.MessageId}"));
        return new SelEvent
        {
            RecordId = int.TryParse(entry.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0,
            RecordType = entry.EntryType == RedfishLogEntryType.Sel ? (byte)0x02 : (byte)0,
            Timestamp = entry.Created,
            SensorType = code,
            SensorTypeName = typeName,
            SensorNumber = entry.SensorNumber is >= 0 and <= 255 ? (byte)entry.SensorNumber.Value : (byte)0,
            Asserted = !IsDeassertion(entry),
            Description = entry.Message ?? entry.MessageId ?? entry.EntryCode ?? string.Empty,
            Severity = entry.Severity switch
            {
                RedfishHealth.Warning => SelSeverity.Warning,
                RedfishHealth.Critical => SelSeverity.Critical,
                _ => SelSeverity.Info,
            },
            StableId = string.Create(CultureInfo.InvariantCulture, $"{target}/redfish/{service.Id}/{entry.Id}/{crc:x8}"),
        };
    }

    /// <summary>
    /// LogEntry has no direction field: a deassertion is EntryCode <c>Deassert</c> (discrete events), or, for threshold
    /// events whose EntryCode names the threshold, a Message saying "deasserted", as BMCs that mirror their IPMI SEL
    /// write it.
    /// </summary>
    private static bool IsDeassertion(RedfishLogEntry entry) =>
        string.Equals(entry.EntryCode, "Deassert", StringComparison.Ordinal)
        || (entry.EntryType == RedfishLogEntryType.Sel && entry.Message is { } m && m.Contains("deasserted", StringComparison.OrdinalIgnoreCase));

    private static (byte Code, string Name) SensorType(RedfishLogEntry entry)
    {
        if (entry.SensorType is { Length: > 0 } text)
        {
            if (RedfishSpellings.TryGetValue(text, out var code) || (SensorTypeNames.TryParse(text, out code, out var last) && code == last))
            {
                return (code, SensorTypeNames.Name(code));
            }

            return (0, text);
        }

        return (0, entry.EntryType switch
        {
            RedfishLogEntryType.Event => "Event",
            RedfishLogEntryType.Oem => "OEM",
            RedfishLogEntryType.CXL => "CXL",
            _ => "unknown",
        });
    }
}

using System.Globalization;
using System.Text;
using BmcExporter.Ipmi.Sel;
using BmcExporter.Ipmi.Tables;

namespace BmcExporter.Collectors;

/// <summary>
/// The text <c>sel_events</c> regexes are matched against, shaped like the Event column of FreeIPMI's
/// <c>ipmi-sel --comma-separated-output --output-event-state --interpret-oem-data</c> (what ipmi_exporter's
/// <c>sel-events</c> collector parses), for the parts whose format FreeIPMI fixes independently of its message
/// tables: OEM records (<c>OEM defined = 11h 22h ...</c>), OEM event/reading types (<c>OEM Event Offset = 02h</c>),
/// offsets without a name (<c>Event Offset = 01h</c>), OEM codes in event data 2 and 3
/// (<c> ; OEM Event Data2 code = 12h</c>) and the threshold wording (<c>Upper Non-critical - going high</c>).
/// Named discrete offsets keep the IPMI table 42-2/42-3 wording; trigger readings and sensor-specific event data
/// are not appended (docs/metrics.md, "Upstream collectors").
/// </summary>
internal static class FreeIpmiSelText
{
    /// <summary>FreeIPMI's separator between the parts of one event text.</summary>
    private const string Separator = " ; ";

    /// <summary>Event data 2/3 byte value meaning "unspecified" (IPMI v2.0 §29.7).</summary>
    private const byte Unspecified = 0xFF;

    /// <summary>Event data 1 bits 7:6 / 5:4 value 10b: the byte holds an OEM code (IPMI v2.0 §29.7, table 29-6).</summary>
    private const int OemCode = 2;

    /// <summary>The event text of <paramref name="record"/>.</summary>
    public static string Of(SelRecord record) => record switch
    {
        SystemEventRecord s => SystemEvent(s),

        // IPMI v2.0 §32.2: timestamp (4), manufacturer ID (3), then 6 OEM bytes.
        RawSelRecord { IsOemTimestamped: true } oem => OemDefined(oem.Data.Span[7..]),

        // IPMI v2.0 §32.3: 13 OEM bytes.
        RawSelRecord { IsOemNonTimestamped: true } oem => OemDefined(oem.Data.Span),
        _ => string.Create(CultureInfo.InvariantCulture, $"record type 0x{record.RecordType:X2}"),
    };

    private static string SystemEvent(SystemEventRecord s)
    {
        var oemClass = s.EventReadingType is >= 0x70 and <= 0x7F;
        var text = new StringBuilder(oemClass
            ? Hex("OEM Event Offset = ", s.Offset)
            : Named(s) ?? Hex("Event Offset = ", s.Offset));

        // An OEM class prints any specified byte as an OEM code; the other classes only bytes flagged as OEM codes.
        if (s.EventData2 != Unspecified && (oemClass ? s.EventData2Usage != 0 : s.EventData2Usage == OemCode))
        {
            text.Append(Separator).Append(Hex("OEM Event Data2 code = ", s.EventData2));
        }

        if (s.EventData3 != Unspecified && (oemClass ? s.EventData3Usage != 0 : s.EventData3Usage == OemCode))
        {
            text.Append(Separator).Append(Hex("OEM Event Data3 code = ", s.EventData3));
        }

        return text.ToString();
    }

    /// <summary>The offset's name; threshold offsets as FreeIPMI writes them ("Lower Critical - going low").</summary>
    private static string? Named(SystemEventRecord s)
    {
        var name = s.Description;
        return name is not null && s.EventReadingType == EventOffsets.Threshold
            ? name.Replace(" going ", " - going ", StringComparison.Ordinal)
            : name;
    }

    private static string OemDefined(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder("OEM defined = ");
        for (var i = 0; i < bytes.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : " ").Append(bytes[i].ToString("X2", CultureInfo.InvariantCulture)).Append('h');
        }

        return text.ToString();
    }

    private static string Hex(string prefix, int value) =>
        prefix + value.ToString("X2", CultureInfo.InvariantCulture) + "h";
}

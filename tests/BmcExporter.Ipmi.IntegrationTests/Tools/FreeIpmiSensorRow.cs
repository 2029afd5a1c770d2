namespace BmcExporter.Ipmi.IntegrationTests.Tools;

/// <summary>
/// One line of <c>ipmi-sensors --comma-separated-output --output-sensor-state --output-sensor-thresholds
/// --no-header-output [--output-event-bitmask]</c>: record ID, name, type, state, reading, units, LNR, LCR, LNC,
/// UNC, UCR, UNR, event (quoted strings, or a hex bitmask "0008h").
/// </summary>
internal sealed record FreeIpmiSensorRow(
    int RecordId, string Name, string Type, string State, double? Reading, string Units,
    double? Lnr, double? Lcr, double? Lnc, double? Unc, double? Ucr, double? Unr, string Event)
{
    /// <summary>The event bitmask when run with --output-event-bitmask; null for "N/A".</summary>
    public int? EventBitmask => Event == "N/A" ? null : ToolValues.Hex(Event);

    public static IReadOnlyList<FreeIpmiSensorRow> Parse(string output) =>
        ToolValues.Lines(output).Select(line =>
        {
            // Names never contain commas here; the event column may (quoted strings), so split at most 13 ways.
            string[] c = line.Split(',', 13);
            if (c.Length < 13)
            {
                throw new FormatException($"ipmi-sensors line with {c.Length} columns: '{line}'");
            }

            return new FreeIpmiSensorRow(
                int.Parse(c[0], System.Globalization.CultureInfo.InvariantCulture), c[1], c[2], c[3], ToolValues.Number(c[4]), c[5],
                ToolValues.Number(c[6]), ToolValues.Number(c[7]), ToolValues.Number(c[8]), ToolValues.Number(c[9]),
                ToolValues.Number(c[10]), ToolValues.Number(c[11]), c[12]);
        }).ToArray();
}

/// <summary>
/// One line of <c>ipmi-sel --hex-dump</c>: "RID:[01][00] RT:[02] TS:[..][..][..][..] GID:[..][..] ER:[..] ST:[..]
/// SN:[..] EDIR:[..] ED1: [..] ED2: [..] ED3: [..]", i.e. the 16 raw record bytes.
/// </summary>
internal sealed record FreeIpmiSelHexRow(int RecordId, byte RecordType, byte[] Body)
{
    public static IReadOnlyList<FreeIpmiSelHexRow> Parse(string output) =>
        ToolValues.Lines(output).Select(line =>
        {
            byte[] bytes = System.Text.RegularExpressions.Regex.Matches(line, @"\[([0-9A-Fa-f]{2})\]")
                .Select(m => (byte)ToolValues.Hex(m.Groups[1].Value)).ToArray();
            if (bytes.Length != 16)
            {
                throw new FormatException($"ipmi-sel hex line with {bytes.Length} bytes: '{line}'");
            }

            return new FreeIpmiSelHexRow(bytes[0] | (bytes[1] << 8), bytes[2], bytes[3..]);
        }).ToArray();
}

namespace BmcExporter.Ipmi.Session;

/// <summary>Get Channel Cipher Suites, App 0x54 (IPMI v2.0 §22.15): request writer and record-stream parser.</summary>
public static class ChannelCipherSuites
{
    public const byte Command = 0x54;

    /// <summary>Request data: channel, payload type 0 (IPMI), list-by-suite flag with the list index (0-63).</summary>
    public static int WriteRequestData(Span<byte> destination, byte listIndex, byte channel = ChannelAuthCapabilities.CurrentChannel)
    {
        destination[0] = (byte)(channel & 0x0F);
        destination[1] = 0;
        destination[2] = (byte)(0x80 | (listIndex & 0x3F));
        return 3;
    }

    /// <summary>
    /// Extracts the cipher suite IDs from the concatenated record bytes of all responses (without the channel
    /// byte). Standard records start with 0xC0, OEM records with 0xC1; tag bits of algorithm bytes are ignored
    /// (Sun ILOM quirk). Unknown start bytes end the walk.
    /// </summary>
    public static IReadOnlyList<byte> ParseSuiteIds(ReadOnlySpan<byte> records)
    {
        var ids = new List<byte>();
        var i = 0;
        while (i + 1 < records.Length)
        {
            var start = records[i];
            if (start == 0xC0)
            {
                ids.Add(records[i + 1]);
                i += 2;
            }
            else if (start == 0xC1)
            {
                ids.Add(records[i + 1]);
                i += 5;
            }
            else
            {
                break;
            }

            // Skip algorithm bytes: they are tagged in bits 7:6 as 00b, 01b or 10b (never 11b, the record start).
            while (i < records.Length && (records[i] & 0xC0) != 0xC0)
            {
                i++;
            }
        }

        return ids;
    }
}

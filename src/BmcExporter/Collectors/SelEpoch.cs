using System.Globalization;
using System.IO.Hashing;
using System.Text;
using BmcExporter.State;

namespace BmcExporter.Collectors;

/// <summary>
/// The SEL epoch of a target: 8 hex digits naming its fill between two clears, part of every entry's
/// <c>log.record.uid</c>. A BMC reuses record IDs after a clear (and a non-timestamped OEM record, IPMI v2.0
/// §32.3, has nothing else to tell it apart), so the ID alone is not unique. Epochs are derived, never random: the
/// first is a hash of the target and the erase timestamp, each next one a hash of the previous epoch and the new
/// erase timestamp, so repeating a scrape (uncommitted cursor, restart) yields the same IDs and backends deduplicate.
/// </summary>
public static class SelEpoch
{
    /// <summary>The epoch of a walk that started at <paramref name="stored"/> and saw <paramref name="eraseTimestamp"/>.</summary>
    public static string Next(string target, SelPosition? stored, uint eraseTimestamp, bool clearDetected)
    {
        var current = stored?.Epoch ?? (stored is null ? null : Hash($"{target}|{stored.Cursor.EraseTimestamp}"));
        if (current is null)
        {
            return Hash($"{target}|{eraseTimestamp}");
        }

        return clearDetected ? Hash($"{current}|{eraseTimestamp}") : current;
    }

    private static string Hash(string text) =>
        Crc32.HashToUInt32(Encoding.UTF8.GetBytes(text)).ToString("x8", CultureInfo.InvariantCulture);
}

using System.Collections.Immutable;
using System.Globalization;

namespace BmcExporter.Redfish.Logs;

/// <summary>
/// Pure logic of an incremental log read: which entries are new since a cursor, and whether the log was cleared
/// or wrapped in between (the Redfish counterpart of the IPMI SEL cursor: Redfish gives no erase timestamp, so
/// an entry is recognised by Id and Created together).
/// </summary>
internal static class LogCursorTracker
{
    public static RedfishLogRead Advance(RedfishLogService service, IReadOnlyList<RedfishLogEntry> entries, RedfishLogCursor cursor)
    {
        var ordered = Order(entries);
        var numeric = ordered.All(e => IsNumber(e.Id)) && (cursor.LastId is null || IsNumber(cursor.LastId));
        ImmutableArray<RedfishLogEntry> fresh;
        bool clear = false, rollover = false;
        if (cursor.LastId is null)
        {
            fresh = ordered;
        }
        else
        {
            var lastId = cursor.LastId;
            var at = ordered.IndexOf(ordered.FirstOrDefault(e => e.Id == lastId)!);
            if (at >= 0 && ordered[at].Created == cursor.LastCreated)
            {
                fresh = ordered[(at + 1)..];
            }
            else if (at >= 0)
            {
                clear = true; // the Id came back naming another entry: Ids restarted after a clear
                fresh = ordered;
            }
            else
            {
                var newer = ordered.Where(e => After(e, cursor, numeric)).ToImmutableArray();
                if (newer.Length == 0 || (newer.Length == ordered.Length && ordered.Length < cursor.EntryCount))
                {
                    clear = cursor.EntryCount > 0 || ordered.Length > 0; // nothing newer survived, or the log shrank
                    fresh = ordered;
                }
                else
                {
                    rollover = newer.Length == ordered.Length; // every older entry, ours included, was overwritten
                    fresh = newer;
                }
            }
        }

        var last = ordered.IsEmpty ? null : ordered[^1];
        var next = new RedfishLogCursor(service.Uri, last?.Id, last?.Created, ordered.Length);
        return new RedfishLogRead(service, fresh, next)
        {
            ClearDetected = clear,
            RolloverDetected = rollover,
            Unchanged = !clear && fresh.IsEmpty && ordered.Length == cursor.EntryCount,
        };
    }

    /// <summary>Numeric Ids in number order (SEL record numbers, most BMCs); otherwise by Created, then Id.</summary>
    public static ImmutableArray<RedfishLogEntry> Order(IReadOnlyList<RedfishLogEntry> entries) =>
        entries.All(e => IsNumber(e.Id))
            ? [.. entries.OrderBy(e => long.Parse(e.Id, NumberStyles.None, CultureInfo.InvariantCulture))]
            : [.. entries.OrderBy(e => e.Created ?? DateTimeOffset.MinValue).ThenBy(e => e.Id, StringComparer.Ordinal)];

    private static bool After(RedfishLogEntry e, RedfishLogCursor cursor, bool numeric)
    {
        if (numeric)
        {
            return long.Parse(e.Id, NumberStyles.None, CultureInfo.InvariantCulture) > long.Parse(cursor.LastId!, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        var created = e.Created ?? DateTimeOffset.MinValue;
        var last = cursor.LastCreated ?? DateTimeOffset.MinValue;
        return created > last || (created == last && string.CompareOrdinal(e.Id, cursor.LastId) > 0);
    }

    private static bool IsNumber(string id) => id.Length is > 0 and <= 18 && id.All(char.IsAsciiDigit);
}

using BmcExporter.Config;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Logging;
using BmcExporter.Snapshots;
using ClientCursor = BmcExporter.Ipmi.Client.Operations.SelCursor;
using StoredCursor = BmcExporter.State.SelCursor;

namespace BmcExporter.Collectors;

/// <summary>
/// <c>sel</c>: SEL info (<c>ipmi_sel_logs_count</c>, <c>ipmi_sel_free_space_bytes</c>) and the entries added
/// since the last scrape. The cursor is persisted after every read so a restart neither loses nor repeats
/// events; a clear (erase timestamp moved, entry count dropped, cursor record gone) restarts from the
/// first entry (IPMI v2.0 §31.2, §31.5).
/// </summary>
public sealed partial class SelCollector : IScrapeCollector
{
    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Sel;

    /// <inheritdoc />
    public async Task CollectAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var key = context.Target.Key;
        var stored = context.State.GetSelCursor(key);
        ClientCursor? after = stored is null
            ? null
            : new ClientCursor((ushort)stored.LastRecordId, stored.AdditionTimestamp, stored.EraseTimestamp, (ushort)stored.EntryCount);
        var options = SelReadOptions.Default with { TimeProvider = context.Time };
        var result = await SelReader.ReadAsync(context.Channel, after, options, cancellationToken).ConfigureAwait(false);
        if (result.ClearDetected)
        {
            Log.SelReset(context.Logger, key);
        }

        var events = result.Records.Select(r => ToEvent(key, r)).ToList();
        context.Builder.SetSel(
            new SelSummary
            {
                Entries = result.Info.EntryCount,
                FreeSpaceBytes = result.Info.FreeSpace,
                LastAddition = Stamp(result.Info.AdditionTimestamp),
                LastErase = Stamp(result.Info.EraseTimestamp),
                Overflow = result.Info.Overflow,
                ClearDetected = result.ClearDetected,
            },
            events);

        // Persist only after the events are in the snapshot: a crash in between repeats, never loses.
        var c = result.Cursor;
        context.State.SetSelCursor(key, new StoredCursor(c.LastRecordId, c.AdditionTimestamp, c.EraseTimestamp, c.EntryCount));
    }

    private static DateTimeOffset? Stamp(uint raw) => raw is 0 or 0xFFFFFFFF ? null : DateTimeOffset.FromUnixTimeSeconds(raw);
}

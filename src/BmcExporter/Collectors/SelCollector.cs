using BmcExporter.Config;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Logging;
using BmcExporter.Snapshots;
using BmcExporter.State;

namespace BmcExporter.Collectors;

/// <summary>
/// <c>sel</c>: SEL info (<c>ipmi_sel_logs_count</c>, <c>ipmi_sel_free_space_bytes</c>) and the entries added
/// since the last committed cursor. The cursor is not persisted here: it travels with the snapshot as a
/// <see cref="SelCommit"/> that the engine commits after the outputs accepted the entries, so a crash or a refused
/// delivery repeats entries and never loses one (at-least-once). A clear (erase timestamp moved, entry count
/// dropped, cursor record gone) restarts from the first entry in a new epoch (IPMI v2.0 §31.2, §31.5).
/// </summary>
public sealed partial class SelCollector : IScrapeCollector
{
    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Sel;

    /// <inheritdoc />
    public async Task CollectAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var key = context.Target.Key;
        var stored = context.State.GetSelPosition(key);
        var options = SelReadOptions.Default with { TimeProvider = context.Time, AssumeSystemEvent = context.Target.Module.HasWorkaround("assumesystemevent") };
        var result = await SelReader.ReadAsync(context.Channel, stored?.Cursor, options, cancellationToken).ConfigureAwait(false);
        if (result.ClearDetected)
        {
            Log.SelReset(context.Logger, key);
        }

        var epoch = SelEpoch.Next(key, stored, result.Info.EraseTimestamp, result.ClearDetected);
        var events = result.Records
            .Select(r => ToEvent(key, epoch, r))
            .Select(e => context.State.NoteSelReported(key, e.StableId) ? e with { Repeat = true } : e)
            .ToList();
        var next = new SelPosition(result.Cursor, epoch);
        var state = context.State;
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
            events,
            new SelCommit(() => state.CommitSelPosition(key, next)));
    }

    private static DateTimeOffset? Stamp(uint raw) => raw is 0 or 0xFFFFFFFF ? null : DateTimeOffset.FromUnixTimeSeconds(raw);
}

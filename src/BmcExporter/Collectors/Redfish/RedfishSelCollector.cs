using BmcExporter.Config;
using BmcExporter.Logging;
using BmcExporter.Redfish.Logs;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors.Redfish;

/// <summary>
/// <c>sel</c> over Redfish: every LogService of the systems, managers and chassis (SEL and event logs), each read
/// after its persisted cursor (clears and rollovers detected by the client, docs/redfish.md). The summary adds up
/// all services: entries present, free space where MaxNumberOfRecords is known (16 bytes per entry, as an IPMI SEL
/// entry), the newest Created. The cursors travel with the snapshot as a <see cref="SelCommit"/>, committed only
/// after the outputs accepted the entries (at-least-once, as for the IPMI SEL).
/// </summary>
public sealed class RedfishSelCollector : IRedfishCollector
{
    /// <summary>Bytes of one IPMI SEL entry (IPMI v2.0 §32.1), the unit of <c>ipmi_sel_free_space_bytes</c>.</summary>
    public const int EntryBytes = 16;

    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Sel;

    /// <inheritdoc />
    public async Task CollectAsync(RedfishCollectContext context, CancellationToken cancellationToken)
    {
        var key = context.Target.Key;
        var services = await context.Reader.ReadLogServicesAsync(cancellationToken).ConfigureAwait(false);
        var stored = context.Cursors.Get(key);
        var next = new Dictionary<string, RedfishLogCursor>(StringComparer.Ordinal);
        var events = new List<SelEvent>();
        var entries = 0;
        long? free = null;
        var cleared = false;
        DateTimeOffset? newest = null;
        foreach (var service in services)
        {
            var read = await context.Reader.ReadLogAsync(service, stored.GetValueOrDefault(service.Uri), cancellationToken).ConfigureAwait(false);
            next[service.Uri] = read.Cursor;
            entries += read.Cursor.EntryCount;
            if (service.MaxNumberOfRecords is { } max)
            {
                free = (free ?? 0) + (Math.Max(0, max - read.Cursor.EntryCount) * EntryBytes);
            }

            if (read.ClearDetected || read.RolloverDetected)
            {
                cleared |= read.ClearDetected;
                Log.SelReset(context.Logger, $"{key} {service.Uri}");
            }

            if (read.Cursor.LastCreated is { } created && (newest is null || created > newest))
            {
                newest = created;
            }

            foreach (var entry in read.NewEntries)
            {
                var e = RedfishLogMapper.ToEvent(key, service, entry);
                events.Add(context.Cursors.NoteReported(key, e.StableId) ? e with { Repeat = true } : e);
            }
        }

        var cursors = context.Cursors;
        context.Builder.SetSel(
            new SelSummary
            {
                Entries = entries,
                FreeSpaceBytes = (int)Math.Min(int.MaxValue, free ?? 0),
                FreeSpaceKnown = free is not null,
                LastAddition = newest,
                ClearDetected = cleared,
            },
            events,
            new SelCommit(() => cursors.Commit(key, next)));
    }
}

using System.Collections.Concurrent;
using BmcExporter.Config;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Sel;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

/// <summary>
/// <c>sel-events</c>: ipmi_exporter's counts over every entry currently in the SEL, by FreeIPMI event state
/// (<c>ipmi_sel_events_count_by_state</c>) and per <c>sel_events</c> name (<c>ipmi_sel_events_count_by_name</c>,
/// <c>ipmi_sel_events_latest_timestamp</c>). Computed from deltas, never by rereading the SEL each scrape: when the
/// <c>sel</c> collector ran earlier in the scrape its new entries are used, otherwise this collector reads the entries
/// added since its own cursor. The tally lives in memory; after a restart (or when it disagrees with the SEL's entry
/// count) one full read rebuilds it.
/// </summary>
public sealed class SelEventsCollector : IScrapeCollector
{
    private readonly ConcurrentDictionary<string, SelEventTally> _tallies = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.SelEvents;

    /// <inheritdoc />
    public async Task CollectAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var tally = _tallies.GetOrAdd(context.Target.Key, static _ => new SelEventTally());
        var options = SelReadOptions.Default with { TimeProvider = context.Time, AssumeSystemEvent = context.Target.Module.HasWorkaround("assumesystemevent") };
        int entriesInSel;
        if (context.Builder.SelRead is { } read)
        {
            lock (tally.Gate)
            {
                if (read.Summary.ClearDetected)
                {
                    tally.Clear();
                }

                foreach (var e in read.Events)
                {
                    tally.Add(SelDecoder.Decode(Convert.FromHexString(e.RawHex)));
                }
            }

            entriesInSel = read.Summary.Entries;
        }
        else
        {
            var delta = await SelReader.ReadAsync(context.Channel, tally.Cursor, options, cancellationToken).ConfigureAwait(false);
            Apply(tally, delta, reset: delta.ClearDetected);
            entriesInSel = delta.Info.EntryCount;
        }

        if (tally.Count != entriesInSel && tally.MismatchAfterFullRead != entriesInSel)
        {
            var full = await SelReader.ReadAsync(context.Channel, null, options, cancellationToken).ConfigureAwait(false);
            Apply(tally, full, reset: true);
            tally.MismatchAfterFullRead = tally.Count != full.Info.EntryCount ? full.Info.EntryCount : null;
        }

        context.Builder.SetSelEventCounts(Count(tally, context.Target.Module.SelEvents));
    }

    /// <summary>The counts over the tally, as ipmi_exporter computes them from <c>ipmi-sel</c>'s output.</summary>
    internal static SelEventCounts Count(SelEventTally tally, IReadOnlyList<SelEventMatcher> matchers)
    {
        var byState = new Dictionary<string, int>(StringComparer.Ordinal);
        var byName = matchers.ToDictionary(m => m.Name, _ => 0, StringComparer.Ordinal);
        var latest = matchers.ToDictionary(m => m.Name, _ => 0.0, StringComparer.Ordinal);
        lock (tally.Gate)
        {
            foreach (var entry in tally.Entries)
            {
                byState[entry.State] = byState.GetValueOrDefault(entry.State) + 1;
                foreach (var m in matchers)
                {
                    if (m.Regex.IsMatch(entry.Description))
                    {
                        byName[m.Name]++;
                        latest[m.Name] = Math.Max(latest[m.Name], entry.Timestamp);
                    }
                }
            }
        }

        return new SelEventCounts { ByState = byState, ByName = byName, LatestByName = latest };
    }

    private static void Apply(SelEventTally tally, SelReadResult result, bool reset)
    {
        lock (tally.Gate)
        {
            if (reset)
            {
                tally.Clear();
            }

            foreach (var record in result.Records)
            {
                tally.Add(record);
            }

            tally.Cursor = result.Cursor;
        }
    }
}

using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Sel;
using BmcExporter.Ipmi.Sensors;

namespace BmcExporter.Collectors;

/// <summary>
/// What the <c>sel-events</c> collector knows about one target's SEL between scrapes: every entry currently in it
/// (by record ID) with its FreeIPMI state, description and timestamp, and the cursor of its own delta reads.
/// Entries arrive as deltas; a clear empties it; a count that disagrees with the SEL's own entry count triggers one
/// full read (after a restart, say), and not again until the SEL's count changes.
/// </summary>
internal sealed class SelEventTally
{
    private readonly Dictionary<int, Entry> _entries = [];

    /// <summary>Serialises the scrapes of one target (the engine already runs one at a time; this guards the state).</summary>
    public Lock Gate { get; } = new();

    /// <summary>Cursor of the collector's own delta reads (used when <c>sel</c> did not run first).</summary>
    public SelCursor? Cursor { get; set; }

    /// <summary>The SEL entry count at the last full read whose result still disagreed with it.</summary>
    public int? MismatchAfterFullRead { get; set; }

    public int Count => _entries.Count;

    public IEnumerable<Entry> Entries => _entries.Values;

    public void Clear() => _entries.Clear();

    /// <summary>Adds or replaces a record.</summary>
    public void Add(SelRecord record) => _entries[record.RecordId] = Entry.Of(record);

    /// <summary>One SEL entry as the counts need it.</summary>
    /// <param name="State">FreeIPMI's word for its state (<c>Nominal</c>, <c>Warning</c>, <c>Critical</c>, <c>N/A</c>).</param>
    /// <param name="Description">The text <c>sel_events</c> regexes are matched against (<see cref="FreeIpmiSelText"/>).</param>
    /// <param name="Timestamp">Unix seconds; 0 for pre-init and untimed entries (ipmi_exporter's rule for unparsable dates).</param>
    internal readonly record struct Entry(string State, string Description, double Timestamp)
    {
        public static Entry Of(SelRecord record) => record switch
        {
            SystemEventRecord s => new Entry(
                DefaultInterpretation.Word(DefaultInterpretation.SelEvent(s.EventReadingType, s.SensorType, s.Offset, !s.IsDeassertion)),
                FreeIpmiSelText.Of(s),
                Seconds(s.Timestamp)),
            RawSelRecord oem => new Entry(
                DefaultInterpretation.Word(SensorState.Unknown),
                FreeIpmiSelText.Of(oem),
                oem.Timestamp is { } t ? Seconds(t) : 0),
            _ => new Entry(DefaultInterpretation.Word(SensorState.Unknown), FreeIpmiSelText.Of(record), 0),
        };

        private static double Seconds(SelTimestamp t) => t.ToDateTimeOffset() is { } when ? when.ToUnixTimeSeconds() : 0;
    }
}

using System.Collections;
using System.Globalization;
using BmcExporter.Snapshots;

namespace BmcExporter.Otlp;

/// <summary>The structured state of one SEL log record: its attributes and its message (the body).</summary>
internal sealed class SelLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _items;

    public SelLogState(string target, SelEvent e)
    {
        Message = e.Description.Length > 0 ? e.Description : $"SEL record {e.RecordId}";
        var items = new List<KeyValuePair<string, object?>>
        {
            new(HwConventions.AttrLogRecordUid, e.StableId),
            new("bmc.target", target),
            new("ipmi.sel.record_id", e.RecordId),
            new("ipmi.sel.record_type", $"0x{e.RecordType:x2}"),
            new("ipmi.sel.generator_id", $"0x{e.GeneratorId:x4}"),
            new("ipmi.sel.raw", e.RawHex),
        };
        if (e.RecordType == 0x02)
        {
            // System event records only (IPMI v2.0 §32.1); OEM records carry raw data alone.
            items.Add(new("ipmi.sensor.type", e.SensorTypeName.Length > 0 ? e.SensorTypeName : e.SensorType.ToString("x2", CultureInfo.InvariantCulture)));
            items.Add(new("ipmi.sensor.number", (int)e.SensorNumber));
            items.Add(new("ipmi.sel.event_direction", e.Asserted ? "assertion" : "deassertion"));
            items.Add(new("ipmi.sel.event_offset", e.Offset));
        }

        _items = [.. items];
    }

    public string Message { get; }

    public int Count => _items.Length;

    public KeyValuePair<string, object?> this[int index] => _items[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;
}

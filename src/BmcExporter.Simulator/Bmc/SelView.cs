using BmcExporter.Ipmi.Sel;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Bmc;

/// <summary>
/// The SEL of one BMC, computed from the profile and time instead of stored: initial entries, then one growth
/// event every <see cref="SelDefinition.GrowthEvery"/>. A clear remembers only the growth index it happened at,
/// so per-BMC state stays a few bytes (IPMI v2.0 §31).
/// </summary>
internal struct SelView
{
    /// <summary>-1 = never cleared (initial entries present); else the first growth index still in the log.</summary>
    private long _firstGrowth;

    private uint _eraseTimestamp;

    /// <summary>Entries written at run time (session audit), each after the growth entries present then; cleared with the log.</summary>
    private List<(long AfterGrowth, SelEventDefinition Entry, uint Timestamp)>? _added;

    public SelView()
    {
        _firstGrowth = -1;
        _eraseTimestamp = 0xFFFFFFFF;
    }

    public readonly uint EraseTimestamp => _eraseTimestamp;

    public static long GrowthCount(SelDefinition sel, TimeSpan elapsed) =>
        sel.GrowthEvery is { } every && !sel.Growth.IsEmpty ? (long)Math.Floor(elapsed / every) : 0;

    /// <summary>Number of entries present (bounded by capacity) and whether events were dropped.</summary>
    public readonly (int Count, bool Overflow) Size(SelDefinition sel, TimeSpan elapsed)
    {
        var total = (_firstGrowth < 0 ? sel.Initial.Length : 0) + (GrowthCount(sel, elapsed) - Math.Max(0, _firstGrowth)) + (_added?.Count ?? 0);
        return total > sel.Capacity ? (sel.Capacity, true) : ((int)total, false);
    }

    /// <summary>Appends an entry now (IPMI v2.0 §31.6 Add SEL Entry, as the BMC itself does); dropped when the log is full.</summary>
    public void Add(SelDefinition sel, TimeSpan elapsed, SelEventDefinition entry, uint timestamp)
    {
        if (Size(sel, elapsed).Count >= sel.Capacity)
        {
            return;
        }

        (_added ??= []).Add((GrowthCount(sel, elapsed), entry, timestamp));
    }

    public void Clear(SelDefinition sel, TimeSpan elapsed, uint now)
    {
        _added = null;
        _firstGrowth = GrowthCount(sel, elapsed);
        _eraseTimestamp = now;
    }

    /// <summary>Timestamp of the most recent entry, 0xFFFFFFFF when the log is empty.</summary>
    public readonly uint LastAddition(SelDefinition sel, TimeSpan elapsed, uint startUnix)
    {
        var (count, _) = Size(sel, elapsed);
        return count == 0 ? 0xFFFFFFFF : Timestamp(sel, count - 1, startUnix);
    }

    /// <summary>The 16-byte record at position <paramref name="position"/> (record ID = position + 1).</summary>
    public readonly byte[] Encode(SelDefinition sel, int position, uint startUnix, QuirkSet quirks)
    {
        var (template, _, _) = Entry(sel, position);
        var bytes = SelEncoder.Encode(new SystemEventRecord
        {
            RecordId = (ushort)(position + 1),
            Timestamp = new SelTimestamp(Timestamp(sel, position, startUnix)),
            SensorType = template.SensorType,
            SensorNumber = template.SensorNumber,
            IsDeassertion = template.Deassertion,
            EventReadingType = template.EventReadingType,
            EventData1 = EventData1(template),
            EventData2 = template.Data2,
            EventData3 = template.Data3,
        });
        if ((quirks & QuirkSet.InvalidSelRecordType) != 0)
        {
            bytes[2] = 0x00; // assumesystemevent quirk (HP DL380 G5): system events with an invalid record type
        }

        return bytes;
    }

    private static byte EventData1(SelEventDefinition e)
    {
        // §29.7: threshold events say "trigger reading in byte 2, trigger threshold in byte 3" (01b/01b);
        // discrete events mark given bytes as sensor-specific extensions (11b).
        var threshold = e.EventReadingType == 0x01;
        var b2 = e.Data2 == 0xFF ? 0 : (threshold ? 0x40 : 0xC0);
        var b3 = e.Data3 == 0xFF ? 0 : (threshold ? 0x10 : 0x30);
        return (byte)(b2 | b3 | (e.Offset & 0x0F));
    }

    private readonly uint Timestamp(SelDefinition sel, int position, uint startUnix)
    {
        var (template, growthIndex, added) = Entry(sel, position);
        if (added is { } stamp)
        {
            return stamp;
        }

        return growthIndex < 0
            ? (uint)Math.Max(0, startUnix - (long)template.Age.TotalSeconds)
            : (uint)(startUnix + (long)(sel.GrowthEvery!.Value.TotalSeconds * (growthIndex + 1)));
    }

    /// <summary>The template at <paramref name="position"/>: initial, growth (its index) or added (its timestamp).</summary>
    private readonly (SelEventDefinition Template, long GrowthIndex, uint? AddedAt) Entry(SelDefinition sel, int position)
    {
        if (_firstGrowth < 0 && position < sel.Initial.Length)
        {
            return (sel.Initial[position], -1, null);
        }

        var rest = position - (_firstGrowth < 0 ? sel.Initial.Length : 0);
        var first = Math.Max(0, _firstGrowth);
        var before = 0;
        for (var j = 0; j < (_added?.Count ?? 0); j++)
        {
            // Added entry j sits after the growth entries that existed when it was written.
            var at = _added![j].AfterGrowth - first + j;
            if (at == rest)
            {
                return (_added[j].Entry, -1, _added[j].Timestamp);
            }

            if (at < rest)
            {
                before++;
            }
        }

        var g = rest - before + first;
        return (sel.Growth[(int)(g % sel.Growth.Length)], g, null);
    }
}

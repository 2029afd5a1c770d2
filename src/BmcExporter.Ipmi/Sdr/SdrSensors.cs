using System.Globalization;
using System.Text;

namespace BmcExporter.Ipmi.Sdr;

/// <summary>Expands decoded records into logical sensors (record sharing applied).</summary>
public static class SdrSensors
{
    /// <summary>
    /// The sensors of full, compact and event-only records in repository order, shared records expanded into
    /// their N sensors (sensor numbers N..N+count-1, name suffixes, entity instance increments). Other record
    /// types contribute nothing.
    /// </summary>
    public static IReadOnlyList<SdrSensor> Expand(IEnumerable<SdrRecord> records) => Expand(records, expandShared: true);

    /// <summary>
    /// As <see cref="Expand(IEnumerable{SdrRecord})"/>; with <paramref name="expandShared"/> false a shared record
    /// gives only its first sensor, under the record's ID string unchanged (what FreeIPMI, and so ipmi_exporter,
    /// reports without <c>--shared-sensors</c>).
    /// </summary>
    public static IReadOnlyList<SdrSensor> Expand(IEnumerable<SdrRecord> records, bool expandShared)
    {
        ArgumentNullException.ThrowIfNull(records);
        var result = new List<SdrSensor>();
        foreach (var record in records)
        {
            switch (record)
            {
                case FullSensorRecord full:
                    result.Add(Single(full));
                    break;
                case CompactSensorRecord compact when expandShared:
                    AddShared(result, compact, compact.Sharing);
                    break;
                case EventOnlyRecord eventOnly when expandShared:
                    AddShared(result, eventOnly, eventOnly.Sharing);
                    break;
                case CompactSensorRecord or EventOnlyRecord:
                    result.Add(Single((SensorRecord)record));
                    break;
                default:
                    break;
            }
        }

        return result;
    }

    /// <summary>The ID string suffix of the i-th sensor of a shared record (IPMI v2.0 §43.2 byte 24-25).</summary>
    public static string Modifier(IdStringModifierType type, int offset, int index)
    {
        var value = offset + index;
        return type == IdStringModifierType.Alpha ? AlphaModifier(value) : value.ToString(CultureInfo.InvariantCulture);
    }

    private static SdrSensor Single(SensorRecord record) => new()
    {
        Record = record,
        SensorNumber = record.SensorNumber,
        Name = record.IdString,
        EntityInstance = record.EntityInstance,
    };

    private static void AddShared(List<SdrSensor> result, SensorRecord record, RecordSharing sharing)
    {
        if (sharing.ShareCount <= 1)
        {
            result.Add(Single(record));
            return;
        }

        for (var i = 0; i < sharing.ShareCount; i++)
        {
            result.Add(new SdrSensor
            {
                Record = record,
                SensorNumber = (byte)(record.SensorNumber + i),
                Name = SharedName(record.IdString, Modifier(sharing.ModifierType, sharing.ModifierOffset, i)),
                EntityInstance = sharing.EntityInstanceIncrements ? (byte)((record.EntityInstance + i) & 0x7F) : record.EntityInstance,
                ShareIndex = i,
            });
        }
    }

    /// <summary>
    /// Name of a shared sensor: the ID string, one space, the modifier. The spec's own example ("Temp " with
    /// offset 5 gives "Temp 5", IPMI v2.0 §43.2) carries the space in the ID string; ID strings are stored
    /// trimmed here, so the space is added, which is also what FreeIPMI's <c>--shared-sensors</c> prints.
    /// </summary>
    public static string SharedName(string idString, string modifier)
        => idString.Length == 0 ? modifier : $"{idString.TrimEnd()} {modifier}";

    // Base-26 letters: 0 = "A", 25 = "Z", 26 = "AA".
    private static string AlphaModifier(int value)
    {
        var sb = new StringBuilder();
        var v = value;
        do
        {
            sb.Insert(0, (char)('A' + (v % 26)));
            v = (v / 26) - 1;
        }
        while (v >= 0);
        return sb.ToString();
    }
}

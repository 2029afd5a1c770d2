using System.Collections.Immutable;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Bmc;

/// <summary>
/// The encoded SDR repository of a profile (IPMI v2.0 §33), built once and shared by every BMC: records in
/// order with IDs 1..N. A profile with an SDR change has two repositories (before and after).
/// </summary>
internal sealed class SdrRepository
{
    private readonly Dictionary<ushort, int> _indexById;

    private SdrRepository(ImmutableArray<byte[]> records, ImmutableArray<ushort> ids)
    {
        Records = records;
        Ids = ids;
        _indexById = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
    }

    public ImmutableArray<byte[]> Records { get; }

    public ImmutableArray<ushort> Ids { get; }

    public int Count => Records.Length;

    /// <summary>Index of the record with <paramref name="recordId"/> (0x0000 = first, 0xFFFF = last), or -1.</summary>
    public int IndexOf(ushort recordId)
    {
        if (Count == 0)
        {
            return -1;
        }

        return recordId switch
        {
            0x0000 => 0,
            0xFFFF => Count - 1,
            _ => _indexById.TryGetValue(recordId, out var i) ? i : -1,
        };
    }

    /// <summary>Next record ID after index <paramref name="index"/> (0xFFFF after the last).</summary>
    public ushort NextId(int index) => index + 1 < Count ? Ids[index + 1] : (ushort)0xFFFF;

    public static SdrRepository Build(SimProfile profile, bool afterChange)
    {
        var records = new List<SdrRecord>();
        ushort id = 1;
        foreach (var l in profile.Locators.Where(l => l.IsMc))
        {
            records.Add(new McDeviceLocatorRecord
            {
                RecordId = id++,
                DeviceSlaveAddress = l.Address,
                DeviceCapabilities = l.Capabilities,
                EntityId = l.EntityId,
                EntityInstance = l.EntityInstance,
                IdString = l.Name,
            });
        }

        foreach (var s in profile.Sensors.Where(s => afterChange || !s.AfterSdrChange))
        {
            records.Add(SensorRecordFactory.Create(s, id++));
        }

        foreach (var l in profile.Locators.Where(l => !l.IsMc))
        {
            records.Add(new FruDeviceLocatorRecord
            {
                RecordId = id++,
                DeviceAccessAddress = l.Address,
                FruDeviceId = l.DeviceId,
                EntityId = l.EntityId,
                EntityInstance = l.EntityInstance,
                IdString = l.Name,
            });
        }

        foreach (var o in profile.OemRecords)
        {
            // IPMI v2.0 §43.12: OEM record body = manufacturer ID (3 bytes LE) then OEM data.
            var body = new byte[3 + o.Data.Length];
            body[0] = (byte)o.ManufacturerId;
            body[1] = (byte)(o.ManufacturerId >> 8);
            body[2] = (byte)(o.ManufacturerId >> 16);
            o.Data.CopyTo(body.AsSpan(3));
            records.Add(new OpaqueSdrRecord { RecordId = id++, Type = (byte)SdrRecordType.Oem, Body = body });
        }

        return new SdrRepository([.. records.Select(SdrEncoder.Encode)], [.. records.Select(r => r.RecordId)]);
    }
}

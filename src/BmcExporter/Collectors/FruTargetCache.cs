using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

/// <summary>
/// One target's FRU answers, per device: the sample read (or <c>null</c> for "not present") and when. Also the SDR walk
/// the <c>fru</c> collector keeps itself when the module has no <c>sensors</c> collector. Collectors of one target run
/// one at a time, but the lock keeps a stray concurrent scrape (a config reload) from tearing the dictionary.
/// </summary>
internal sealed class FruTargetCache
{
    private readonly Dictionary<byte, Entry> _devices = [];
    private readonly Lock _lock = new();

    /// <summary>The SDR walk made by the <c>fru</c> collector itself (modules without <c>sensors</c>).</summary>
    public SdrWalkState OwnWalk { get; } = new();

    /// <summary>When <see cref="OwnWalk"/> was last brought up to date, complete.</summary>
    public DateTimeOffset? OwnWalkCheckedAt { get; set; }

    /// <summary><c>true</c> with the cached answer when <paramref name="device"/> was answered less than <paramref name="maxAge"/> ago under the same name.</summary>
    public bool TryGetFresh(FruDevice device, DateTimeOffset now, TimeSpan maxAge, out FruSample? sample)
    {
        lock (_lock)
        {
            if (_devices.TryGetValue(device.Id, out var entry) && entry.Name == device.Name && now - entry.ReadAt < maxAge)
            {
                sample = entry.Sample;
                return true;
            }
        }

        sample = null;
        return false;
    }

    /// <summary>Keeps <paramref name="sample"/> (<c>null</c>: not present) as the answer of <paramref name="device"/>.</summary>
    public void Store(FruDevice device, DateTimeOffset now, FruSample? sample)
    {
        lock (_lock)
        {
            _devices[device.Id] = new Entry(device.Name, now, sample);
        }
    }

    /// <summary>Forgets devices no longer listed (a locator removed from the SDR).</summary>
    public void Retain(IReadOnlyList<FruDevice> devices)
    {
        lock (_lock)
        {
            foreach (var id in _devices.Keys.Where(id => !devices.Any(d => d.Id == id)).ToList())
            {
                _devices.Remove(id);
            }
        }
    }

    private readonly record struct Entry(string Name, DateTimeOffset ReadAt, FruSample? Sample);
}

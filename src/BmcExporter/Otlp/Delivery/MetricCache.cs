using System.Collections.Concurrent;
using BmcExporter.Otlp.Wire;

namespace BmcExporter.Otlp.Delivery;

/// <summary>
/// Every BMC's latest encoded metrics not yet delivered: one <see cref="EncodedPiece"/> per target, replaced when a
/// newer snapshot is stored and released once a request carrying it was accepted (so a snapshot is sent once, and
/// a BMC whose scrapes stall sends nothing stale).
/// </summary>
internal sealed class MetricCache
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>Targets known.</summary>
    public int Targets => _slots.Count;

    /// <summary>Compressed bytes held.</summary>
    public long Bytes
    {
        get
        {
            long total = 0;
            foreach (var slot in _slots.Values)
            {
                total += slot.Pending?.Deflate.Length ?? 0;
            }

            return total;
        }
    }

    /// <summary>Makes <paramref name="piece"/> the next to send for <paramref name="target"/>, unless a newer scrape's is there.</summary>
    public void Set(string target, EncodedPiece piece, DateTimeOffset scrapeStarted)
    {
        var slot = _slots.GetOrAdd(target, static _ => new Slot());
        lock (slot)
        {
            if (scrapeStarted >= slot.StartedAt)
            {
                slot.StartedAt = scrapeStarted;
                slot.Pending = piece;
            }
        }
    }

    public void Remove(string target) => _slots.TryRemove(target, out _);

    /// <summary>Every piece waiting to be sent, with its target.</summary>
    public List<(string Target, EncodedPiece Piece)> Capture()
    {
        var result = new List<(string, EncodedPiece)>(_slots.Count);
        foreach (var (target, slot) in _slots)
        {
            if (slot.Pending is { } piece)
            {
                result.Add((target, piece));
            }
        }

        return result;
    }

    /// <summary>Releases <paramref name="piece"/> after delivery, unless a newer one replaced it meanwhile.</summary>
    public void Delivered(string target, EncodedPiece piece)
    {
        if (_slots.TryGetValue(target, out var slot))
        {
            lock (slot)
            {
                if (ReferenceEquals(slot.Pending, piece))
                {
                    slot.Pending = null;
                }
            }
        }
    }

    private sealed class Slot
    {
        public EncodedPiece? Pending { get; set; }

        public DateTimeOffset StartedAt { get; set; } = DateTimeOffset.MinValue;
    }
}

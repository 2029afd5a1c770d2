namespace BmcExporter.Engine;

/// <summary>
/// The on-demand targets (<c>/ipmi</c> hosts not on the background schedule), least recently requested first, with a
/// cap: a new one beyond <see cref="Capacity"/> evicts the oldest, so hostile or mistyped <c>?target=</c> values can
/// neither grow memory without bound nor hold BMC sessions forever.
/// </summary>
internal sealed class OnDemandTable(int capacity)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<string> _order = new();
    private readonly Dictionary<string, LinkedListNode<string>> _nodes = new(StringComparer.Ordinal);

    /// <summary>The cap.</summary>
    public int Capacity { get; } = capacity >= 1 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "at least 1");

    /// <summary>Number of on-demand targets held.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _nodes.Count;
            }
        }
    }

    /// <summary>Marks <paramref name="key"/> as just requested; returns the keys evicted to stay within the cap.</summary>
    public IReadOnlyList<string> Touch(string key)
    {
        lock (_lock)
        {
            if (_nodes.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddLast(node);
                return [];
            }

            _nodes[key] = _order.AddLast(key);
            var evicted = new List<string>();
            while (_nodes.Count > Capacity && _order.First is { } oldest)
            {
                _order.RemoveFirst();
                _nodes.Remove(oldest.Value);
                evicted.Add(oldest.Value);
            }

            return evicted;
        }
    }

    /// <summary>Forgets <paramref name="key"/> (evicted for idleness, or now on the schedule).</summary>
    public void Remove(string key)
    {
        lock (_lock)
        {
            if (_nodes.Remove(key, out var node))
            {
                _order.Remove(node);
            }
        }
    }
}

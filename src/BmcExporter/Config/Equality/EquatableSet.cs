using System.Collections;

namespace BmcExporter.Config.Equality;

/// <summary>A read-only set that compares by value (same members), with an order-independent hash.</summary>
public sealed class EquatableSet<T> : IReadOnlySet<T>, IEquatable<EquatableSet<T>>
{
    private readonly HashSet<T> _items;

    private EquatableSet(HashSet<T> items) => _items = items;

    /// <summary>The empty set (default comparer).</summary>
    public static EquatableSet<T> Empty { get; } = new([]);

    public int Count => _items.Count;

    /// <summary>Wraps a copy of <paramref name="items"/> (or returns it when it already is one).</summary>
    public static EquatableSet<T> Of(IEnumerable<T> items, IEqualityComparer<T>? comparer = null) =>
        items as EquatableSet<T> ?? new EquatableSet<T>(new HashSet<T>(items, comparer));

    public bool Contains(T item) => _items.Contains(item);

    public bool Equals(EquatableSet<T>? other) => other is not null && _items.SetEquals(other._items);

    public override bool Equals(object? obj) => Equals(obj as EquatableSet<T>);

    public override int GetHashCode()
    {
        var hash = _items.Count;
        foreach (var item in _items)
        {
            // Sum: the same members in any order give the same hash.
            hash = unchecked(hash + (item is null ? 0 : _items.Comparer.GetHashCode(item)));
        }

        return hash;
    }

    public bool IsProperSubsetOf(IEnumerable<T> other) => _items.IsProperSubsetOf(other);

    public bool IsProperSupersetOf(IEnumerable<T> other) => _items.IsProperSupersetOf(other);

    public bool IsSubsetOf(IEnumerable<T> other) => _items.IsSubsetOf(other);

    public bool IsSupersetOf(IEnumerable<T> other) => _items.IsSupersetOf(other);

    public bool Overlaps(IEnumerable<T> other) => _items.Overlaps(other);

    public bool SetEquals(IEnumerable<T> other) => _items.SetEquals(other);

    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{{{string.Join(", ", _items)}}}";
}

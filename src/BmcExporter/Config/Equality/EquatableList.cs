using System.Collections;

namespace BmcExporter.Config.Equality;

/// <summary>
/// A read-only list that compares by value, element by element in order, so the config records that hold it
/// compare by value too. Regexes compare by pattern and options (<see cref="ValueComparer{T}"/>).
/// </summary>
public sealed class EquatableList<T> : IReadOnlyList<T>, IEquatable<EquatableList<T>>
{
    private readonly T[] _items;

    private EquatableList(T[] items) => _items = items;

    /// <summary>The empty list.</summary>
    public static EquatableList<T> Empty { get; } = new([]);

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    /// <summary>Wraps a copy of <paramref name="items"/> (or returns it when it already is one).</summary>
    public static EquatableList<T> Of(IEnumerable<T> items) =>
        items as EquatableList<T> ?? (items.Any() ? new EquatableList<T>(items.ToArray()) : Empty);

    public bool Equals(EquatableList<T>? other) =>
        other is not null && _items.AsSpan().SequenceEqual(other._items, ValueComparer<T>.Instance);

    public override bool Equals(object? obj) => Equals(obj as EquatableList<T>);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in _items)
        {
            hash.Add(item, ValueComparer<T>.Instance);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public override string ToString() => $"[{string.Join(", ", _items)}]";
}

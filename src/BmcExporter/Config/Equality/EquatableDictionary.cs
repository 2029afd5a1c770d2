using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace BmcExporter.Config.Equality;

/// <summary>
/// A read-only dictionary that compares by value: same keys (under its key comparer), equal values. Enumeration
/// keeps insertion order (file order), which equality ignores.
/// </summary>
public sealed class EquatableDictionary<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>, IEquatable<EquatableDictionary<TKey, TValue>>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _items;

    private EquatableDictionary(Dictionary<TKey, TValue> items) => _items = items;

    public int Count => _items.Count;

    public IEnumerable<TKey> Keys => _items.Keys;

    public IEnumerable<TValue> Values => _items.Values;

    public TValue this[TKey key] => _items[key];

    /// <summary>Wraps a copy of <paramref name="items"/> (or returns it when it already is one); keys compared with <paramref name="comparer"/>.</summary>
    public static EquatableDictionary<TKey, TValue> Of(IEnumerable<KeyValuePair<TKey, TValue>> items, IEqualityComparer<TKey>? comparer = null) =>
        items as EquatableDictionary<TKey, TValue> ?? new EquatableDictionary<TKey, TValue>(new Dictionary<TKey, TValue>(items, comparer));

    public bool ContainsKey(TKey key) => _items.ContainsKey(key);

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => _items.TryGetValue(key, out value);

    public bool Equals(EquatableDictionary<TKey, TValue>? other) =>
        other is not null
        && other.Count == Count
        && _items.All(kv => other._items.TryGetValue(kv.Key, out var v) && ValueComparer<TValue>.Instance.Equals(kv.Value, v));

    public override bool Equals(object? obj) => Equals(obj as EquatableDictionary<TKey, TValue>);

    public override int GetHashCode()
    {
        var hash = _items.Count;
        foreach (var (key, value) in _items)
        {
            // Sum: order-independent, like equality.
            hash = unchecked(hash + HashCode.Combine(_items.Comparer.GetHashCode(key), value is null ? 0 : ValueComparer<TValue>.Instance.GetHashCode(value)));
        }

        return hash;
    }

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{{{string.Join(", ", _items.Select(kv => $"{kv.Key}: {kv.Value}"))}}}";
}

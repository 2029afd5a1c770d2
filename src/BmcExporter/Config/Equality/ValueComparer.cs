using System.Text.RegularExpressions;

namespace BmcExporter.Config.Equality;

/// <summary>
/// Compares config values by value: a <see cref="Regex"/> by pattern and options (the class itself compares by
/// reference), everything else with its own equality.
/// </summary>
public sealed class ValueComparer<T> : IEqualityComparer<T>
{
    public static ValueComparer<T> Instance { get; } = new();

    public bool Equals(T? x, T? y) => x is Regex a && y is Regex b
        ? a.ToString() == b.ToString() && a.Options == b.Options && a.MatchTimeout == b.MatchTimeout
        : EqualityComparer<T>.Default.Equals(x, y);

    public int GetHashCode(T obj) => obj switch
    {
        null => 0,
        Regex r => HashCode.Combine(r.ToString(), r.Options),
        _ => EqualityComparer<T>.Default.GetHashCode(obj),
    };
}

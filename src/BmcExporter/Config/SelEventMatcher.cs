using System.Text.RegularExpressions;
using BmcExporter.Config.Equality;

namespace BmcExporter.Config;

/// <summary>One <c>sel_events</c> entry: SEL entries whose description matches <see cref="Regex"/> are counted under <see cref="Name"/>.</summary>
/// <param name="Name">The <c>name</c> label value.</param>
/// <param name="Regex">Pattern matched against the event description.</param>
public sealed record SelEventMatcher(string Name, Regex Regex)
{
    /// <summary>Equal names and regexes with the same pattern and options.</summary>
    public bool Equals(SelEventMatcher? other) =>
        other is not null && Name == other.Name && ValueComparer<Regex>.Instance.Equals(Regex, other.Regex);

    public override int GetHashCode() => HashCode.Combine(Name, ValueComparer<Regex>.Instance.GetHashCode(Regex));
}

using System.Collections;
using YamlDotNet.Core;

namespace BmcExporter.Config.Yaml;

/// <summary>A YAML mapping read by <see cref="LocatingDeserializer"/>: where it starts and where each of its keys is.</summary>
internal abstract class MappingNode : ILocated
{
    public string Path { get; internal set; } = string.Empty;

    public Mark Start { get; internal set; }

    /// <summary>The keys present, explicit or merged (<c>&lt;&lt;</c>), with their positions.</summary>
    internal Dictionary<string, Mark> KeyMarks { get; } = new(StringComparer.Ordinal);

    /// <summary>The keys this mapping accepts, for "did you mean" (empty when any key is accepted).</summary>
    internal virtual IReadOnlyCollection<string> KnownKeys => [];

    internal bool Has(string key) => KeyMarks.ContainsKey(key);

    /// <summary>A key of this mapping as a location (the mapping's start when the key is absent).</summary>
    internal Located<string> At(string key) => new(key, ConfigPath.Child(Path, key), KeyMarks.GetValueOrDefault(key, Start));

    /// <summary>The type a key's value is read as; <c>null</c> for an unknown key.</summary>
    internal abstract Type? ValueType(string key);

    /// <summary>Stores a key's value (a later key of the same name replaces it, see merge precedence).</summary>
    internal abstract void Set(Located<string> key, object? value);
}

/// <summary>A mapping with free-form keys (module names, label names, collector names), in file order.</summary>
internal sealed class LocatedMap<T> : MappingNode, IEnumerable<KeyValuePair<Located<string>, T?>>
{
    private readonly List<KeyValuePair<Located<string>, T?>> _entries = [];

    internal override Type ValueType(string key) => typeof(T);

    internal override void Set(Located<string> key, object? value)
    {
        _entries.RemoveAll(e => e.Key.Value == key.Value);
        _entries.Add(new(key, (T?)value));
    }

    public IEnumerator<KeyValuePair<Located<string>, T?>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Dotted key paths as shown in diagnostics: <c>modules.default.collectors[1]</c>.</summary>
internal static class ConfigPath
{
    public static string Child(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}

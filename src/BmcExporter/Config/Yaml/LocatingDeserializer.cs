using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace BmcExporter.Config.Yaml;

/// <summary>
/// Reads the settings types (<see cref="MappingNode"/>s, <see cref="Located{T}"/> scalars, lists and
/// <see cref="ArgList"/>) from the parser's events. Written by hand because YamlDotNet's object, collection and
/// scalar deserialisers stop at the first problem (an unknown key, a list where a value belongs, text where a
/// number belongs) and keep no positions: this one records every problem with its line and key path and goes
/// on, keeps the position of every key and value, and gives keys merged with <c>&lt;&lt;</c> lower precedence than
/// keys written in the mapping (YAML merge rules; YamlDotNet's MergingParser only splices the merged pairs in).
/// Parsing, anchors, aliases and merging stay with the library.
/// </summary>
internal sealed class LocatingDeserializer(ConfigDiagnostics diagnostics) : INodeDeserializer
{
    private enum Shape
    {
        Other,
        Scalar,
        List,
        Mapping,
        Args,
    }

    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();

    private string _path = string.Empty;

    public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
    {
        value = null;
        var shape = Shapes.GetOrAdd(expectedType, ShapeOf);
        if (shape == Shape.Other || (reader.Current is Scalar scalar && IsNull(scalar)))
        {
            // Null scalars are left to the library (the value is absent).
            return false;
        }

        value = shape switch
        {
            Shape.Scalar => ReadScalar(reader, expectedType.GetGenericArguments()[0]),
            Shape.List => ReadList(reader, expectedType, nestedObjectDeserializer),
            Shape.Mapping => ReadMapping(reader, expectedType, nestedObjectDeserializer),
            _ => ReadArgs(reader, nestedObjectDeserializer),
        };
        return true;
    }

    internal static bool IsNull(Scalar scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    private static Shape ShapeOf(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Located<>) ? Shape.Scalar
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? Shape.List
        : typeof(MappingNode).IsAssignableFrom(type) ? Shape.Mapping
        : type == typeof(ArgList) ? Shape.Args
        : Shape.Other;

    private object? ReadScalar(IParser reader, Type valueType)
    {
        if (reader.Current is not Scalar scalar)
        {
            return WrongShape(reader, "must be a single value, not a list or mapping");
        }

        reader.MoveNext();
        if (valueType == typeof(string))
        {
            return new Located<string>(scalar.Value, _path, scalar.Start);
        }

        if (valueType == typeof(int))
        {
            if (YamlNumbers.TryParseInt(scalar.Value, out var number))
            {
                return new Located<int>(number, _path, scalar.Start);
            }

            diagnostics.Error(scalar.Start, _path, $"'{scalar.Value}' is not an integer");
            return null;
        }

        if (YamlNumbers.TryParseBool(scalar.Value, out var flag))
        {
            return new Located<bool>(flag, _path, scalar.Start);
        }

        diagnostics.Error(scalar.Start, _path, $"'{scalar.Value}' is not true or false");
        return null;
    }

    private IList? ReadList(IParser reader, Type listType, Func<IParser, Type, object?> nested)
    {
        if (!reader.TryConsume<SequenceStart>(out _))
        {
            return (IList?)WrongShape(reader, "must be a list (e.g. [a, b], or one '- item' per line)");
        }

        var list = (IList)Activator.CreateInstance(listType)!;
        var itemType = listType.GetGenericArguments()[0];
        var parent = _path;
        for (var i = 0; !reader.TryConsume<SequenceEnd>(out _); i++)
        {
            _path = ConfigPath.Item(parent, i);
            var start = reader.Current!.Start;
            if (Fits(nested(reader, itemType), itemType, start, out var item))
            {
                list.Add(item);
            }
        }

        _path = parent;
        return list;
    }

    private MappingNode? ReadMapping(IParser reader, Type type, Func<IParser, Type, object?> nested)
    {
        if (reader.Current is Scalar inline && typeof(IScalarForm).IsAssignableFrom(type))
        {
            reader.MoveNext();
            var node = (MappingNode)Activator.CreateInstance(type)!;
            (node.Path, node.Start) = (_path, inline.Start);
            ((IScalarForm)node).Inline = new Located<string>(inline.Value, _path, inline.Start);
            return node;
        }

        if (!reader.TryConsume<MappingStart>(out var start))
        {
            return (MappingNode?)WrongShape(reader, _path.Length == 0 ? "the top level must be a mapping of keys" : "must be a mapping (key: value pairs)");
        }

        var map = (MappingNode)Activator.CreateInstance(type)!;
        (map.Path, map.Start) = (_path, start.Start);
        var merged = new HashSet<string>(StringComparer.Ordinal);
        while (!reader.TryConsume<MappingEnd>(out _))
        {
            if (!reader.TryConsume<Scalar>(out var key))
            {
                diagnostics.Error(reader.Current!.Start, _path, "keys must be plain text, not lists or mappings");
                reader.SkipThisAndNestedEvents();
                reader.SkipThisAndNestedEvents();
                continue;
            }

            if (!ShouldRead(map, key, start, merged))
            {
                reader.SkipThisAndNestedEvents();
                continue;
            }

            var keyPath = ConfigPath.Child(_path, key.Value);
            if (map.ValueType(key.Value) is not { } valueType)
            {
                var hint = KeySuggestion.For(key.Value, map.KnownKeys);
                diagnostics.Error(key.Start, keyPath, hint is null ? $"unknown key (known keys: {string.Join(", ", map.KnownKeys)})" : $"unknown key; did you mean '{hint}'?");
                reader.SkipThisAndNestedEvents();
                continue;
            }

            map.KeyMarks[key.Value] = key.Start;
            var parent = _path;
            _path = keyPath;
            var valueStart = reader.Current!.Start;
            var fits = Fits(nested(reader, valueType), valueType, valueStart, out var value);
            _path = parent;
            if (fits)
            {
                map.Set(new Located<string>(key.Value, keyPath, key.Start), value);
            }
        }

        return map;
    }

    /// <summary>
    /// Merge precedence: keys spliced in by MergingParser are copies of events from earlier in the file, so their
    /// position lies before the mapping's own start. A key written in the mapping beats a merged one wherever
    /// each appears; two written ones are an error. Of two merged ones the later wins: MergingParser splices the
    /// sources of <c>&lt;&lt;: [*a, *b]</c> last first, so the later one comes from the earlier source, which YAML
    /// says wins (and a source's own keys follow those it merged itself).
    /// </summary>
    private bool ShouldRead(MappingNode map, Scalar key, MappingStart start, HashSet<string> merged)
    {
        var fromMerge = key.Start.Index < start.Start.Index;
        if (!map.KeyMarks.TryGetValue(key.Value, out var first))
        {
            if (fromMerge)
            {
                merged.Add(key.Value);
            }

            return true;
        }

        if (fromMerge)
        {
            return merged.Contains(key.Value);
        }

        if (merged.Remove(key.Value))
        {
            return true;
        }

        diagnostics.Error(key.Start, ConfigPath.Child(_path, key.Value), $"is given twice (first at line {first.Line})");
        return false;
    }

    private ArgList? ReadArgs(IParser reader, Func<IParser, Type, object?> nested)
    {
        var start = reader.Current!.Start;
        if (reader.Current is Scalar)
        {
            return new ArgList { Path = _path, Start = start, Line = (Located<string>?)ReadScalar(reader, typeof(string)) };
        }

        return reader.Current is SequenceStart
            ? new ArgList { Path = _path, Start = start, Items = (List<Located<string>>?)ReadList(reader, typeof(List<Located<string>>), nested) }
            : (ArgList?)WrongShape(reader, "must be a list of arguments or one string of them");
    }

    /// <summary>An alias can name a value of another kind than the key wants (or, inside its own anchor, one not built yet).</summary>
    private bool Fits(object? value, Type type, Mark start, out object? result)
    {
        result = value;
        if (value is null || type.IsInstanceOfType(value))
        {
            return true;
        }

        diagnostics.Error(start, _path, "this alias refers to a value of another kind than this key takes");
        return false;
    }

    private object? WrongShape(IParser reader, string message)
    {
        diagnostics.Error(reader.Current!.Start, _path, message);
        reader.SkipThisAndNestedEvents();
        return null;
    }
}

using System.Collections;
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
/// keys written in the mapping (YAML merge rules; MergingParser only splices the merged pairs in). Parsing,
/// anchors, aliases and merging stay with the library.
/// </summary>
internal sealed class LocatingDeserializer(ConfigDiagnostics diagnostics) : INodeDeserializer
{
    private string _path = string.Empty;

    public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
    {
        var generic = expectedType.IsGenericType ? expectedType.GetGenericTypeDefinition() : null;
        Func<object?>? read = generic == typeof(Located<>) ? () => ReadScalar(reader, expectedType.GetGenericArguments()[0])
            : generic == typeof(List<>) ? () => ReadList(reader, expectedType, nestedObjectDeserializer)
            : typeof(MappingNode).IsAssignableFrom(expectedType) ? () => ReadMapping(reader, expectedType, nestedObjectDeserializer)
            : expectedType == typeof(ArgList) ? () => ReadArgs(reader, nestedObjectDeserializer)
            : null;

        // A null scalar is left to the library, which makes it null: the key is absent.
        if (read is null || (reader.Current is Scalar scalar && IsNull(scalar)))
        {
            value = null;
            return false;
        }

        value = read();
        return true;
    }

    internal static bool IsNull(Scalar scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    private object? ReadScalar(IParser reader, Type valueType)
    {
        if (!reader.TryConsume<Scalar>(out var scalar))
        {
            return WrongShape(reader, "must be a single value, not a list or mapping");
        }

        if (valueType == typeof(string))
        {
            return new Located<string>(scalar.Value, _path, scalar.Start);
        }

        if (valueType == typeof(int))
        {
            return YamlNumbers.TryParseInt(scalar.Value, out var number) ? new Located<int>(number, _path, scalar.Start)
                : WrongValue(scalar, $"'{scalar.Value}' is not an integer");
        }

        return YamlNumbers.TryParseBool(scalar.Value, out var flag) ? new Located<bool>(flag, _path, scalar.Start)
            : WrongValue(scalar, $"'{scalar.Value}' is not true or false");
    }

    private IList? ReadList(IParser reader, Type listType, Func<IParser, Type, object?> nested)
    {
        if (!reader.TryConsume<SequenceStart>(out _))
        {
            return (IList?)WrongShape(reader, "must be a list (e.g. [a, b], or one '- item' per line)");
        }

        var list = (IList)Activator.CreateInstance(listType)!;
        var parent = _path;
        for (var i = 0; !reader.TryConsume<SequenceEnd>(out _); i++)
        {
            _path = ConfigPath.Item(parent, i);
            if (Read(reader, listType.GetGenericArguments()[0], nested, out var item))
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
            (node.Path, node.Start, ((IScalarForm)node).Inline) = (_path, inline.Start, new Located<string>(inline.Value, _path, inline.Start));
            return node;
        }

        if (!reader.TryConsume<MappingStart>(out var start))
        {
            return (MappingNode?)WrongShape(reader, _path.Length == 0 ? "the top level must be a mapping of keys" : "must be a mapping (key: value pairs)");
        }

        var map = (MappingNode)Activator.CreateInstance(type)!;
        (map.Path, map.Start) = (_path, start.Start);
        var merged = new HashSet<string>(StringComparer.Ordinal);
        var parent = _path;
        while (!reader.TryConsume<MappingEnd>(out _))
        {
            if (!reader.TryConsume<Scalar>(out var key))
            {
                diagnostics.Error(reader.Current!.Start, _path, "keys must be plain text, not lists or mappings");
                reader.SkipThisAndNestedEvents();
                reader.SkipThisAndNestedEvents();
                continue;
            }

            _path = ConfigPath.Child(parent, key.Value);
            var valueType = map.ValueType(key.Value);
            if (valueType is null)
            {
                var hint = KeySuggestion.For(key.Value, map.KnownKeys);
                diagnostics.Error(key.Start, _path, hint is null ? $"unknown key (known keys: {string.Join(", ", map.KnownKeys)})" : $"unknown key; did you mean '{hint}'?");
            }

            if (valueType is null || !ShouldRead(map, key, start, merged))
            {
                reader.SkipThisAndNestedEvents();
            }
            else if (Read(reader, valueType, nested, out var value))
            {
                map.KeyMarks[key.Value] = key.Start;
                map.Set(new Located<string>(key.Value, _path, key.Start), value);
            }

            _path = parent;
        }

        return map;
    }

    /// <summary>
    /// Merge precedence: keys spliced in by MergingParser are copies of events from earlier in the file, so they
    /// start before the mapping itself. A key written in the mapping beats a merged one wherever each stands; two
    /// written ones are an error. Of two merged ones the later wins: MergingParser splices the sources of
    /// <c>&lt;&lt;: [*a, *b]</c> last first, so the later comes from the earlier source, which YAML says wins.
    /// </summary>
    private bool ShouldRead(MappingNode map, Scalar key, MappingStart start, HashSet<string> merged)
    {
        var fromMerge = key.Start.Index < start.Start.Index;
        if (!map.KeyMarks.TryGetValue(key.Value, out var first))
        {
            return !fromMerge || merged.Add(key.Value); // new key (remembered when merged)
        }

        if (fromMerge || merged.Remove(key.Value))
        {
            return !fromMerge || merged.Contains(key.Value); // written beats merged; later merged beats merged
        }

        diagnostics.Error(key.Start, _path, $"is given twice (first at line {first.Line})");
        return false;
    }

    private ArgList? ReadArgs(IParser reader, Func<IParser, Type, object?> nested) => reader.Current switch
    {
        Scalar => new ArgList(_path, reader.Current.Start, (Located<string>?)ReadScalar(reader, typeof(string)), null),
        SequenceStart => new ArgList(_path, reader.Current.Start, null, (List<Located<string>>?)ReadList(reader, typeof(List<Located<string>>), nested)),
        _ => (ArgList?)WrongShape(reader, "must be a list of arguments or one string of them"),
    };

    /// <summary>Reads a nested value; an alias can name a value of another kind (or, inside its own anchor, one not built yet).</summary>
    private bool Read(IParser reader, Type type, Func<IParser, Type, object?> nested, out object? value)
    {
        var start = reader.Current!.Start;
        value = nested(reader, type);
        if (value is null || type.IsInstanceOfType(value))
        {
            return true;
        }

        diagnostics.Error(start, _path, "this alias refers to a value of another kind than this key takes");
        return false;
    }

    private object? WrongValue(Scalar scalar, string message)
    {
        diagnostics.Error(scalar.Start, _path, message);
        return null;
    }

    private object? WrongShape(IParser reader, string message)
    {
        diagnostics.Error(reader.Current!.Start, _path, message);
        reader.SkipThisAndNestedEvents();
        return null;
    }
}

using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BmcExporter.Config.Yaml;

/// <summary>What kind of node the document's top level is.</summary>
internal enum YamlRootKind
{
    Empty,
    Scalar,
    Sequence,
    Mapping,
}

/// <summary>The outcome of a successful pre-scan: the kind of the top level and, for a mapping, its keys.</summary>
internal sealed record YamlShape(YamlRootKind Root, IReadOnlyList<Located<string>> RootKeys);

/// <summary>
/// A first pass over the parser's events, before anything is deserialised. Written by hand because the library
/// parses without recursion but builds values recursively, so a document nested 100,000 deep overflows the stack
/// there (an uncatchable crash): this loop, with an explicit stack, bounds the nesting depth and the number of
/// nodes first. It also checks what aliases and merge keys refer to (MergingParser fails with a bare
/// KeyNotFoundException on an alias to a scalar), refuses a second document, and turns parser errors into
/// located sentences: an unclosed '[' or '{' is reported where it opens, a tab in indentation on its own line
/// (the library reports it at the start of the enclosing mapping).
/// </summary>
internal static class YamlPreScan
{
    /// <summary>Deepest nesting accepted; real configs need fewer than 10 levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most parser events accepted (about 250,000 targets written as mappings).</summary>
    public const int MaxEvents = 1_000_000;

    private const string MergeRule = "'<<' merges mappings: it takes an alias of a mapping (*name, where &name is on a mapping) or a list of such aliases";

    /// <summary>Scans <paramref name="text"/>; on failure reports one located error and returns <c>null</c>.</summary>
    public static YamlShape? Run(string text, ConfigDiagnostics diagnostics)
    {
        var scan = new Scan();
        (Mark At, string Message)? problem;
        try
        {
            var parser = new Parser(new StringReader(text));
            problem = null;
            while (problem is null && parser.MoveNext())
            {
                problem = scan.Accept(parser.Current!);
            }
        }
        catch (YamlException ex)
        {
            problem = Explain(ex.Message, ex.Start, text, scan);
        }
        catch (InvalidOperationException ex)
        {
            // The library's scanner throws this (not a YamlException) on some unterminated flow collections.
            problem = Explain($"the YAML parser failed ({ex.GetType().Name})", new Mark(text.Length, text.Count(c => c == '\n') + 1, 1), text, scan);
        }

        if (problem is { } p)
        {
            diagnostics.Error(p.At, string.Empty, p.Message);
            return null;
        }

        return new YamlShape(scan.Root, scan.RootKeys);
    }

    private static (Mark, string) Explain(string reason, Mark at, string text, Scan scan)
    {
        var i = reason.LastIndexOf("): ", StringComparison.Ordinal);
        reason = i >= 0 && reason.StartsWith('(') ? reason[(i + 3)..] : reason;
        var line = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            // The first line, from the last good node on, whose indentation holds a tab.
            var indent = raw.Length - raw.TrimStart(" \t").Length;
            if (++line >= scan.LastLine && indent < raw.Length && raw[..indent].Contains('\t') && reason.Contains("tab", StringComparison.OrdinalIgnoreCase))
            {
                return (new Mark(0, line, raw[..indent].IndexOf('\t') + 1), "a tab is used for indentation; YAML indents with spaces only");
            }
        }

        if (scan.Open.FirstOrDefault(f => f.Flow) is { } open && (reason.Contains("did not find expected ','", StringComparison.Ordinal) || at.Index >= text.Length - 1))
        {
            return (open.Start, open.Mapping ? $"this '{{' is never closed: no matching '}}' before line {at.Line}"
                : $"this '[' is never closed: no matching ']' before line {at.Line}");
        }

        return (at, $"invalid YAML: {reason}");
    }

    private sealed record Frame(bool Mapping, bool Flow, Mark Start, bool MergeList)
    {
        public bool ExpectKey { get; set; } = true;
    }

    private sealed class Scan
    {
        private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
        private readonly HashSet<string> _mappingAnchors = new(StringComparer.Ordinal);
        private int _events;
        private int _documents;
        private bool _mergeValueNext;

        public Stack<Frame> Open { get; } = new();

        public YamlRootKind Root { get; private set; }

        public List<Located<string>> RootKeys { get; } = [];

        public long LastLine { get; private set; } = 1;

        public (Mark, string)? Accept(ParsingEvent e)
        {
            LastLine = e.Start.Line;
            if (++_events > MaxEvents)
            {
                return (e.Start, $"the file has more than {MaxEvents:N0} YAML nodes");
            }

            if (e is DocumentStart && ++_documents > 1)
            {
                return (e.Start, "the file holds more than one YAML document (a second '---'); only one is read");
            }

            if (e is SequenceEnd or MappingEnd)
            {
                Open.Pop();
                Completed();
            }

            return e is Scalar or AnchorAlias or SequenceStart or MappingStart ? Node(e) : null;
        }

        private (Mark, string)? Node(ParsingEvent e)
        {
            var parent = Open.Count > 0 ? Open.Peek() : null;
            Root = parent is null ? e switch { MappingStart => YamlRootKind.Mapping, SequenceStart => YamlRootKind.Sequence, _ => YamlRootKind.Scalar } : Root;
            if (e is AnchorAlias alias && !_anchors.Contains(alias.Value.Value))
            {
                return (e.Start, $"'*{alias.Value.Value}' refers to no anchor: '&{alias.Value.Value}' must come before it");
            }

            // After a merge key: an alias of a mapping, or a list of them.
            var isMergeSource = e is AnchorAlias a && _mappingAnchors.Contains(a.Value.Value);
            var mergeList = _mergeValueNext && e is SequenceStart;
            if ((_mergeValueNext && !isMergeSource && !mergeList) || (parent is { MergeList: true } && !isMergeSource))
            {
                return (e.Start, MergeRule);
            }

            var isKey = parent is { Mapping: true, ExpectKey: true };
            _mergeValueNext = isKey && e is Scalar { Value: "<<", Style: ScalarStyle.Plain };
            if (isKey && Open.Count == 1 && e is Scalar key)
            {
                RootKeys.Add(new Located<string>(key.Value, key.Value, key.Start));
            }

            if (e is NodeEvent { Anchor.IsEmpty: false } named)
            {
                // The latest node with a name is the one its aliases refer to.
                _anchors.Add(named.Anchor.Value);
                _ = e is MappingStart ? _mappingAnchors.Add(named.Anchor.Value) : _mappingAnchors.Remove(named.Anchor.Value);
            }

            if (e is not (MappingStart or SequenceStart))
            {
                Completed();
                return null;
            }

            Open.Push(new Frame(e is MappingStart, e is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow }, e.Start, mergeList));
            return Open.Count > MaxDepth ? (e.Start, $"the document is nested more than {MaxDepth} levels deep") : null;
        }

        private void Completed()
        {
            if (Open.Count > 0 && Open.Peek() is { Mapping: true } frame)
            {
                frame.ExpectKey = !frame.ExpectKey;
            }
        }
    }
}

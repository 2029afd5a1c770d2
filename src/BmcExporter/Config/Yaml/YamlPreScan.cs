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

/// <summary>
/// A first pass over the parser's events, before anything is deserialised. Written by hand because the library
/// parses without recursion but builds values recursively, so a document nested 100,000 deep overflows the stack
/// there (an uncatchable crash): this pass, a loop with an explicit stack, bounds the nesting depth and the number
/// of nodes first. It also checks what merge keys refer to (MergingParser fails with a bare KeyNotFoundException
/// on an alias to a scalar), refuses a second document, and turns parser errors into located sentences: an
/// unclosed '[' or '{' is reported where it was opened, a tab in indentation on its own line (the library
/// reports it at the start of the enclosing mapping).
/// </summary>
internal static class YamlPreScan
{
    /// <summary>Deepest nesting accepted; real configs need fewer than 10 levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most parser events accepted (about 250,000 targets written as mappings).</summary>
    public const int MaxEvents = 1_000_000;

    /// <summary>Scans <paramref name="text"/>; on failure reports one located error and returns <c>null</c>.</summary>
    public static YamlShape? Run(string text, ConfigDiagnostics diagnostics)
    {
        var state = new ScanState();
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                if (state.Accept(parser.Current!) is { } problem)
                {
                    diagnostics.Error(problem.At, string.Empty, problem.Message);
                    return null;
                }
            }
        }
        catch (YamlException ex)
        {
            var (at, message) = Explain(ex.Message, ex.Start, text, state);
            diagnostics.Error(at, string.Empty, message);
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // The library's scanner throws this (not a YamlException) on some unterminated flow collections.
            var end = new Mark(text.Length, text.Count(ch => ch == '\n') + 1, 1);
            var (at, message) = Explain($"the YAML parser failed ({ex.GetType().Name})", end, text, state);
            diagnostics.Error(at, string.Empty, message);
            return null;
        }

        return new YamlShape(state.Root, state.RootKeys);
    }

    private static (Mark At, string Message) Explain(string reason, Mark errorAt, string text, ScanState state)
    {
        var i = reason.LastIndexOf("): ", StringComparison.Ordinal);
        reason = i >= 0 && reason.StartsWith('(') ? reason[(i + 3)..] : reason;
        if (reason.Contains("tab", StringComparison.OrdinalIgnoreCase) && FindTabIndent(text, state.LastLine) is { } tab)
        {
            return (tab, "a tab is used for indentation; YAML indents with spaces only");
        }

        if (state.InnermostFlow is { } open
            && (reason.Contains("did not find expected ','", StringComparison.Ordinal) || errorAt.Index >= text.Length - 1))
        {
            var (bracket, closing) = open.Mapping ? ('{', '}') : ('[', ']');
            return (open.Start, $"this '{bracket}' is never closed: no matching '{closing}' before line {errorAt.Line}");
        }

        return (errorAt, $"invalid YAML: {reason}");
    }

    /// <summary>The first line at or after <paramref name="fromLine"/> whose indentation holds a tab.</summary>
    private static Mark? FindTabIndent(string text, long fromLine)
    {
        var line = 0L;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            line++;
            var indent = raw.Length - raw.TrimStart(" \t").Length;
            var tab = raw[..indent].IndexOf('\t');
            if (line >= fromLine && tab >= 0 && indent < raw.Length)
            {
                return new Mark(0, line, tab + 1);
            }
        }

        return null;
    }

    private readonly record struct Problem(Mark At, string Message);

    private sealed class Frame(bool mapping, bool flow, Mark start)
    {
        public bool Mapping { get; } = mapping;

        public bool Flow { get; } = flow;

        public Mark Start { get; } = start;

        public bool ExpectKey { get; set; } = true;

        /// <summary>A list after a merge key: each item must be an alias of a mapping.</summary>
        public bool MergeList { get; init; }
    }

    private sealed class ScanState
    {
        private readonly Stack<Frame> _open = new();
        private readonly HashSet<string> _mappingAnchors = new(StringComparer.Ordinal);
        private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
        private int _events;
        private int _documents;
        private bool _mergeValueNext;
        private bool _mergeSequence;

        public YamlRootKind Root { get; private set; }

        public List<Located<string>> RootKeys { get; } = [];

        public long LastLine { get; private set; } = 1;

        public Frame? InnermostFlow => _open.FirstOrDefault(f => f.Flow);

        public Problem? Accept(ParsingEvent e)
        {
            LastLine = e.Start.Line;
            if (++_events > MaxEvents)
            {
                return new(e.Start, $"the file has more than {MaxEvents:N0} YAML nodes");
            }

            switch (e)
            {
                case DocumentStart when ++_documents > 1:
                    return new(e.Start, "the file holds more than one YAML document (a second '---'); only one is read");
                case Scalar or AnchorAlias or SequenceStart or MappingStart:
                    return Node(e);
                case SequenceEnd or MappingEnd:
                    _open.Pop();
                    Completed();
                    return null;
                default:
                    return null;
            }
        }

        private Problem? Node(ParsingEvent e)
        {
            if (_open.Count == 0)
            {
                Root = e switch { MappingStart => YamlRootKind.Mapping, SequenceStart => YamlRootKind.Sequence, _ => YamlRootKind.Scalar };
            }

            if (e is AnchorAlias undefined && !_anchors.Contains(undefined.Value.Value))
            {
                return new(e.Start, $"'*{undefined.Value.Value}' refers to no anchor: '&{undefined.Value.Value}' must come before it");
            }

            var parent = _open.Count > 0 ? _open.Peek() : null;
            var isKey = parent is { Mapping: true, ExpectKey: true };
            if (CheckMergeSource(e, parent) is { } problem)
            {
                return problem;
            }

            if (isKey && e is Scalar { Value: "<<", Style: ScalarStyle.Plain })
            {
                _mergeValueNext = true;
            }
            else if (isKey && _open.Count == 1 && e is Scalar key)
            {
                RootKeys.Add(new Located<string>(key.Value, key.Value, key.Start));
            }

            if (e is NodeEvent { Anchor.IsEmpty: false } named)
            {
                _anchors.Add(named.Anchor.Value);
                // The latest node with a name is the one its aliases refer to.
                _ = e is MappingStart ? _mappingAnchors.Add(named.Anchor.Value) : _mappingAnchors.Remove(named.Anchor.Value);
            }

            if (e is MappingStart or SequenceStart)
            {
                var flow = e is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow };
                _open.Push(new Frame(e is MappingStart, flow, e.Start) { MergeList = _mergeSequence });
                _mergeSequence = false;
                return _open.Count > MaxDepth ? new(e.Start, $"the document is nested more than {MaxDepth} levels deep") : null;
            }

            Completed();
            return null;
        }

        private Problem? CheckMergeSource(ParsingEvent e, Frame? parent)
        {
            const string Rule = "'<<' merges mappings: it takes an alias of a mapping (*name, where &name is on a mapping) or a list of such aliases";
            if (parent is { MergeList: true } && !(e is AnchorAlias alias && _mappingAnchors.Contains(alias.Value.Value)))
            {
                return new(e.Start, Rule);
            }

            if (!_mergeValueNext)
            {
                return null;
            }

            _mergeValueNext = false;
            switch (e)
            {
                case AnchorAlias a when _mappingAnchors.Contains(a.Value.Value):
                    return null;
                case SequenceStart:
                    _mergeSequence = true;
                    return null;
                default:
                    return new(e.Start, Rule);
            }
        }

        private void Completed()
        {
            if (_open.Count > 0 && _open.Peek() is { Mapping: true } frame)
            {
                frame.ExpectKey = !frame.ExpectKey;
            }
        }
    }
}

/// <summary>The outcome of a successful pre-scan: the kind of the top level and, for a mapping, its keys.</summary>
internal sealed record YamlShape(YamlRootKind Root, IReadOnlyList<Located<string>> RootKeys);

using System.IO.Enumeration;
using BmcExporter.Config;
using BmcExporter.Config.Yaml;

namespace BmcExporter.Targets;

/// <summary>Reading target files: pattern expansion, per-file last good state, merging with static targets.</summary>
public sealed partial class TargetSet
{
    private Snapshot Build()
    {
        var errors = new List<ConfigDiagnostic>();
        var warnings = new List<ConfigDiagnostic>();
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in _config.TargetFiles)
        {
            foreach (var file in Expand(pattern, errors))
            {
                if (seenFiles.Add(file))
                {
                    ReadFile(file);
                }
            }
        }

        // Files matched by a glob that are gone were removed on purpose: their targets go too. A literal
        // path that is missing keeps its last targets (Expand reported it) so a deploy glitch drops nothing.
        foreach (var gone in _files.Keys.Where(f => !seenFiles.Contains(f) && !_config.TargetFiles.Contains(f)).ToList())
        {
            _files.Remove(gone);
        }

        var all = new List<TargetConfig>(_config.Targets);
        var keys = new HashSet<string>(all.Select(t => t.Key), StringComparer.OrdinalIgnoreCase);
        foreach (var (path, state) in _files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            errors.AddRange(state.Errors);
            warnings.AddRange(state.Warnings);
            foreach (var t in state.Targets)
            {
                if (keys.Add(t.Key))
                {
                    all.Add(t);
                }
                else
                {
                    warnings.Add(new ConfigDiagnostic(path, 0, 0, string.Empty, $"target {t.Key} is already defined elsewhere; the first definition is used"));
                }
            }
        }

        return new Snapshot(all, ShardAssigner.Filter(all, _config.Sharding), errors, warnings);
    }

    private void ReadFile(string file)
    {
        // Read strictly: bounded size, UTF-8 only. A file that cannot be read keeps its previous targets.
        var problems = new ConfigDiagnostics(file);
        var bytes = YamlText.ReadFile(file, TargetFileParser.MaxFileBytes, problems, "the target file");
        var text = bytes is null ? null : YamlText.Decode(bytes, problems, "the target file");
        var known = _files.GetValueOrDefault(file);
        if (text is null)
        {
            _files[file] = (known ?? FileState.Empty) with { Text = null, Errors = problems.Errors, Warnings = [] };
            return;
        }

        if (known?.Text == text)
        {
            return;
        }

        var parsed = TargetFileParser.Parse(file, text, _config.Modules);
        _files[file] = parsed.Success
            ? new FileState(text, parsed.Targets, [], parsed.Warnings)
            : (known ?? FileState.Empty) with { Text = text, Errors = parsed.Errors, Warnings = parsed.Warnings };
    }

    /// <summary>Expands <c>*</c> and <c>?</c> in the file-name part of <paramref name="pattern"/>.</summary>
    private static IEnumerable<string> Expand(string pattern, List<ConfigDiagnostic> errors)
    {
        var directory = Path.GetDirectoryName(pattern) ?? ".";
        var name = Path.GetFileName(pattern);
        if (name.IndexOfAny(['*', '?']) < 0)
        {
            if (File.Exists(pattern))
            {
                return [pattern];
            }

            errors.Add(new ConfigDiagnostic(pattern, 0, 0, string.Empty, "target file does not exist"));
            return [];
        }

        if (!Directory.Exists(directory))
        {
            errors.Add(new ConfigDiagnostic(pattern, 0, 0, string.Empty, $"directory {directory} does not exist"));
            return [];
        }

        try
        {
            return Directory.EnumerateFiles(directory, name, new EnumerationOptions { MatchType = MatchType.Simple, RecurseSubdirectories = false })
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ConfigDiagnostic(pattern, 0, 0, string.Empty, $"cannot list {directory}: {ex.Message}"));
            return [];
        }
    }

    private void RestartWatchers()
    {
        foreach (var w in _watchers)
        {
            w.Dispose();
        }

        _watchers = [];
        if (!_options.WatchFileSystem)
        {
            return;
        }

        foreach (var group in _config.TargetFiles.GroupBy(p => Path.GetDirectoryName(p) ?? ".", StringComparer.Ordinal))
        {
            var directory = group.Key;
            var names = group.Select(Path.GetFileName).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            try
            {
                // Watch the directory, not the file: editors and Kubernetes ConfigMaps replace files by rename.
                var watcher = new FileSystemWatcher(directory)
                {
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
                    IncludeSubdirectories = false,
                };
                FileSystemEventHandler onEvent = (_, e) => OnFileEvent(names, e);
                watcher.Changed += onEvent;
                watcher.Created += onEvent;
                watcher.Deleted += onEvent;
                watcher.Renamed += (_, e) => OnFileEvent(names, e);
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
            {
                TargetsLog.WatchFailed(_logger, directory, ex.Message, _options.PollInterval.TotalSeconds);
            }
        }
    }

    /// <summary>The longest a burst of notifications can hold a reload back: ten debounce periods (5 s by default).</summary>
    private TimeSpan MaxDebounceDelay => _options.Debounce * 10;

    /// <summary>
    /// Arms the debounce timer for a notification about one of the target files (or a Kubernetes volume's atomic swap),
    /// never further than <see cref="MaxDebounceDelay"/> after the first notification of a burst: a file rewritten
    /// every few hundred milliseconds, or a log written beside it, must not hold a reload back until the next poll.
    /// </summary>
    private void OnFileEvent(string[] names, FileSystemEventArgs e)
    {
        if (!Concerns(names, e.Name) && !(e is RenamedEventArgs r && Concerns(names, r.OldName)))
        {
            return;
        }

        lock (_burstLock)
        {
            var now = _time.GetTimestamp();
            if (_burstStarted is not { } started)
            {
                _burstStarted = started = now;
            }

            var left = MaxDebounceDelay - _time.GetElapsedTime(started, now);
            var delay = left < _options.Debounce ? left : _options.Debounce;
            _debounceTimer?.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnDebounced()
    {
        lock (_burstLock)
        {
            _burstStarted = null;
        }

        SafeRefresh();
    }

    /// <summary>
    /// <c>true</c> for a name that a target-file pattern of the directory matches (as the file listing matches it),
    /// for a name starting with <c>..</c> (the <c>..data</c> link and timestamped directories a Kubernetes ConfigMap or
    /// Secret volume swaps to update its files), and for an event without a name.
    /// </summary>
    private static readonly bool IgnoreNameCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

    private static bool Concerns(string[] names, string? name)
    {
        if (string.IsNullOrEmpty(name) || name.StartsWith("..", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var pattern in names)
        {
            if (FileSystemName.MatchesSimpleExpression(pattern, name, IgnoreNameCase))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record FileState(string? Text, IReadOnlyList<TargetConfig> Targets, IReadOnlyList<ConfigDiagnostic> Errors, IReadOnlyList<ConfigDiagnostic> Warnings)
    {
        public static FileState Empty { get; } = new(null, [], [], []);
    }

    private sealed record Snapshot(IReadOnlyList<TargetConfig> All, IReadOnlyList<TargetConfig> Owned, IReadOnlyList<ConfigDiagnostic> Errors, IReadOnlyList<ConfigDiagnostic> Warnings)
    {
        private Dictionary<string, TargetConfig[]>? _byKey;

        public static Snapshot Empty { get; } = new([], [], [], []);

        /// <summary>
        /// The entries of <see cref="All"/> with this exact key, in order (static targets may name one BMC once per
        /// module). Indexed on first use: an <c>/ipmi</c> request must not scan a fleet of thousands.
        /// </summary>
        public IReadOnlyList<TargetConfig> WithKey(string key)
        {
            var index = Volatile.Read(ref _byKey);
            if (index is null)
            {
                index = All.GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
                Volatile.Write(ref _byKey, index);
            }

            return index.TryGetValue(key, out var found) ? found : [];
        }
    }

    /// <summary>Two entries are the same target when key, module and labels agree.</summary>
    private sealed class TargetIdentity : IEqualityComparer<TargetConfig>
    {
        public static TargetIdentity Instance { get; } = new();

        public bool Equals(TargetConfig? x, TargetConfig? y) =>
            x is not null && y is not null
            && string.Equals(x.Key, y.Key, StringComparison.OrdinalIgnoreCase)
            && x.Module == y.Module
            && x.Labels.Count == y.Labels.Count
            && x.Labels.All(kv => y.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value);

        public int GetHashCode(TargetConfig obj) => StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Key);
    }
}

using BmcExporter.Config;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Targets;

/// <summary>
/// The current targets: the config's static list plus every target file, re-read on change (file-system
/// notifications, debounced, with a polling fallback), filtered to this replica's shard. A target file
/// that fails to parse keeps its previous targets and its errors are reported. Thread-safe.
/// </summary>
public sealed partial class TargetSet : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TargetSetOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FileState> _files = new(StringComparer.Ordinal);
    private ExporterConfig _config;
    private Snapshot _snapshot = Snapshot.Empty;
    private ITimer? _pollTimer;
    private ITimer? _debounceTimer;
    private List<FileSystemWatcher> _watchers = [];
    private readonly Lock _burstLock = new();
    private long? _burstStarted;
    private bool _disposed;

    /// <summary>Builds the set from <paramref name="config"/> and reads the target files once.</summary>
    public TargetSet(ExporterConfig config, TimeProvider timeProvider, TargetSetOptions? options = null, ILogger? logger = null)
    {
        _config = config;
        _time = timeProvider;
        _options = options ?? new TargetSetOptions();
        _logger = logger ?? NullLogger.Instance;
        Refresh();
    }

    /// <summary>Raised (on a timer or the caller's thread) when <see cref="Owned"/> changes.</summary>
    public event EventHandler<TargetsChangedEventArgs>? Changed;

    /// <summary>Every target, static first then target files in path order, without duplicates, before sharding.</summary>
    public IReadOnlyList<TargetConfig> All => Volatile.Read(ref _snapshot).All;

    /// <summary>The entries of <see cref="All"/> whose key is exactly <paramref name="key"/> (<c>host:port</c>), in order.</summary>
    public IReadOnlyList<TargetConfig> WithKey(string key) => Volatile.Read(ref _snapshot).WithKey(key);

    /// <summary>The targets this replica scrapes (its shard of <see cref="All"/>).</summary>
    public IReadOnlyList<TargetConfig> Owned => Volatile.Read(ref _snapshot).Owned;

    /// <summary>Current target file errors (each file named with its line); empty when all files are fine.</summary>
    public IReadOnlyList<ConfigDiagnostic> Errors => Volatile.Read(ref _snapshot).Errors;

    /// <summary>Current target file warnings (duplicates).</summary>
    public IReadOnlyList<ConfigDiagnostic> Warnings => Volatile.Read(ref _snapshot).Warnings;

    /// <summary>Starts watching the target files (notifications and polling).</summary>
    public void Start()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _debounceTimer ??= _time.CreateTimer(_ => OnDebounced(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _pollTimer ??= _time.CreateTimer(_ => SafeRefresh(), null, _options.PollInterval, _options.PollInterval);
            RestartWatchers();
        }
    }

    /// <summary>Takes a reloaded config: new static targets, modules, target files and sharding.</summary>
    public void UpdateConfig(ExporterConfig config)
    {
        lock (_lock)
        {
            _config = config;
            _files.Clear();
            if (_pollTimer is not null)
            {
                RestartWatchers();
            }
        }

        Refresh();
    }

    /// <summary>Re-reads the target files now; returns <c>true</c> when the owned set changed.</summary>
    public bool Refresh()
    {
        TargetsChangedEventArgs? change;
        lock (_lock)
        {
            if (_disposed)
            {
                return false;
            }

            var next = Build();
            change = Diff(_snapshot, next);
            LogNewProblems(_snapshot, next);
            Volatile.Write(ref _snapshot, next);
            if (change is not null)
            {
                TargetsLog.TargetsChanged(_logger, next.Owned.Count, change.Added.Count, change.Removed.Count, _config.Sharding.Shard, _config.Sharding.Shards);
            }
        }

        if (change is not null)
        {
            Changed?.Invoke(this, change);
        }

        return change is not null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _pollTimer?.Dispose();
            _debounceTimer?.Dispose();
            foreach (var w in _watchers)
            {
                w.Dispose();
            }

            _watchers = [];
        }
    }

    private void SafeRefresh()
    {
        try
        {
            Refresh();
        }
        catch (Exception ex)
        {
            // A throwing Changed subscriber must not take the timer thread (and the process) down.
            TargetsLog.RefreshFailed(_logger, ex);
        }
    }

    private void LogNewProblems(Snapshot previous, Snapshot next)
    {
        foreach (var e in next.Errors.Except(previous.Errors))
        {
            TargetsLog.TargetFileError(_logger, e.ToString());
        }

        foreach (var w in next.Warnings.Except(previous.Warnings))
        {
            TargetsLog.TargetFileWarning(_logger, w.ToString());
        }
    }

    private static TargetsChangedEventArgs? Diff(Snapshot previous, Snapshot next)
    {
        var before = previous.Owned.ToHashSet(TargetIdentity.Instance);
        var after = next.Owned.ToHashSet(TargetIdentity.Instance);
        var added = next.Owned.Where(t => !before.Contains(t)).ToList();
        var removed = previous.Owned.Where(t => !after.Contains(t)).ToList();
        return added.Count == 0 && removed.Count == 0 ? null : new TargetsChangedEventArgs(next.Owned, added, removed);
    }
}

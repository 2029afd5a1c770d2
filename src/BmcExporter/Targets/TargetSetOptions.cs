namespace BmcExporter.Targets;

/// <summary>How <see cref="TargetSet"/> notices target file changes.</summary>
public sealed record TargetSetOptions
{
    /// <summary>Re-read target files at least this often, even without file-system notifications (NFS, ConfigMaps). Default 30 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait this long after the last change notification before re-reading (editors write in bursts). Default 500 ms.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Use <see cref="FileSystemWatcher"/> for prompt reloads; polling still runs. Default <c>true</c>.</summary>
    public bool WatchFileSystem { get; init; } = true;
}

/// <summary>The owned target set changed.</summary>
public sealed class TargetsChangedEventArgs(IReadOnlyList<Config.TargetConfig> owned, IReadOnlyList<Config.TargetConfig> added, IReadOnlyList<Config.TargetConfig> removed) : EventArgs
{
    /// <summary>Every target this replica now owns.</summary>
    public IReadOnlyList<Config.TargetConfig> Owned { get; } = owned;

    /// <summary>Targets new since the last event (or whose module or labels changed).</summary>
    public IReadOnlyList<Config.TargetConfig> Added { get; } = added;

    /// <summary>Targets gone since the last event (or whose module or labels changed: the old entry).</summary>
    public IReadOnlyList<Config.TargetConfig> Removed { get; } = removed;
}

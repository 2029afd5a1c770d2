namespace BmcExporter.Config;

/// <summary>
/// Holds the config in force and reloads it (SIGHUP, <c>POST /-/reload</c>): a reload that fails leaves
/// the previous config in force and returns the errors. Thread-safe.
/// </summary>
public sealed class ConfigSource
{
    private readonly ServeOptions _options;
    private readonly ConfigLoadOptions _loadOptions;
    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly Lock _reloadLock = new();
    private ExporterConfig? _current;

    /// <summary>Creates a source for the flags in <paramref name="options"/>; call <see cref="Reload"/> once to load.</summary>
    public ConfigSource(ServeOptions options, ConfigLoadOptions? loadOptions = null)
    {
        _options = options;
        _loadOptions = loadOptions ?? ConfigLoadOptions.Default;
        _getEnvironmentVariable = _loadOptions.GetEnvironmentVariable;
    }

    /// <summary>Raised after a successful reload with the new config (not raised for a failed one).</summary>
    public event EventHandler<ConfigChangedEventArgs>? Changed;

    /// <summary>The config in force; throws before the first successful <see cref="Reload"/>.</summary>
    public ExporterConfig Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("no configuration has been loaded yet");

    /// <summary><c>true</c> once a config has been loaded.</summary>
    public bool HasConfig => Volatile.Read(ref _current) is not null;

    /// <summary>
    /// Loads the file named by <c>--config.file</c> (or the built-in default), applies the flags and, on
    /// success, makes it current and raises <see cref="Changed"/>. On failure the current config stays and the
    /// result holds the errors. Never throws: a reload runs from a signal handler and a web request.
    /// </summary>
    public ConfigLoadResult Reload()
    {
        try
        {
            return ReloadCore();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var file = _options.ConfigFile ?? "(built-in default)";
            return new ConfigLoadResult(null, [new ConfigDiagnostic(file, 0, 0, string.Empty, $"reload failed ({ex.GetType().Name}: {ex.Message})")], []);
        }
    }

    private ConfigLoadResult ReloadCore()
    {
        lock (_reloadLock)
        {
            var loaded = _options.ConfigFile is null
                ? new ConfigLoadResult(ExporterConfig.Default, [], [])
                : ConfigLoader.Load(_options.ConfigFile, _loadOptions);
            if (loaded.Config is null)
            {
                return loaded;
            }

            var applied = _options.Apply(loaded.Config, _getEnvironmentVariable);
            if (applied.Config is null)
            {
                var file = _options.ConfigFile ?? "command line";
                return new ConfigLoadResult(null, [new ConfigDiagnostic(file, 0, 0, "sharding", applied.Error ?? "invalid")], loaded.Warnings);
            }

            var previous = Volatile.Read(ref _current);
            Volatile.Write(ref _current, applied.Config);
            Changed?.Invoke(this, new ConfigChangedEventArgs(previous, applied.Config));
            return new ConfigLoadResult(applied.Config, [], loaded.Warnings);
        }
    }
}

/// <summary>A config replaced another.</summary>
public sealed class ConfigChangedEventArgs(ExporterConfig? previous, ExporterConfig current) : EventArgs
{
    /// <summary>The config before the reload; <c>null</c> for the first load.</summary>
    public ExporterConfig? Previous { get; } = previous;

    /// <summary>The config now in force.</summary>
    public ExporterConfig Current { get; } = current;
}

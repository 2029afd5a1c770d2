using BmcExporter.Collectors;
using BmcExporter.Collectors.Redfish;
using BmcExporter.Config;
using BmcExporter.Logging;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using BmcExporter.State;
using BmcExporter.Targets;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Engine;

/// <summary>
/// The exporter's moving parts wired together for one process: target set, scheduler, coordinator,
/// sessions, state and snapshots. The web layer reads from it; <see cref="ReloadAsync"/> swaps the config.
/// </summary>
public sealed class ExporterRuntime : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<ConfigLoadResult>? _reloader;
    private readonly SemaphoreSlim _applyLock = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private ExporterConfig _config;
    private Task _schedulerLoop = Task.CompletedTask;
    private Task _evictionLoop = Task.CompletedTask;
    private readonly RuntimeOptions _options;
    private readonly OnDemandTable _onDemand;
    private volatile bool _started;
    private volatile bool _firstRoundDone;
    private IReadOnlyList<string> _firstRound = [];
    private DateTimeOffset _firstRoundDeadline;
    private int _disposed;

    /// <summary>Wires the runtime. <paramref name="reloader"/> re-reads the config for <see cref="ReloadAsync"/>.</summary>
    public ExporterRuntime(
        ExporterConfig config,
        IBmcSessionFactory sessionFactory,
        IEnumerable<IScrapeCollector> collectors,
        TimeProvider time,
        ILoggerFactory loggers,
        Func<ConfigLoadResult>? reloader = null,
        RuntimeOptions? options = null)
    {
        options ??= new RuntimeOptions();
        _options = options;
        _onDemand = new OnDemandTable(config.Scrape.OnDemandMaxTargets);
        _config = config;
        _time = time;
        _reloader = reloader;
        _logger = loggers.CreateLogger("BmcExporter");
        Stats = new TargetStatsRegistry();
        Store = new SnapshotStore();
        State = new TargetStateStore(options.PersistState ? config.StateDir : null, _logger);
        Sessions = new SessionPool(sessionFactory, Stats, _logger);
        Scraper = new TargetScraper(Sessions, new CollectorSet(collectors), State, Stats, options.Retry, time, _logger);
        RedfishSessions = new RedfishSessionPool(Stats, time, _logger);
        RedfishCursors = new RedfishLogCursors(State);
        Protocols = new ProtocolScraper(Scraper, new RedfishTargetScraper(RedfishSessions, RedfishCollectors.Create(), RedfishCursors, Stats, time, _logger), time, _logger);
        Coordinator = new ScrapeCoordinator(Protocols, Store, Stats, config.Scrape.MaxConcurrency, options.Breaker, time, _logger, config.Scrape.OnDemandMaxConcurrency);
        Scheduler = new BackgroundScheduler(Coordinator, time, _logger);
        Targets = new TargetSet(config, time, options.TargetSet, loggers.CreateLogger("BmcExporter.Targets"));
        Targets.Changed += (_, e) => _ = ApplyTargetsAsync(e.Owned);
        LastSuccessfulLoad = time.GetUtcNow();
    }

    /// <summary>The clock every part of the runtime uses.</summary>
    public TimeProvider Time => _time;

    /// <summary>The current configuration.</summary>
    public ExporterConfig Config => Volatile.Read(ref _config);

    public SnapshotStore Store { get; }

    public TargetStatsRegistry Stats { get; }

    public TargetStateStore State { get; }

    public SessionPool Sessions { get; }

    public TargetScraper Scraper { get; }

    /// <summary>Redfish sessions, one per target and module (logged out at shutdown).</summary>
    public RedfishSessionPool RedfishSessions { get; }

    /// <summary>Redfish log cursors, persisted beside the SEL cursors.</summary>
    public RedfishLogCursors RedfishCursors { get; }

    /// <summary>Routes each target to IPMI or Redfish by its module's <c>protocol</c>.</summary>
    public ProtocolScraper Protocols { get; }

    public ScrapeCoordinator Coordinator { get; }

    public BackgroundScheduler Scheduler { get; }

    public TargetSet Targets { get; }

    /// <summary>Whether the last load or reload of the configuration succeeded.</summary>
    public bool LastReloadSuccessful { get; private set; } = true;

    /// <summary>When the configuration was last loaded successfully.</summary>
    public DateTimeOffset? LastSuccessfulLoad { get; private set; }

    /// <summary>
    /// <c>true</c> from the end of the first round until stopping: once every target scheduled at start has a stored
    /// snapshot (whatever its outcome), or once the first round's deadline passed (the longest interval, over which
    /// first scrapes are spread, plus <c>scrape.timeout</c>), whichever comes first. In on-demand mode, once started.
    /// Targets added later by a reload do not make a ready exporter unready.
    /// </summary>
    public bool IsReady
    {
        get
        {
            if (!_started || _stopping.IsCancellationRequested)
            {
                return false;
            }

            if (_firstRoundDone)
            {
                return true;
            }

            if (_time.GetUtcNow() >= _firstRoundDeadline || _firstRound.All(k => Store.Latest(k) is not null || Scheduler.NextDue(k) is null))
            {
                _firstRoundDone = true;
            }

            return _firstRoundDone;
        }
    }

    /// <summary>When the first round counts as finished even if some targets never answered (see <see cref="IsReady"/>).</summary>
    public DateTimeOffset FirstRoundDeadline => _firstRoundDeadline;

    /// <summary>Starts watching target files and, in background mode, the schedule.</summary>
    public async Task StartAsync()
    {
        Targets.Start();
        await ApplyTargetsAsync(Targets.Owned).ConfigureAwait(false);
        _schedulerLoop = Task.Run(() => Scheduler.RunAsync(_stopping.Token));
        _evictionLoop = Task.Run(() => EvictIdleLoopAsync(_stopping.Token));
        var config = Config;
        _firstRound = Scheduler.Keys;
        var longest = _firstRound.Count == 0 ? TimeSpan.Zero : config.Modules.Values.Select(m => m.EffectiveInterval(config.Scrape)).Append(config.Scrape.Interval).Max();
        _firstRoundDeadline = _time.GetUtcNow() + longest + (_firstRound.Count == 0 ? TimeSpan.Zero : config.Scrape.Timeout);
        _started = true;
    }

    /// <summary>On-demand targets held (sessions, snapshots, stats).</summary>
    public int OnDemandTargets => _onDemand.Count;

    /// <summary>
    /// Notes an <c>/ipmi</c> request for a target not on the background schedule; beyond
    /// <c>scrape.on_demand_max_targets</c> (read at start-up) the least recently requested one is forgotten (session closed).
    /// </summary>
    public async Task NoteOnDemandAsync(string targetKey)
    {
        foreach (var evicted in _onDemand.Touch(targetKey))
        {
            await Coordinator.ForgetAsync(evicted).ConfigureAwait(false);
            Log.OnDemandTargetCapped(_logger, evicted, _onDemand.Capacity);
        }
    }

    /// <summary>Re-reads the configuration; on errors keeps the current one and returns them.</summary>
    public async Task<IReadOnlyList<ConfigDiagnostic>> ReloadAsync()
    {
        if (_reloader is null)
        {
            return [new ConfigDiagnostic("(none)", 0, 0, string.Empty, "no configuration file to reload")];
        }

        var result = _reloader();
        foreach (var warning in result.Warnings)
        {
            Log.ConfigWarning(_logger, warning.ToString());
        }

        if (result.Config is not { } config)
        {
            LastReloadSuccessful = false;
            Log.ConfigRejected(_logger, string.Join("; ", result.Errors));
            return result.Errors;
        }

        Volatile.Write(ref _config, config);
        LastReloadSuccessful = true;
        LastSuccessfulLoad = _time.GetUtcNow();
        Targets.UpdateConfig(config);
        await ApplyTargetsAsync(Targets.Owned).ConfigureAwait(false);
        Log.ConfigLoaded(_logger, config.SourcePath ?? "(built-in)", Targets.Owned.Count, config.Modules.Count);
        return [];
    }

    /// <inheritdoc />
    /// <remarks>Idempotent: the service stops the runtime explicitly before flushing its outputs.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        Targets.Dispose();
        try
        {
            await _schedulerLoop.ConfigureAwait(false);
            await _evictionLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        await Coordinator.DisposeAsync().ConfigureAwait(false);
        await Task.WhenAll(Sessions.DisposeAsync().AsTask(), RedfishSessions.DisposeAsync().AsTask()).ConfigureAwait(false);
        _stopping.Dispose();
        _applyLock.Dispose();
    }

    /// <summary>
    /// Once a minute, forgets on-demand (<c>/ipmi</c>) targets not asked for within
    /// <see cref="RuntimeOptions.OnDemandIdleTimeout"/>: their session is closed and their series dropped.
    /// Targets on the background schedule are never evicted.
    /// </summary>
    private async Task EvictIdleLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            var evicted = await Coordinator.EvictIdleAsync(key => Scheduler.NextDue(key) is not null, _options.OnDemandIdleTimeout).ConfigureAwait(false);
            foreach (var key in evicted)
            {
                _onDemand.Remove(key);
                Log.OnDemandTargetEvicted(_logger, key, _options.OnDemandIdleTimeout.TotalMinutes);
            }
        }
    }

    private async Task ApplyTargetsAsync(IReadOnlyList<TargetConfig> owned)
    {
        await _applyLock.WaitAsync().ConfigureAwait(false);
        try
        {
            var config = Config;
            var targets = config.Scrape.Mode == ScrapeMode.Background
                ? owned.Select(t => ScrapeTarget.From(t, config)).OfType<ScrapeTarget>().ToList()
                : [];
            await Scheduler.SetTargetsAsync(targets).ConfigureAwait(false);
        }
        finally
        {
            _applyLock.Release();
        }
    }
}

/// <summary>Engine settings that are not in <c>exporter.yaml</c> (tests tune them).</summary>
public sealed record RuntimeOptions
{
    public BreakerOptions Breaker { get; init; } = new();

    public RetryOptions Retry { get; init; } = new();

    public TargetSetOptions? TargetSet { get; init; }

    /// <summary>Write SEL cursors and SDR caches to <c>state_dir</c>. Default <c>true</c>.</summary>
    public bool PersistState { get; init; } = true;

    /// <summary>How long an on-demand (<c>/ipmi</c>) target may go unrequested before its session is closed. 15 minutes.</summary>
    public TimeSpan OnDemandIdleTimeout { get; init; } = TimeSpan.FromMinutes(15);
}

using BmcExporter.Config;
using BmcExporter.Ipmi.Sensors;

namespace BmcExporter.Snapshots;

/// <summary>
/// Collects what one scrape reads, collector by collector. Thread-safe: the engine may build a partial
/// snapshot on deadline while a collector is still finishing.
/// </summary>
public sealed partial class SnapshotBuilder
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CollectorOutcome> _outcomes = new(StringComparer.Ordinal);
    private readonly List<SelEvent> _selEvents = [];
    private readonly TimeProvider _time;
    private readonly long _startTimestamp;
    private IReadOnlyList<SensorReading> _sensors = [];
    private IReadOnlyList<FruSample> _fru = [];
    private BmcInfo? _bmc;
    private ChassisSample? _chassis;
    private DcmiPowerSample? _power;
    private SelSummary? _sel;
    private SelCommit? _selCommit;
    private SecuritySample? _security;
    private WatchdogSample? _watchdog;
    private int? _lanMode;
    private SelEventCounts? _selEventCounts;
    private int _cipherSuite;
    private SdrProgress? _sdr;
    private volatile bool _hasSlot;
    private int _answers;
    private string? _firstError;

    /// <summary>Starts a scrape of <paramref name="target"/> (its address) planning <paramref name="collectors"/> (ipmi_exporter names).</summary>
    public SnapshotBuilder(string target, string module, IReadOnlyDictionary<string, string> labels, IReadOnlyList<string> collectors, TimeProvider time)
    {
        Target = target;
        Key = ScrapeTarget.KeyOf(target, module);
        Module = module;
        Labels = labels;
        PlannedCollectors = collectors;
        _time = time;
        StartedAt = time.GetUtcNow();
        _startTimestamp = time.GetTimestamp();
    }

    /// <summary>The BMC's address (the <c>target</c> label).</summary>
    public string Target { get; }

    /// <summary>The scrape key.</summary>
    public string Key { get; }

    /// <summary>The module name.</summary>
    public string Module { get; }

    /// <summary>Series labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Collectors planned for this scrape, in order.</summary>
    public IReadOnlyList<string> PlannedCollectors { get; }

    /// <summary>When the scrape's deadline passes; collectors budget long walks against it.</summary>
    public DateTimeOffset Deadline { get; init; } = DateTimeOffset.MaxValue;

    /// <summary>Time left until <see cref="Deadline"/> (zero when passed).</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = Deadline - _time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Optional metric families of the target's module (copied into the snapshot).</summary>
    public OptionalMetrics OptionalMetrics { get; init; }

    /// <summary>When the scrape started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary><c>true</c> once the BMC answered a command of this scrape (any completion code).</summary>
    public bool Answered => Volatile.Read(ref _answers) > 0;

    /// <summary>Notes that the BMC answered a command (the breaker tells a dead BMC from a slow one by this).</summary>
    public void NoteAnswer() => Interlocked.Increment(ref _answers);

    /// <summary>Time since the scrape started.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_startTimestamp);

    /// <summary>Records a collector's outcome (the first one recorded for a collector wins).</summary>
    public void Complete(string collector, bool success, string? error, TimeSpan duration)
    {
        lock (_lock)
        {
            if (_outcomes.TryAdd(collector, new CollectorOutcome(collector, success, success ? null : error, duration)) && !success)
            {
                _firstError ??= $"{collector}: {error}";
            }
        }
    }

    /// <summary>Records that the BMC does not offer what <paramref name="collector"/> reads (the first outcome recorded wins).</summary>
    public void CompleteUnsupported(string collector, string reason, TimeSpan duration)
    {
        lock (_lock)
        {
            _outcomes.TryAdd(collector, new CollectorOutcome(collector, false, reason, duration) { Unsupported = true });
        }
    }

    /// <summary>Marks every planned collector without an outcome as failed with <paramref name="reason"/>.</summary>
    public void FailPending(string reason)
    {
        lock (_lock)
        {
            foreach (var name in PlannedCollectors)
            {
                if (_outcomes.TryAdd(name, new CollectorOutcome(name, false, reason, TimeSpan.Zero)))
                {
                    _firstError ??= $"{name}: {reason}";
                }
            }
        }
    }

    public void SetSensors(IReadOnlyList<SensorReading> sensors) => Set(ref _sensors, sensors);

    /// <summary>
    /// A collection the sensors collector fills reading by reading: a snapshot built meanwhile (on a deadline)
    /// holds every reading added so far. Adding is thread-safe against <see cref="Build"/>.
    /// </summary>
    public ICollection<SensorReading> SensorSink()
    {
        lock (_lock)
        {
            var sink = new LockedList(this);
            _sensors = sink.Items;
            return sink;
        }
    }

    public void SetBmc(BmcInfo bmc) => Set(ref _bmc, bmc);

    public void SetChassis(ChassisSample chassis) => Set(ref _chassis, chassis);

    public void SetPower(DcmiPowerSample power) => Set(ref _power, power);

    /// <summary>Records the SEL summary, the new entries and the cursor to commit once they are accepted.</summary>
    public void SetSel(SelSummary sel, IEnumerable<SelEvent> newEvents, SelCommit? commit = null)
    {
        lock (_lock)
        {
            _sel = sel;
            _selEvents.AddRange(newEvents);
            _selCommit = commit;
        }
    }

    /// <summary>The SEL summary and entries the <c>sel</c> collector read in this scrape, or <c>null</c> when it has not run.</summary>
    public (SelSummary Summary, IReadOnlyList<SelEvent> Events)? SelRead
    {
        get
        {
            lock (_lock)
            {
                return _sel is { } sel ? (sel, _selEvents.ToArray()) : null;
            }
        }
    }

    public void SetWatchdog(WatchdogSample watchdog) => Set(ref _watchdog, watchdog);

    /// <summary>Supermicro LAN mode: 0 dedicated, 1 shared, 2 failover.</summary>
    public void SetLanMode(int mode) => Set(ref _lanMode, mode);

    public void SetSelEventCounts(SelEventCounts counts) => Set(ref _selEventCounts, counts);

    public void SetFru(IReadOnlyList<FruSample> fru) => Set(ref _fru, fru);

    /// <summary>Records how far the SDR walk has come.</summary>
    public void SetSdrProgress(SdrProgress progress) => Set(ref _sdr, progress);

    /// <summary>Set by the engine once the scrape holds a concurrency slot (before that it waits for one).</summary>
    public bool HasSlot
    {
        get => _hasSlot;
        set => _hasSlot = value;
    }

    /// <summary>Collectors with an outcome so far (scrape progress).</summary>
    public int CompletedCollectors
    {
        get
        {
            lock (_lock)
            {
                return _outcomes.Count;
            }
        }
    }

    public void SetSecurity(SecuritySample security) => Set(ref _security, security);

    public void SetCipherSuite(int suite) => Set(ref _cipherSuite, suite);

    /// <summary>One collector's result, stored under the builder's lock (a deadline may build the snapshot meanwhile).</summary>
    private void Set<T>(ref T field, T value)
    {
        lock (_lock)
        {
            field = value;
        }
    }

    /// <summary>Appends under the builder's lock; the snapshot copies the items when built.</summary>
    private sealed class LockedList(SnapshotBuilder owner) : ICollection<SensorReading>
    {
        public List<SensorReading> Items { get; } = [];

        public int Count
        {
            get
            {
                lock (owner._lock)
                {
                    return Items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public void Add(SensorReading item)
        {
            lock (owner._lock)
            {
                Items.Add(item);
            }
        }

        public void Clear()
        {
            lock (owner._lock)
            {
                Items.Clear();
            }
        }

        public bool Contains(SensorReading item)
        {
            lock (owner._lock)
            {
                return Items.Contains(item);
            }
        }

        public void CopyTo(SensorReading[] array, int arrayIndex)
        {
            lock (owner._lock)
            {
                Items.CopyTo(array, arrayIndex);
            }
        }

        public bool Remove(SensorReading item)
        {
            lock (owner._lock)
            {
                return Items.Remove(item);
            }
        }

        public IEnumerator<SensorReading> GetEnumerator()
        {
            lock (owner._lock)
            {
                return Items.ToList().GetEnumerator();
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

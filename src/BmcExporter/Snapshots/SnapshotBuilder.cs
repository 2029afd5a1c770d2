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
    private int _cipherSuite;
    private string? _firstError;

    /// <summary>Starts a scrape of <paramref name="target"/> planning <paramref name="collectors"/> (ipmi_exporter names).</summary>
    public SnapshotBuilder(string target, string module, IReadOnlyDictionary<string, string> labels, IReadOnlyList<string> collectors, TimeProvider time)
    {
        Target = target;
        Module = module;
        Labels = labels;
        PlannedCollectors = collectors;
        _time = time;
        StartedAt = time.GetUtcNow();
        _startTimestamp = time.GetTimestamp();
    }

    /// <summary>The target key.</summary>
    public string Target { get; }

    /// <summary>The module name.</summary>
    public string Module { get; }

    /// <summary>Series labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Collectors planned for this scrape, in order.</summary>
    public IReadOnlyList<string> PlannedCollectors { get; }

    /// <summary>Optional metric families of the target's module (copied into the snapshot).</summary>
    public OptionalMetrics OptionalMetrics { get; init; }

    /// <summary>When the scrape started.</summary>
    public DateTimeOffset StartedAt { get; }

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

    public void SetSensors(IReadOnlyList<SensorReading> sensors)
    {
        lock (_lock)
        {
            _sensors = sensors;
        }
    }

    public void SetBmc(BmcInfo bmc)
    {
        lock (_lock)
        {
            _bmc = bmc;
        }
    }

    public void SetChassis(ChassisSample chassis)
    {
        lock (_lock)
        {
            _chassis = chassis;
        }
    }

    public void SetPower(DcmiPowerSample power)
    {
        lock (_lock)
        {
            _power = power;
        }
    }

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

    public void SetFru(IReadOnlyList<FruSample> fru)
    {
        lock (_lock)
        {
            _fru = fru;
        }
    }

    public void SetCipherSuite(int suite)
    {
        lock (_lock)
        {
            _cipherSuite = suite;
        }
    }
}

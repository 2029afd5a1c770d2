using BmcExporter.Config;
using BmcExporter.Ipmi.Sensors;

namespace BmcExporter.Snapshots;

/// <summary>
/// The immutable result of one scrape of one target: everything the outputs (Prometheus, OTLP) need.
/// A reading travels once from datagram to snapshot; outputs never call back into the scrape path.
/// </summary>
public sealed record TargetSnapshot
{
    private readonly string? _key;

    /// <summary>The BMC's address <c>host:port</c> (the <c>target</c> label).</summary>
    public required string Target { get; init; }

    /// <summary>The scrape key (<see cref="ScrapeTarget.Key"/>); the address when none was given (tests).</summary>
    public string Key
    {
        get => _key ?? Target;
        init => _key = value;
    }

    /// <summary>The module used.</summary>
    public required string Module { get; init; }

    /// <summary>Extra labels (module labels overlaid by target labels).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>When the scrape started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>How long the scrape took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Overall outcome.</summary>
    public ScrapeOutcome Outcome { get; init; }

    /// <summary>The first error met (short, secret-free); <c>null</c> on success.</summary>
    public string? Error { get; init; }

    /// <summary>Each enabled collector's outcome, in configured order.</summary>
    public IReadOnlyList<CollectorOutcome> Collectors { get; init; } = [];

    /// <summary>Sensor readings (sensors collector), after filtering.</summary>
    public IReadOnlyList<SensorReading> Sensors { get; init; } = [];

    /// <summary>BMC identity (bmc collector).</summary>
    public BmcInfo? Bmc { get; init; }

    /// <summary>Chassis status (chassis collector).</summary>
    public ChassisSample? Chassis { get; init; }

    /// <summary>DCMI power (dcmi collector).</summary>
    public DcmiPowerSample? Power { get; init; }

    /// <summary>SEL summary (sel collector).</summary>
    public SelSummary? Sel { get; init; }

    /// <summary>SEL entries first seen in this scrape (sel collector), oldest first.</summary>
    public IReadOnlyList<SelEvent> NewSelEvents { get; init; } = [];

    /// <summary>The SEL cursor to commit once the new entries are accepted (sel collector), or <c>null</c>.</summary>
    public SelCommit? SelCommit { get; init; }

    /// <summary>FRU identities (fru collector).</summary>
    public IReadOnlyList<FruSample> Fru { get; init; } = [];

    /// <summary>SDR walk progress (sensors collector), <c>null</c> when the collector did not get that far.</summary>
    public SdrProgress? Sdr { get; init; }

    /// <summary>Security posture (security collector).</summary>
    public SecuritySample? Security { get; init; }

    /// <summary>Cipher suite of the session used, 0 when no session was opened.</summary>
    public int CipherSuite { get; init; }

    /// <summary><c>true</c> when the BMC answered at least one command during the scrape.</summary>
    public bool Answered { get; init; }

    /// <summary>The circuit breaker's state when the snapshot was stored.</summary>
    public BreakerState Breaker { get; init; }

    /// <summary>When this target last returned data (this scrape when it did), <c>null</c> when it never has.</summary>
    public DateTimeOffset? LastSuccess { get; init; }

    /// <summary>Optional metric families the target's module asks for.</summary>
    public OptionalMetrics OptionalMetrics { get; init; }

    /// <summary><c>true</c> when the collector named <paramref name="collector"/> ran and succeeded.</summary>
    public bool Succeeded(string collector) => Collectors.Any(c => c.Collector == collector && c.Success);
}

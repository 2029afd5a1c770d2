using BmcExporter.Snapshots;

namespace BmcExporter.Output.Health;

/// <summary>
/// What the fleet page knows about one target: its latest snapshot (the one reading model, not a copy), the health
/// and findings judged from it, the recent SEL entries and the last errors with their time. Immutable; replaced
/// whole when a snapshot is stored.
/// </summary>
public sealed record TargetRecord
{
    /// <summary>The scrape key <c>host:port#module</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The BMC's address.</summary>
    public required string Target { get; init; }

    /// <summary>The module.</summary>
    public required string Module { get; init; }

    /// <summary>The latest snapshot, <c>null</c> before the first scrape finished.</summary>
    public TargetSnapshot? Snapshot { get; init; }

    /// <summary>The server's health.</summary>
    public TargetHealth Health { get; init; } = TargetHealth.NotScraped;

    /// <summary>Why it is not ok.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>SEL entries seen most recently, newest first (at most <see cref="FleetHealth.SelKept"/>).</summary>
    public IReadOnlyList<SeenSelEvent> RecentSel { get; init; } = [];

    /// <summary>The last errors, newest first (at most <see cref="FleetHealth.ErrorsKept"/>).</summary>
    public IReadOnlyList<TimedError> Errors { get; init; } = [];

    /// <summary>The target is on this replica's background schedule.</summary>
    public bool Scheduled { get; init; }
}

/// <summary>An error and when the scrape that met it started.</summary>
/// <param name="At">Scrape start.</param>
/// <param name="Text">Short, secret-free error text.</param>
public sealed record TimedError(DateTimeOffset At, string Text);

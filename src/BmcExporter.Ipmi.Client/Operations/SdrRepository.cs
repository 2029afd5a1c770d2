using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>The result of an SDR walk: decoded records, the logical sensors they define, and what was skipped.</summary>
public sealed record SdrRepository
{
    /// <summary>Repository info (main repository) or null for Device SDRs.</summary>
    public RepositoryInfo? Info { get; init; }

    public required IReadOnlyList<SdrRecord> Records { get; init; }

    /// <summary>Sensors of the full, compact and event-only records, shared records expanded.</summary>
    public required IReadOnlyList<SdrSensor> Sensors { get; init; }

    /// <summary>Records that could not be read or decoded yet, with the reason; the walk went on and the next call retries them.</summary>
    public IReadOnlyList<SdrSkip> Skipped { get; init; } = [];

    /// <summary>Why the walk stopped early (loop guard, cap, 0xC3 on the last record), null when it reached 0xFFFF.</summary>
    public string? StopReason { get; init; }

    /// <summary>The chain was followed to its end and no record is missing: safe to cache (see <see cref="SdrCacheValidator"/>).</summary>
    public bool Complete { get; init; }

    /// <summary>Number of requests the walk sent (for diagnostics and tests).</summary>
    public int RequestCount { get; init; }
}

/// <summary>A record the walk skipped.</summary>
public readonly record struct SdrSkip(ushort RecordId, string Reason);

namespace BmcExporter.Engine;

/// <summary>
/// Per-target circuit breaker settings: after <see cref="MinimumFailures"/> dead scrapes in a row the target is left
/// alone for <see cref="BaseBreak"/>, doubled after each failed trial up to <see cref="MaxBreak"/>, so dead BMCs stop
/// consuming concurrency.
/// </summary>
public sealed record BreakerOptions
{
    /// <summary>Dead scrapes in a row (nothing answered) before the circuit opens. Default 3, at least 1.</summary>
    public int MinimumFailures { get; init; } = 3;

    /// <summary>First open period. Default 30 s.</summary>
    public TimeSpan BaseBreak { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest open period. Default 10 minutes.</summary>
    public TimeSpan MaxBreak { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The open period after <paramref name="failedTrials"/> failed half-open trials: base·2^n, capped.</summary>
    public TimeSpan BreakFor(int failedTrials)
    {
        var factor = Math.Pow(2, Math.Clamp(failedTrials, 0, 20));
        var ticks = Math.Min(BaseBreak.Ticks * factor, MaxBreak.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}

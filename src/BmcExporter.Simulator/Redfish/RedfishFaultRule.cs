namespace BmcExporter.Simulator.Redfish;

/// <summary>
/// Misbehaviour of the Redfish HTTP layer for the selected BMCs (null = all) and paths (substring, null = all).
/// Probabilities are per request, drawn from the fleet seed.
/// </summary>
public sealed record RedfishFaultRule
{
    public IReadOnlySet<int>? Bmcs { get; init; }

    /// <summary>Only requests whose path contains this text.</summary>
    public string? PathContains { get; init; }

    /// <summary>Delay before answering (real time, like network latency).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The first N matching requests of each BMC answer 503 with <see cref="RetryAfter"/>.</summary>
    public int UnavailableRequests { get; init; }

    /// <summary>Retry-After sent with those 503s (whole seconds). Default 1 s.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Probability that a JSON body is cut in half (Content-Length matches the cut body).</summary>
    public double Truncate { get; init; }

    /// <summary>Probability that a JSON body is sent as text/html.</summary>
    public double WrongContentType { get; init; }

    /// <summary>Sessions expire this long after login regardless of use (null = only the idle timeout).</summary>
    public TimeSpan? SessionLifetime { get; init; }

    internal bool Selects(int bmc, string path) =>
        (Bmcs is null || Bmcs.Contains(bmc)) && (PathContains is null || path.Contains(PathContains, StringComparison.Ordinal));
}

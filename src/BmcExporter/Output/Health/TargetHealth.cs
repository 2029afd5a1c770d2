namespace BmcExporter.Output.Health;

/// <summary>
/// A server's health as the fleet page shows it, worst first (the enum order is the default sort, unhealthy first).
/// It is about the server, not the exporter: a scrape that returned data is judged by its readings.
/// </summary>
public enum TargetHealth
{
    /// <summary>A critical or non-recoverable finding (sensor, chassis fault, critical SEL event).</summary>
    Critical,

    /// <summary>The last scrape returned no data (no answer, refused login, circuit open, deadline).</summary>
    Unreachable,

    /// <summary>A warning finding and nothing critical.</summary>
    Warning,

    /// <summary>On the schedule, no scrape finished yet.</summary>
    NotScraped,

    /// <summary>Data read, nothing found.</summary>
    Ok,
}

/// <summary>Wire names of <see cref="TargetHealth"/> (query parameters, JSON, CSS classes).</summary>
public static class TargetHealthNames
{
    /// <summary>Every value in order.</summary>
    public static IReadOnlyList<TargetHealth> All { get; } = Enum.GetValues<TargetHealth>();

    /// <summary>The wire name, e.g. <c>not_scraped</c>.</summary>
    public static string Name(this TargetHealth health) => health switch
    {
        TargetHealth.Critical => "critical",
        TargetHealth.Unreachable => "unreachable",
        TargetHealth.Warning => "warning",
        TargetHealth.NotScraped => "not_scraped",
        _ => "ok",
    };

    /// <summary>A label for people, e.g. <c>not yet scraped</c>.</summary>
    public static string Title(this TargetHealth health) => health == TargetHealth.NotScraped ? "not yet scraped" : health.Name();

    /// <summary>Parses a wire name.</summary>
    public static bool TryParse(string text, out TargetHealth health)
    {
        foreach (var h in All)
        {
            if (string.Equals(h.Name(), text, StringComparison.Ordinal))
            {
                health = h;
                return true;
            }
        }

        health = default;
        return false;
    }
}

namespace BmcExporter.Ipmi.Sensors;

/// <summary>Health of one sensor reading, as exported (<c>ok|warning|critical|nonrecoverable|unavailable</c>).</summary>
public enum SensorStatus
{
    Ok,

    /// <summary>A non-critical threshold crossed, or a discrete state of warning severity.</summary>
    Warning,

    Critical,

    NonRecoverable,

    /// <summary>No valid reading: scanning disabled, reading unavailable, sensor not readable or absent.</summary>
    Unavailable,
}

/// <summary>Lower-case wire names of <see cref="SensorStatus"/> values.</summary>
public static class SensorStatusNames
{
    public static string ToWireName(this SensorStatus status) => status switch
    {
        SensorStatus.Ok => "ok",
        SensorStatus.Warning => "warning",
        SensorStatus.Critical => "critical",
        SensorStatus.NonRecoverable => "nonrecoverable",
        _ => "unavailable",
    };

    /// <summary>The more severe of two statuses (unavailable ranks lowest).</summary>
    public static SensorStatus Worst(SensorStatus a, SensorStatus b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(SensorStatus s) => s switch
    {
        SensorStatus.Unavailable => 0,
        SensorStatus.Ok => 1,
        SensorStatus.Warning => 2,
        SensorStatus.Critical => 3,
        _ => 4,
    };
}

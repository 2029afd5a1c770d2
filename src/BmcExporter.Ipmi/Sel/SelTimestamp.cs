namespace BmcExporter.Ipmi.Sel;

/// <summary>
/// A SEL/SDR timestamp: seconds since 1970-01-01 in the BMC's local time (IPMI v2.0 §37). 0xFFFFFFFF means
/// unspecified; values up to 0x20000000 count seconds since the device initialised (clock not set) and are
/// reported as relative, never as 1970 dates.
/// </summary>
public readonly record struct SelTimestamp(uint Raw)
{
    public const uint Unspecified = 0xFFFFFFFF;

    /// <summary>Upper bound of the "relative to initialization" range.</summary>
    public const uint RelativeLimit = 0x20000000;

    public bool IsUnspecified => Raw == Unspecified;

    public bool IsRelative => !IsUnspecified && Raw <= RelativeLimit;

    public bool IsAbsolute => !IsUnspecified && Raw > RelativeLimit;

    /// <summary>The absolute time (BMC local time, given as UTC offset zero), or null when relative or unspecified.</summary>
    public DateTimeOffset? ToDateTimeOffset() => IsAbsolute ? DateTimeOffset.FromUnixTimeSeconds(Raw) : null;

    /// <summary>Seconds since initialization for a relative timestamp, else null.</summary>
    public TimeSpan? SinceInitialization => IsRelative ? TimeSpan.FromSeconds(Raw) : null;

    public override string ToString() => IsUnspecified
        ? "unspecified"
        : IsRelative
            ? $"+{Raw}s after initialization"
            : ToDateTimeOffset()!.Value.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}

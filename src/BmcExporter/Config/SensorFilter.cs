using System.Text.RegularExpressions;

namespace BmcExporter.Config;

/// <summary>
/// Which sensors a module reports (<c>sensors:</c>; ipmi_exporter <c>exclude_sensor_ids</c>). A sensor is
/// reported when it matches an <c>include</c> pattern (or the list is empty) and matches no exclusion.
/// </summary>
public sealed record SensorFilter
{
    /// <summary>A filter that keeps every sensor.</summary>
    public static SensorFilter All { get; } = new();

    /// <summary><c>include</c>: name regexes (unanchored, case-sensitive); empty keeps all. Default empty.</summary>
    public IReadOnlyList<Regex> Include { get; init; } = [];

    /// <summary><c>exclude</c>: name regexes; a match drops the sensor. Default empty.</summary>
    public IReadOnlyList<Regex> Exclude { get; init; } = [];

    /// <summary><c>exclude_types</c>: sensor type codes (IPMI v2.0 §42.2, Table 42-3) resolved from names or numbers. Default empty.</summary>
    public IReadOnlySet<byte> ExcludeTypes { get; init; } = new HashSet<byte>();

    /// <summary><c>exclude_record_ids</c> (ipmi_exporter <c>exclude_sensor_ids</c>): SDR record IDs to drop. Default empty.</summary>
    public IReadOnlySet<int> ExcludeRecordIds { get; init; } = new HashSet<int>();

    /// <summary><c>true</c> when nothing is filtered out.</summary>
    public bool IsEmpty => Include.Count == 0 && Exclude.Count == 0 && ExcludeTypes.Count == 0 && ExcludeRecordIds.Count == 0;

    /// <summary>Decides whether a sensor is reported.</summary>
    /// <param name="name">Sensor ID string from its SDR.</param>
    /// <param name="sensorType">Sensor type code (Table 42-3).</param>
    /// <param name="recordId">SDR record ID.</param>
    public bool Allows(string name, byte sensorType, int recordId)
    {
        if (ExcludeRecordIds.Contains(recordId) || ExcludeTypes.Contains(sensorType))
        {
            return false;
        }

        if (Include.Count > 0 && !Include.Any(r => r.IsMatch(name)))
        {
            return false;
        }

        return !Exclude.Any(r => r.IsMatch(name));
    }
}

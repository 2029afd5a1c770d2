using System.Text.RegularExpressions;
using BmcExporter.Config.Equality;

namespace BmcExporter.Config;

/// <summary>
/// Which sensors a module reports (<c>sensors:</c>; ipmi_exporter <c>exclude_sensor_ids</c>; FreeIPMI
/// <c>--record-ids</c>, <c>--sensor-types</c> and their exclusions in <c>custom_args</c>). The rules, in order:
/// <list type="number">
/// <item>when <see cref="IncludeRecordIds"/> is not empty the sensor's record ID must be in it, and
/// <see cref="IncludeTypes"/> is not looked at (FreeIPMI: record IDs take precedence over sensor types);
/// otherwise, when <see cref="IncludeTypes"/> is not empty, the sensor's type must be in it;</item>
/// <item>a record ID in <see cref="ExcludeRecordIds"/> or a type in <see cref="ExcludeTypes"/> drops the sensor;</item>
/// <item>the name must match an <see cref="Include"/> regex (when there are any) and no <see cref="Exclude"/> regex.</item>
/// </list>
/// </summary>
public sealed record SensorFilter
{
    private static readonly EquatableSet<byte> NoTypes = EquatableSet<byte>.Empty;
    private static readonly EquatableSet<int> NoIds = EquatableSet<int>.Empty;

    /// <summary>A filter that keeps every sensor.</summary>
    public static SensorFilter All { get; } = new();

    /// <summary><c>include</c>: name regexes (unanchored, case-sensitive); empty keeps all. Default empty.</summary>
    public IReadOnlyList<Regex> Include { get; init => field = EquatableList<Regex>.Of(value); } = EquatableList<Regex>.Empty;

    /// <summary><c>exclude</c>: name regexes; a match drops the sensor. Default empty.</summary>
    public IReadOnlyList<Regex> Exclude { get; init => field = EquatableList<Regex>.Of(value); } = EquatableList<Regex>.Empty;

    /// <summary><c>include_types</c> (FreeIPMI <c>--sensor-types</c>): only sensors of these type codes (IPMI v2.0 table 42-3). Default empty (all types).</summary>
    public IReadOnlySet<byte> IncludeTypes { get; init => field = EquatableSet<byte>.Of(value); } = NoTypes;

    /// <summary><c>exclude_types</c> (FreeIPMI <c>--exclude-sensor-types</c>): sensor type codes to drop. Default empty.</summary>
    public IReadOnlySet<byte> ExcludeTypes { get; init => field = EquatableSet<byte>.Of(value); } = NoTypes;

    /// <summary><c>include_record_ids</c> (FreeIPMI <c>--record-ids</c>): only these SDR record IDs. Default empty (all).</summary>
    public IReadOnlySet<int> IncludeRecordIds { get; init => field = EquatableSet<int>.Of(value); } = NoIds;

    /// <summary><c>exclude_record_ids</c> (ipmi_exporter <c>exclude_sensor_ids</c>, FreeIPMI <c>--exclude-record-ids</c>): SDR record IDs to drop. Default empty.</summary>
    public IReadOnlySet<int> ExcludeRecordIds { get; init => field = EquatableSet<int>.Of(value); } = NoIds;

    /// <summary>
    /// <c>ignore_not_available</c> (FreeIPMI <c>--ignore-not-available-sensors</c>): leave out sensors whose reading is
    /// not available (N/A) instead of reporting them as such. Applied by the sensors collector. Default <c>false</c>.
    /// </summary>
    public bool IgnoreNotAvailable { get; init; }

    /// <summary><c>true</c> when no sensor is filtered out by <see cref="Allows"/>.</summary>
    public bool IsEmpty => Include.Count == 0 && Exclude.Count == 0 && IncludeTypes.Count == 0 && ExcludeTypes.Count == 0
        && IncludeRecordIds.Count == 0 && ExcludeRecordIds.Count == 0;

    /// <summary>
    /// Decides whether a reading without an SDR record (Redfish) is reported: the name and type filters apply, the
    /// record-ID filters cannot and are ignored.
    /// </summary>
    public bool AllowsUnnumbered(string name, byte sensorType)
    {
        if ((IncludeTypes.Count > 0 && !IncludeTypes.Contains(sensorType)) || ExcludeTypes.Contains(sensorType))
        {
            return false;
        }

        return (Include.Count == 0 || AnyMatches(Include, name)) && !AnyMatches(Exclude, name);
    }

    /// <summary>Decides whether a sensor is reported.</summary>
    /// <param name="name">Sensor ID string from its SDR.</param>
    /// <param name="sensorType">Sensor type code (table 42-3).</param>
    /// <param name="recordId">SDR record ID.</param>
    public bool Allows(string name, byte sensorType, int recordId)
    {
        var selected = IncludeRecordIds.Count > 0 ? IncludeRecordIds.Contains(recordId)
            : IncludeTypes.Count == 0 || IncludeTypes.Contains(sensorType);
        if (!selected || ExcludeRecordIds.Contains(recordId) || ExcludeTypes.Contains(sensorType))
        {
            return false;
        }

        if (Include.Count > 0 && !AnyMatches(Include, name))
        {
            return false;
        }

        return !AnyMatches(Exclude, name);
    }

    // A loop, not Any with a lambda: the lambda's closure over the name was an allocation per sensor and scrape.
    private static bool AnyMatches(IReadOnlyList<Regex> patterns, string name)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            if (patterns[i].IsMatch(name))
            {
                return true;
            }
        }

        return false;
    }
}

using System.Collections.Immutable;
using BmcExporter.Redfish.Model;

namespace BmcExporter.Redfish.Reading;

/// <summary>Accumulates one scrape's results; <see cref="Build"/> de-duplicates by id and freezes them.</summary>
internal sealed class ReadingsBuilder
{
    public List<RedfishSensorReading> Sensors { get; } = [];

    public List<RedfishComponentHealth> Components { get; } = [];

    public List<RedfishSystemState> Systems { get; } = [];

    public List<RedfishChassisState> Chassis { get; } = [];

    public RedfishReadings Build(DateTimeOffset at, long requests) => new(
        Distinct(Sensors, s => s.Id),
        Distinct(Components, c => c.Id),
        Distinct(Systems, s => s.Id),
        Distinct(Chassis, c => c.Id),
        at)
    {
        Requests = requests,
    };

    private static ImmutableArray<T> Distinct<T>(List<T> items, Func<T, string> key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. items.Where(i => seen.Add(key(i)))];
    }
}

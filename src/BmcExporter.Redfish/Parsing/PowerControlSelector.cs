using System.Globalization;
using BmcExporter.Redfish.Json;
using BmcExporter.Redfish.Model;

namespace BmcExporter.Redfish.Parsing;

/// <summary>
/// Which members of a legacy Power resource's <c>PowerControl</c> array (Power v1.x) give the system power, when there
/// may be several: one for the chassis, one per power domain or PSU group, or one per component (docs/redfish.md,
/// "System power"). Each watt is counted once: a member that the whole is made of is never added to that whole.
/// </summary>
internal static class PowerControlSelector
{
    /// <summary>
    /// The first tier that has members decides:
    /// <list type="number">
    /// <item>a member that says it is the whole: PhysicalContext <c>Chassis</c> (Resource PhysicalContext: "the entire
    /// chassis"), or no PhysicalContext and a <c>RelatedItem</c> that names this chassis, as the DMTF mockups' "System
    /// Input Power" does; the first such member;</item>
    /// <item>members without a PhysicalContext whose <c>RelatedItem</c> names a ComputerSystem
    /// (<c>/redfish/v1/Systems/{id}</c>, not one of its processors or DIMMs): the first when they all name the same
    /// system, else the sum of the first member of each system (a chassis holding several nodes);</item>
    /// <item>the only member without a PhysicalContext (services that publish one unmarked total beside part members);
    /// a member whose RelatedItem names a resource inside a system (a processor, a DIMM) is a part, not unmarked;</item>
    /// <item>the sum of the members without a PhysicalContext: power domains that split the system between them;</item>
    /// <item>the sum of the <c>PowerSupply</c> members: the input side, through which every watt the system draws passes
    /// once (one member: a service that reports its total that way, such as Cisco CIMC).</item>
    /// </list>
    /// Members with a component context (CPU, Memory, GPU, Fan, StorageDevice, SystemBoard…) measure a part the system
    /// figure already includes, so they are never the system power and never added. A member whose Status.State is
    /// <c>Absent</c> (an empty bay) is left out, and a member listed twice (same <c>@odata.id</c>, or without one the
    /// same MemberId) counts once. Null when no tier has a member.
    /// </summary>
    public static RedfishSystemPower? Select(JsonView power, string uri, string chassisUri)
    {
        var members = Members(power, uri);
        if (members.FirstOrDefault(m => m.Context == "Chassis" || (m.Context is null && Related(m.View).Contains(chassisUri.TrimEnd('/')))) is { } whole)
        {
            return One(whole);
        }

        var perSystem = members.Where(m => m.Context is null && Related(m.View).Any(IsSystem)).ToList();
        if (perSystem.Count > 0)
        {
            // One member per system (the first that names it): two members of one system would count it twice.
            var bySystem = perSystem.GroupBy(m => Related(m.View).First(IsSystem), StringComparer.Ordinal).Select(g => g.First()).ToList();
            return bySystem.Count == 1 ? One(bySystem[0]) : Sum(bySystem, uri);
        }

        // Without a context, a member whose RelatedItem names something inside a system (a processor, a DIMM) measures that.
        var unmarked = members.Where(m => m.Context is null && !Related(m.View).Any(IsInsideSystem)).ToList();
        if (unmarked.Count == 1)
        {
            return One(unmarked[0]);
        }

        if (unmarked.Count > 1)
        {
            return Sum(unmarked, uri);
        }

        var supplies = members.Where(m => m.Context == "PowerSupply").ToList();
        return supplies.Count > 0 ? Sum(supplies, uri) : null;
    }

    /// <summary>The members in array order, each once, without the ones whose State is Absent.</summary>
    private static List<Control> Members(JsonView power, string uri)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<Control>();
        var array = power.Objects("PowerControl");
        for (var i = 0; i < array.Count; i++)
        {
            var m = array[i];
            var id = m.ODataId ?? $"{uri}#/PowerControl/{m.String("MemberId") ?? i.ToString(CultureInfo.InvariantCulture)}";
            var context = m.String("PhysicalContext"); // read (type-checked) before any member is skipped
            if (seen.Add(id) && CommonParser.Status(m).State != RedfishState.Absent)
            {
                members.Add(new Control(m, id, context));
            }
        }

        return members;
    }

    /// <summary>The member's RelatedItem links, without a trailing slash.</summary>
    private static IEnumerable<string> Related(JsonView member) =>
        member.Objects("RelatedItem").Select(i => i.ODataId?.TrimEnd('/')).OfType<string>();

    /// <summary>A ComputerSystem itself (<c>/redfish/v1/Systems/{id}</c>), not a resource below it.</summary>
    private static bool IsSystem(string link) =>
        link.StartsWith("/redfish/v1/Systems/", StringComparison.Ordinal) && link.Count(c => c == '/') == 4;

    /// <summary>A resource below a ComputerSystem (<c>/redfish/v1/Systems/{id}/Processors/CPU0</c>).</summary>
    private static bool IsInsideSystem(string link) =>
        link.StartsWith("/redfish/v1/Systems/", StringComparison.Ordinal) && link.Count(c => c == '/') > 4;

    private static RedfishSystemPower One(Control m)
    {
        var metrics = m.View.Object("PowerMetrics");
        return new RedfishSystemPower(
            m.Id,
            m.View.String("Name") ?? m.Id,
            m.View.Number("PowerConsumedWatts"),
            metrics?.Number("MinConsumedWatts"),
            metrics?.Number("MaxConsumedWatts"),
            metrics?.Number("AverageConsumedWatts"),
            Interval(metrics));
    }

    /// <summary>
    /// Several members that split the system: the current power is their sum, known only when every member gives one
    /// (a missing part makes the total unknown, not smaller). The average of a sum over one window is the sum of the
    /// averages, so it is given when every member has one over the same IntervalInMin. The minimum and maximum of a sum
    /// are not the sums of the minima and maxima (the parts peak at different times), so they are left out.
    /// </summary>
    private static RedfishSystemPower Sum(List<Control> parts, string uri)
    {
        if (parts.Count == 1)
        {
            return One(parts[0]);
        }

        var singles = parts.Select(One).ToList();
        var consumed = singles.All(s => s.ConsumedWatts is not null) ? singles.Sum(s => s.ConsumedWatts!.Value) : (double?)null;
        var sameWindow = singles.All(s => s.Interval == singles[0].Interval);
        var average = sameWindow && singles.All(s => s.AverageConsumedWatts is not null) ? singles.Sum(s => s.AverageConsumedWatts!.Value) : (double?)null;
        var ids = string.Join(",", parts.Select(p => p.Id[(p.Id.LastIndexOf('/') + 1)..]));
        return new RedfishSystemPower(
            $"{uri}#/PowerControl/{ids}",
            string.Join(" + ", singles.Select(s => s.Name)),
            consumed,
            null,
            null,
            average,
            average is null ? null : singles[0].Interval);
    }

    private static TimeSpan? Interval(JsonView? metrics) =>
        metrics?.Number("IntervalInMin") is { } minutes && minutes > 0 ? TimeSpan.FromMinutes(minutes) : null;

    private sealed record Control(JsonView View, string Id, string? Context);
}

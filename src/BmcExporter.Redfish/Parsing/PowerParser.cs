using BmcExporter.Redfish.Json;
using BmcExporter.Redfish.Model;

namespace BmcExporter.Redfish.Parsing;

/// <summary>
/// The system power of one chassis: the legacy Power resource's system PowerControl member (Power v1.7, the DMTF
/// mockups' #Power.v1_7_3), or the newer Chassis EnvironmentMetrics PowerWatts (EnvironmentMetrics v1.x, SensorPowerExcerpt
/// <c>Reading</c>; the mockups' #EnvironmentMetrics.v1_5_0).
/// </summary>
internal static class PowerParser
{
    /// <summary>
    /// The PowerControl member that measures the whole system: the first one whose PhysicalContext (Power v1.x
    /// PowerControl, PhysicalContext enum) is absent or <c>Chassis</c>. A member with any other context (CPU, Memory,
    /// PowerSupply, GPU…) measures a part of the system, whose draw the system member already includes. Null when the
    /// resource has none.
    /// </summary>
    public static RedfishSystemPower? SystemPowerControl(JsonView power, string uri)
    {
        var members = power.Objects("PowerControl");
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            if (m.String("PhysicalContext") is not (null or "Chassis"))
            {
                continue;
            }

            var id = m.ODataId ?? $"{uri}#/PowerControl/{m.String("MemberId") ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            var metrics = m.Object("PowerMetrics");
            var interval = metrics?.Number("IntervalInMin") is { } minutes && minutes > 0 ? TimeSpan.FromMinutes(minutes) : (TimeSpan?)null;
            return new RedfishSystemPower(
                id,
                m.String("Name") ?? id,
                m.Number("PowerConsumedWatts"),
                metrics?.Number("MinConsumedWatts"),
                metrics?.Number("MaxConsumedWatts"),
                metrics?.Number("AverageConsumedWatts"),
                interval);
        }

        return null;
    }

    /// <summary>EnvironmentMetrics <c>PowerWatts.Reading</c>; null when the resource has no PowerWatts.</summary>
    public static RedfishSystemPower? EnvironmentPower(JsonView environment, string uri) =>
        environment.Object("PowerWatts") is { } watts
            ? new RedfishSystemPower(uri + "#/PowerWatts", "PowerWatts", watts.Number("Reading"), null, null, null, null)
            : null;
}

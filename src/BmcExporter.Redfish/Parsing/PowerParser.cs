using BmcExporter.Redfish.Json;
using BmcExporter.Redfish.Model;

namespace BmcExporter.Redfish.Parsing;

/// <summary>
/// The system power of one chassis: the legacy Power resource's system PowerControl member or members (Power v1.x, the
/// DMTF mockups' #Power.v1_7_3), or the newer Chassis EnvironmentMetrics PowerWatts (EnvironmentMetrics v1.x, SensorPowerExcerpt
/// <c>Reading</c>; the mockups' #EnvironmentMetrics.v1_5_0).
/// </summary>
internal static class PowerParser
{
    /// <summary>
    /// The system power in a Power resource's PowerControl array, which may hold one member for the system, several
    /// that split it (power domains, PSU groups) and members for parts (<see cref="PowerControlSelector"/>). Null when
    /// no member or sum of members measures the whole system.
    /// </summary>
    public static RedfishSystemPower? SystemPowerControl(JsonView power, string uri, string chassisUri) =>
        PowerControlSelector.Select(power, uri, chassisUri);

    /// <summary>EnvironmentMetrics <c>PowerWatts.Reading</c>; null when the resource has no PowerWatts.</summary>
    public static RedfishSystemPower? EnvironmentPower(JsonView environment, string uri) =>
        environment.Object("PowerWatts") is { } watts
            ? new RedfishSystemPower(uri + "#/PowerWatts", "PowerWatts", watts.Number("Reading"), null, null, null, null)
            : null;
}

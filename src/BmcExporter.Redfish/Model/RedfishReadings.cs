using System.Collections.Immutable;

namespace BmcExporter.Redfish.Model;

/// <summary>One scrape's worth of readings and health, immutable.</summary>
public sealed record RedfishReadings(
    ImmutableArray<RedfishSensorReading> Sensors,
    ImmutableArray<RedfishComponentHealth> Components,
    ImmutableArray<RedfishSystemState> Systems,
    ImmutableArray<RedfishChassisState> Chassis,
    DateTimeOffset ReadAt)
{
    /// <summary>HTTP GETs the session sent during this read (304s included, cache hits not; other reads running on the same session at the same time are counted too).</summary>
    public long Requests { get; init; }
}

/// <summary>Chassis Status, PowerState and intrusion sensor.</summary>
public sealed record RedfishChassisState(string Id, string Name, RedfishPowerState PowerState, RedfishStatus Status)
{
    /// <summary><c>PhysicalSecurity.IntrusionSensor</c>; null when the chassis does not report one.</summary>
    public RedfishIntrusionSensor? Intrusion { get; init; }
}

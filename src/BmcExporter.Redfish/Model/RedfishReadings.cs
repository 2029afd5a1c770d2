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

/// <summary>Chassis Status, PowerState and intrusion sensor, and where its system power can be read.</summary>
public sealed record RedfishChassisState(string Id, string Name, RedfishPowerState PowerState, RedfishStatus Status)
{
    /// <summary><c>PhysicalSecurity.IntrusionSensor</c>; null when the chassis does not report one.</summary>
    public RedfishIntrusionSensor? Intrusion { get; init; }

    /// <summary><c>Links.ComputerSystems</c> is not empty: the chassis holds a system (its power is that system's).</summary>
    public bool HoldsSystem { get; init; }

    /// <summary>The legacy <c>Power</c> link, null when absent.</summary>
    public string? PowerUri { get; init; }

    /// <summary>The <c>EnvironmentMetrics</c> link (Chassis v1.15+), null when absent.</summary>
    public string? EnvironmentMetricsUri { get; init; }

    /// <summary>True when this read already fetched <see cref="PowerUri"/> (no Sensors members, or no PowerSubsystem), so <see cref="LegacyPower"/> is current.</summary>
    public bool PowerRead { get; init; }

    /// <summary>The system PowerControl member of the Power resource fetched by this read; null when not fetched or it has none.</summary>
    public RedfishSystemPower? LegacyPower { get; init; }
}

namespace BmcExporter.Redfish.Model;

/// <summary>ComputerSystem.PowerState (Resource schema PowerState enum).</summary>
public enum RedfishPowerState
{
    Unknown,
    On,
    Off,
    PoweringOn,
    PoweringOff,
    Paused,
}

/// <summary>The power state and health rollups of a ComputerSystem (or of a Chassis when it has no system).</summary>
public sealed record RedfishSystemState(string Id, string Name, RedfishPowerState PowerState, RedfishStatus Status)
{
    /// <summary>ProcessorSummary.Status, when given.</summary>
    public RedfishStatus ProcessorSummary { get; init; }

    /// <summary>MemorySummary.Status, when given.</summary>
    public RedfishStatus MemorySummary { get; init; }
}

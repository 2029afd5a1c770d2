namespace BmcExporter.Redfish.Model;

/// <summary>Status.Health / HealthRollup (Resource schema, Health enum). <see cref="Unknown"/> = absent or not recognised.</summary>
public enum RedfishHealth
{
    Unknown,
    OK,
    Warning,
    Critical,
}

/// <summary>Status.State (Resource schema, State enum). <see cref="Unknown"/> = absent or not recognised.</summary>
public enum RedfishState
{
    Unknown,
    Enabled,
    Disabled,
    StandbyOffline,
    StandbySpare,
    InTest,
    Starting,
    Absent,
    UnavailableOffline,
    Deferring,
    Quiesced,
    Updating,
    Qualified,
    Degraded,
}

/// <summary>The Status object of a resource.</summary>
public readonly record struct RedfishStatus(RedfishHealth Health, RedfishHealth HealthRollup, RedfishState State)
{
    public static RedfishStatus None => default;
}

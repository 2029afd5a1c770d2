namespace BmcExporter.Redfish.Model;

/// <summary>
/// Chassis <c>PhysicalSecurity.IntrusionSensor</c> (Chassis schema, IntrusionSensor enum). A chassis that does not
/// give the property, or gives a value outside the enum, has none: <see cref="RedfishChassisState.Intrusion"/> is null.
/// </summary>
public enum RedfishIntrusionSensor
{
    /// <summary>No abnormal physical security condition is detected.</summary>
    Normal,

    /// <summary>A door, lock or other mechanism protecting the chassis was physically compromised.</summary>
    HardwareIntrusion,

    /// <summary>Physical tampering of the monitored entity was detected.</summary>
    TamperingDetected,
}

namespace BmcExporter.Redfish.Model;

/// <summary>Where a reading came from (the precedence rule is in docs/redfish.md).</summary>
public enum RedfishReadingSource
{
    /// <summary>A member of the chassis Sensors collection.</summary>
    Sensors,

    /// <summary>The legacy Thermal resource (Temperatures, Fans).</summary>
    Thermal,

    /// <summary>The legacy Power resource (Voltages, PowerControl, PowerSupplies).</summary>
    Power,
}

/// <summary>
/// One numeric reading, interpreted once. <see cref="Id"/> is stable across scrapes: the resource's
/// <c>@odata.id</c> (a Sensor URI, or the legacy array member such as <c>…/Thermal#/Temperatures/0</c>).
/// <see cref="Unit"/> is the UCUM unit Redfish gives (Cel, RPM, %, V, A, W, kW.h, Hz…), legacy values normalised
/// to the same codes. <see cref="Value"/> is null when the service has no reading (absent, disabled).
/// </summary>
public sealed record RedfishSensorReading(
    string Id,
    string Name,
    RedfishSensorKind Kind,
    double? Value,
    string? Unit,
    RedfishThresholds Thresholds,
    RedfishStatus Status,
    string? PhysicalContext,
    string ChassisId,
    RedfishReadingSource Source)
{
    /// <summary>Fan speed in RPM when a fan sensor reads in percent and also gives SpeedRPM.</summary>
    public double? SpeedRpm { get; init; }
}

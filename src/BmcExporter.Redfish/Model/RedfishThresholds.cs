namespace BmcExporter.Redfish.Model;

/// <summary>
/// Sensor thresholds (Sensor.Thresholds LowerCaution…UpperFatal; legacy Lower/UpperThresholdNonCritical, Critical,
/// Fatal map to Caution, Critical, Fatal). Null = not provided.
/// </summary>
public sealed record RedfishThresholds(
    double? LowerCaution,
    double? LowerCritical,
    double? LowerFatal,
    double? UpperCaution,
    double? UpperCritical,
    double? UpperFatal)
{
    public static RedfishThresholds None { get; } = new(null, null, null, null, null, null);
}

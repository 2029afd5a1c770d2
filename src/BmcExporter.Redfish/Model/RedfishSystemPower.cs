namespace BmcExporter.Redfish.Model;

/// <summary>
/// The power the whole system draws, as one reading with its statistics: the meaning of DCMI Get Power Reading
/// (DCMI v1.5 §6.6.1). From a legacy Power resource's system PowerControl member (Power v1.x: PowerConsumedWatts,
/// PowerMetrics MinConsumedWatts/MaxConsumedWatts/AverageConsumedWatts over IntervalInMin), or from a Chassis'
/// EnvironmentMetrics PowerWatts (EnvironmentMetrics v1.0+: a reading only, no statistics). A value the service
/// leaves out is null.
/// </summary>
/// <param name="Source">Where it was read: the PowerControl member's <c>@odata.id</c>, or the EnvironmentMetrics URI with <c>#/PowerWatts</c>.</param>
/// <param name="Name">The PowerControl member's Name, or <c>PowerWatts</c>.</param>
/// <param name="ConsumedWatts">PowerConsumedWatts, or PowerWatts.Reading.</param>
/// <param name="MinConsumedWatts">PowerMetrics.MinConsumedWatts.</param>
/// <param name="MaxConsumedWatts">PowerMetrics.MaxConsumedWatts.</param>
/// <param name="AverageConsumedWatts">PowerMetrics.AverageConsumedWatts.</param>
/// <param name="Interval">PowerMetrics.IntervalInMin, as a time span.</param>
public sealed record RedfishSystemPower(
    string Source,
    string Name,
    double? ConsumedWatts,
    double? MinConsumedWatts,
    double? MaxConsumedWatts,
    double? AverageConsumedWatts,
    TimeSpan? Interval);

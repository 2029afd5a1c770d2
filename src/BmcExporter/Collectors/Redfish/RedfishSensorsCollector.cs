using BmcExporter.Config;
using BmcExporter.Ipmi.Sensors;

namespace BmcExporter.Collectors.Redfish;

/// <summary>
/// <c>sensors</c> over Redfish: every reading of every chassis (Sensors, else legacy Thermal/Power, never both) and
/// the health of PSUs, fans, drives, storage controllers, processors and DIMMs, mapped by
/// <see cref="RedfishReadingMapper"/>. The module's name and type filters apply (record-ID filters cannot).
/// </summary>
public sealed class RedfishSensorsCollector : IRedfishCollector
{
    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Sensors;

    /// <inheritdoc />
    public async Task CollectAsync(RedfishCollectContext context, CancellationToken cancellationToken)
    {
        var readings = await context.Data.ReadingsAsync().ConfigureAwait(false);
        var filter = context.Target.Module.Sensors;
        var sensors = RedfishReadingMapper.Map(readings)
            .Where(s => filter.AllowsUnnumbered(s.Name, s.SensorTypeCode))
            .Where(s => !filter.IgnoreNotAvailable || s.Status != SensorStatus.Unavailable)
            .ToList();
        context.Builder.SetSensors(sensors);
    }
}

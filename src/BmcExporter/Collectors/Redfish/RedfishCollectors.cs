namespace BmcExporter.Collectors.Redfish;

/// <summary>The collectors served over Redfish (<see cref="Config.ModuleConfig.RedfishCollectors"/> names the same set).</summary>
public static class RedfishCollectors
{
    /// <summary>A fresh set of every Redfish collector.</summary>
    public static IReadOnlyList<IRedfishCollector> Create() =>
        [new RedfishSensorsCollector(), new RedfishSelCollector(), new RedfishChassisCollector(), new RedfishBmcCollector(), new RedfishFruCollector(), new RedfishDcmiCollector()];
}

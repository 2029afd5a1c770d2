namespace BmcExporter.Collectors;

/// <summary>The collectors bmc-exporter implements.</summary>
public static class DefaultCollectors
{
    /// <summary>A fresh set of every implemented collector.</summary>
    public static IReadOnlyList<IScrapeCollector> Create() =>
        [new SensorsCollector(), new SelCollector(), new ChassisCollector(), new BmcCollector(), new DcmiCollector(), new FruCollector(), new SecurityCollector()];
}

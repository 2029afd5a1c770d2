namespace BmcExporter.Redfish.Logs;

/// <summary>Whose log it is.</summary>
public enum RedfishLogOwner
{
    System,
    Manager,
    Chassis,
}

/// <summary>A LogService (SEL, event log…) and where its entries are.</summary>
public sealed record RedfishLogService(
    string Uri,
    string Id,
    string Name,
    RedfishLogOwner Owner,
    string EntriesUri,
    string? OverWritePolicy,
    long? MaxNumberOfRecords);

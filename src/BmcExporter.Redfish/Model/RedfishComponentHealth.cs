namespace BmcExporter.Redfish.Model;

/// <summary>What a health entry describes.</summary>
public enum RedfishComponentKind
{
    PowerSupply,
    Fan,
    Drive,
    StorageController,
    Processor,
    Memory,
}

/// <summary>Health of one part (PSU, fan, drive, processor, DIMM…). <see cref="Id"/> is its <c>@odata.id</c>.</summary>
public sealed record RedfishComponentHealth(string Id, string Name, RedfishComponentKind Kind, RedfishStatus Status);

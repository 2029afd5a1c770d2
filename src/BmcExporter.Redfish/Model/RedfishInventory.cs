using System.Collections.Immutable;

namespace BmcExporter.Redfish.Model;

/// <summary>Identity and firmware: the static part of a BMC, re-read every StaticRefreshInterval.</summary>
public sealed record RedfishInventory(
    RedfishServiceInfo Service,
    ImmutableArray<RedfishChassisInfo> Chassis,
    ImmutableArray<RedfishSystemInfo> Systems,
    ImmutableArray<RedfishManagerInfo> Managers,
    ImmutableArray<RedfishFirmwareItem> Firmware);

/// <summary>ServiceRoot: RedfishVersion, UUID, Vendor, Product.</summary>
public sealed record RedfishServiceInfo(string? RedfishVersion, string? Uuid, string? Vendor, string? Product);

/// <summary>Chassis identity (as far as FRU data has a Redfish home: Manufacturer, Model, SerialNumber, PartNumber, AssetTag).</summary>
public sealed record RedfishChassisInfo(string Id, string Name, string? ChassisType, string? Manufacturer, string? Model, string? SerialNumber, string? PartNumber, string? AssetTag);

/// <summary>ComputerSystem identity.</summary>
public sealed record RedfishSystemInfo(string Id, string Name, string? Manufacturer, string? Model, string? SerialNumber, string? PartNumber, string? Sku, string? BiosVersion, string? Uuid, string? HostName, string? AssetTag);

/// <summary>Manager identity and firmware.</summary>
public sealed record RedfishManagerInfo(string Id, string Name, string? ManagerType, string? Manufacturer, string? Model, string? FirmwareVersion, string? Uuid);

/// <summary>One UpdateService FirmwareInventory member (SoftwareInventory).</summary>
public sealed record RedfishFirmwareItem(string Id, string Name, string? Version, bool? Updateable, RedfishStatus Status);

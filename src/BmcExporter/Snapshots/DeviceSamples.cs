namespace BmcExporter.Snapshots;

/// <summary>BMC identity from Get Device ID (IPMI v2.0 §20.1).</summary>
public sealed record BmcInfo
{
    /// <summary>Device ID byte.</summary>
    public byte DeviceId { get; init; }

    /// <summary>Firmware revision as <c>major.minor</c> (minor is BCD, two digits), e.g. <c>9.08</c>.</summary>
    public required string FirmwareRevision { get; init; }

    /// <summary>IPMI version, e.g. <c>2.0</c>.</summary>
    public string IpmiVersion { get; init; } = string.Empty;

    /// <summary>IANA manufacturer ID (20 bits).</summary>
    public int ManufacturerId { get; init; }

    /// <summary>Manufacturer name as FreeIPMI prints it with the ID, e.g. <c>MontaVista Software, Inc. (4753)</c>.</summary>
    public required string Manufacturer { get; init; }

    /// <summary>Product ID.</summary>
    public int ProductId { get; init; }

    /// <summary>System firmware (BIOS) version if the BMC reports it, else <c>N/A</c>.</summary>
    public string SystemFirmwareVersion { get; init; } = "N/A";

    /// <summary>Every firmware component with its version (Redfish UpdateService FirmwareInventory); empty over IPMI, which has no inventory.</summary>
    public IReadOnlyList<FirmwareComponent> Firmware { get; init; } = [];

    /// <summary>A stable identity of the BMC (manufacturer, product, device ID, GUID when known) used to invalidate caches.</summary>
    public string Identity => $"{ManufacturerId}/{ProductId}/{DeviceId}";
}

/// <summary>One firmware component: Redfish SoftwareInventory <c>Id</c>, <c>Name</c> and <c>Version</c>.</summary>
public sealed record FirmwareComponent(string Id, string Name, string Version);

/// <summary>Chassis status (IPMI v2.0 §28.2).</summary>
public sealed record ChassisSample
{
    /// <summary>System power is on.</summary>
    public bool PowerOn { get; init; }

    /// <summary>Power overload.</summary>
    public bool PowerOverload { get; init; }

    /// <summary>Power fault.</summary>
    public bool PowerFault { get; init; }

    /// <summary>Drive fault.</summary>
    public bool DriveFault { get; init; }

    /// <summary>Cooling/fan fault.</summary>
    public bool CoolingFault { get; init; }

    /// <summary>
    /// Chassis intrusion active; null when the BMC has no intrusion sensor to report (a Redfish service without
    /// Chassis.PhysicalSecurity): then no intrusion series is written, rather than a 0 that would claim "closed".
    /// </summary>
    public bool? Intrusion { get; init; }
}

/// <summary>DCMI power reading (DCMI v1.5 §6.6.1).</summary>
public sealed record DcmiPowerSample
{
    /// <summary>Current power in watts.</summary>
    public double CurrentWatts { get; init; }

    /// <summary>Minimum over the sampling period.</summary>
    public double MinimumWatts { get; init; }

    /// <summary>Maximum over the sampling period.</summary>
    public double MaximumWatts { get; init; }

    /// <summary>Average over the sampling period.</summary>
    public double AverageWatts { get; init; }

    /// <summary>Sampling period.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>Power measurement active.</summary>
    public bool Active { get; init; } = true;
}

/// <summary>FRU identity (IPMI Platform Management FRU Information Storage Definition v1.0 §11, §12).</summary>
public sealed record FruSample
{
    /// <summary>FRU device ID (0 is the board the BMC sits on).</summary>
    public byte DeviceId { get; init; }

    /// <summary>Device name from the FRU locator, or <c>Builtin FRU Device</c>.</summary>
    public string Name { get; init; } = string.Empty;

    public string BoardManufacturer { get; init; } = string.Empty;

    public string BoardProduct { get; init; } = string.Empty;

    public string BoardSerial { get; init; } = string.Empty;

    public string BoardPartNumber { get; init; } = string.Empty;

    public string ProductManufacturer { get; init; } = string.Empty;

    public string ProductName { get; init; } = string.Empty;

    public string ProductPartNumber { get; init; } = string.Empty;

    public string ProductVersion { get; init; } = string.Empty;

    public string ProductSerial { get; init; } = string.Empty;

    public string AssetTag { get; init; } = string.Empty;
}

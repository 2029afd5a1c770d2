using BmcExporter.Ipmi.Commands;

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

    /// <summary>BMC self test (Get Self Test Results, IPMI v2.0 §20.4), <c>null</c> when not read or refused.</summary>
    public SelfTestSample? SelfTest { get; init; }

    /// <summary>
    /// The BMC's SEL clock minus the exporter's clock when the Get SEL Time answer (IPMI v2.0 §31.10) arrived; positive
    /// when the BMC is ahead. <c>null</c> when not read or refused.
    /// </summary>
    public TimeSpan? ClockOffset { get; init; }

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

    /// <summary>The Last Power Event byte of Get Chassis Status (IPMI v2.0 §28.2, table 28-3), <c>null</c> when not read (Redfish).</summary>
    public byte? LastPowerEvent { get; init; }

    /// <summary>Get System Restart Cause (IPMI v2.0 §28.11), <c>null</c> when not read or refused.</summary>
    public RestartCause? RestartCause { get; init; }

    /// <summary>Power-on time from Get POH Counter (IPMI v2.0 §28.14), <c>null</c> when not read or refused.</summary>
    public TimeSpan? PowerOnTime { get; init; }
}

/// <summary>The answer to Get Self Test Results (IPMI v2.0 §20.4, table 20-5).</summary>
/// <param name="Result">Byte 1: 0x55 passed, 0x56 not implemented, 0x57 corrupted data or device, 0x58 fatal, else device specific.</param>
/// <param name="Detail">Byte 2: which part failed for 0x57, device specific otherwise.</param>
public readonly record struct SelfTestSample(byte Result, byte Detail)
{
    /// <summary>
    /// <c>true</c> unless the BMC reports a failure: passed, or no self test implemented (nothing is known to be wrong).
    /// </summary>
    public bool Passed => Result is GetSelfTestResults.Passed or GetSelfTestResults.NotImplemented;
}

/// <summary>
/// DCMI power reading (DCMI v1.5 §6.6.1), or the same meaning read over Redfish (PowerControl, EnvironmentMetrics).
/// DCMI always gives every figure; a Redfish service may leave the statistics out (null: no series).
/// </summary>
public sealed record DcmiPowerSample
{
    /// <summary>Current power in watts.</summary>
    public double CurrentWatts { get; init; }

    /// <summary>Minimum over the sampling period; null when not reported.</summary>
    public double? MinimumWatts { get; init; }

    /// <summary>Maximum over the sampling period; null when not reported.</summary>
    public double? MaximumWatts { get; init; }

    /// <summary>Average over the sampling period; null when not reported.</summary>
    public double? AverageWatts { get; init; }

    /// <summary>Sampling period; null when not reported.</summary>
    public TimeSpan? Period { get; init; }

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

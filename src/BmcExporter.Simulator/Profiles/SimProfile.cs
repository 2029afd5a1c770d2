using System.Collections.Immutable;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Simulator.Profiles;

/// <summary>
/// A compiled, validated and immutable BMC profile. One instance is shared by every simulated BMC that uses
/// it (10,000 BMCs share one copy of the SDR set, FRU template and behaviour parameters); the per-BMC part is
/// only the index and seed that vary serial numbers, offsets and fault timings.
/// </summary>
public sealed class SimProfile
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public required BmcIdentity Identity { get; init; }

    public required SessionPolicy Sessions { get; init; }

    public required ImmutableArray<SimUser> Users { get; init; }

    public required ChassisDefinition Chassis { get; init; }

    /// <summary>DCMI power reading parameters, or null when the BMC answers DCMI commands with 0xC1.</summary>
    public DcmiDefinition? Dcmi { get; init; }

    public required LoadCurve Load { get; init; }

    /// <summary>Sensor records in repository order (a compact record with sharing is one entry).</summary>
    public required ImmutableArray<SensorDefinition> Sensors { get; init; }

    public required ImmutableArray<LocatorDefinition> Locators { get; init; }

    public required ImmutableArray<OemRecordDefinition> OemRecords { get; init; }

    public required SelDefinition Sel { get; init; }

    public required FruDefinition Fru { get; init; }

    /// <summary>When set, the SDR repository changes (new addition timestamp, extra records) after this time.</summary>
    public TimeSpan? SdrChangeAfter { get; init; }

    public required QuirkSet Quirks { get; init; }

    /// <summary>Security weaknesses and the session audit (default: none, audited).</summary>
    public SecurityPolicy Security { get; init; } = SecurityPolicy.Hardened;
    /// <summary>System Firmware Version (Get System Info Parameters, parameter 1), or null: "parameter not supported".</summary>
    public string? SystemFirmwareVersion { get; init; }

    /// <summary>The 8 data bytes of Get Watchdog Timer (IPMI v2.0 §27.7); the present countdown does not move.</summary>
    public ImmutableArray<byte> WatchdogTimer { get; init; } = DefaultWatchdogTimer;

    /// <summary>Supermicro OEM LAN mode (0 dedicated, 1 shared, 2 failover), or null: the OEM command is refused.</summary>
    public byte? LanMode { get; init; }

    /// <summary>A stopped SMS/OS watchdog, logging, hard reset after 300.0 s, 287.5 s left.</summary>
    public static ImmutableArray<byte> DefaultWatchdogTimer { get; } = [0x04, 0x01, 0x00, 0x00, 0xB8, 0x0B, 0x3B, 0x0B];

    /// <summary>Number of individual sensors (shared compact records count once per shared sensor).</summary>
    public int SensorCount => Sensors.Sum(s => s.ShareCount);

    public override string ToString() => $"profile {Name} ({SensorCount} sensors)";
}

/// <summary>What Get Device ID reports (IPMI v2.0 §20.1).</summary>
public sealed record BmcIdentity(
    byte DeviceId,
    byte DeviceRevision,
    byte FirmwareMajor,
    byte FirmwareMinorBcd,
    int ManufacturerId,
    ushort ProductId,
    ImmutableArray<byte> AuxFirmware);

/// <summary>Session rules of the simulated LAN channel.</summary>
public sealed record SessionPolicy(int SessionLimit, TimeSpan IdleTimeout, ImmutableArray<byte> CipherSuites);

/// <summary>A user account. The password is never printed by <see cref="ToString"/>.</summary>
public sealed class SimUser(string name, byte[] password, PrivilegeLevel maxPrivilege)
{
    public string Name { get; } = name;

    /// <summary>Password bytes (at most 20, IPMI v2.0 §13.31); never logged.</summary>
    public ReadOnlyMemory<byte> Password { get; } = password;

    public PrivilegeLevel MaxPrivilege { get; } = maxPrivilege;

    public override string ToString() => $"user {Name} ({MaxPrivilege}, password redacted)";
}

/// <summary>
/// Chassis status bits (IPMI v2.0 §28.2), and what the lifecycle commands answer: restart cause (§28.11), power-on
/// hours (§28.14, one count per hour), the BMC self-test result byte (§20.4), and how far the BMC's clock is off:
/// Get SEL Time (§31.10) answers the simulator's time plus <c>ClockSkewSeconds</c>.
/// </summary>
public sealed record ChassisDefinition(
    bool PowerOn,
    byte RestorePolicy,
    bool Intrusion,
    bool DriveFault,
    bool CoolingFault,
    bool PowerFault,
    bool FrontPanelLockout,
    byte LastPowerEvent,
    byte RestartCause = 0x03,
    uint PowerOnHours = 0,
    byte SelfTest = 0x55,
    int ClockSkewSeconds = 0);

/// <summary>DCMI power model: watts = idle + (max - idle) * load + noise.</summary>
public sealed record DcmiDefinition(double IdleWatts, double MaxWatts, double NoiseWatts);

/// <summary>The fleet-wide load curve that temperatures, fans and power follow (0..1, phase varies per BMC).</summary>
public sealed record LoadCurve(TimeSpan Period, double Min, double Max);

/// <summary>Recognised vendor behaviours, named after the FreeIPMI workaround they exercise (reference §5.1).</summary>
[Flags]
#pragma warning disable CA1714 // a set of flags reads naturally as a singular noun here
public enum QuirkSet : long
#pragma warning restore CA1714
{
    None = 0,
    AuthCapWrongBits = 1 << 0,
    Supermicro20 = 1 << 1,
    Sun20 = 1 << 2,
    OpenSessionPrivilegeEcho = 1 << 3,
    IntegrityCheckValueOnSuite0 = 1 << 4,
    BadChecksums = 1 << 5,
    SdrWholeReadPadded = 1 << 6,
    SdrWrongRecordId = 1 << 7,
    SdrLastRecordTimeout = 1 << 8,
    SdrReserveUnsupported = 1 << 9,
    SdrRecordCountWrong = 1 << 10,
    SelReserveNeedsOperator = 1 << 11,
    SensorReadingNoStateBytes = 1 << 12,
    ScanningDisabledBit = 1 << 13,
    DiscreteAnalogReading = 1 << 14,
    InvalidSelRecordType = 1 << 15,
    NoCloseSessionReply = 1 << 16,
    CipherSuitesRefusedPreSession = 1 << 17,
    SequenceNumbersSkip = 1 << 18,
    ShortWholeRecordRead = 1 << 19,
    Intel20 = 1 << 20,
    NoSelfBridging = 1 << 21,
    CipherSuitesRefused = 1 << 22,
}

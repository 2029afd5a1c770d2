namespace BmcExporter.Simulator.Profiles;

// Mutable shapes that YamlDotNet binds profile files into. ProfileCompiler validates them and produces the
// immutable SimProfile the BMCs share; nothing outside the loader sees these types.

internal sealed class ProfileDocument
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public BmcDocument? Bmc { get; set; }
    public List<UserDocument>? Users { get; set; }
    public ChassisDocument? Chassis { get; set; }
    public DcmiDocument? Dcmi { get; set; }
    public LoadDocument? Load { get; set; }
    public List<SensorDocument>? Sensors { get; set; }
    public List<LocatorDocument>? Locators { get; set; }
    public List<OemRecordDocument>? OemRecords { get; set; }
    public SelDocument? Sel { get; set; }
    public FruDocument? Fru { get; set; }
    public SdrChangeDocument? SdrChange { get; set; }
    public List<string>? Quirks { get; set; }
    public SecurityDocument? Security { get; set; }
}

internal sealed class BmcDocument
{
    public int? DeviceId { get; set; }
    public int? DeviceRevision { get; set; }
    public string? Firmware { get; set; }
    public int? ManufacturerId { get; set; }
    public int? ProductId { get; set; }
    public List<int>? AuxFirmware { get; set; }
    public int? SessionLimit { get; set; }
    public double? IdleTimeoutSeconds { get; set; }
    public List<int>? CipherSuites { get; set; }
    public string? SystemFirmwareVersion { get; set; }
    public string? Watchdog { get; set; }
    public int? LanMode { get; set; }
}

internal sealed class UserDocument
{
    public string? Name { get; set; }
    public string? Password { get; set; }
    public string? Privilege { get; set; }
}

internal sealed class ChassisDocument
{
    public bool? PowerOn { get; set; }
    public string? RestorePolicy { get; set; }
    public bool? Intrusion { get; set; }
    public bool? DriveFault { get; set; }
    public bool? CoolingFault { get; set; }
    public bool? PowerFault { get; set; }
    public bool? FrontPanelLockout { get; set; }
    public string? LastPowerEvent { get; set; }
    public string? RestartCause { get; set; }
    public int? PowerOnHours { get; set; }
    public string? SelfTest { get; set; }
    public int? ClockSkewSeconds { get; set; }
}

internal sealed class DcmiDocument
{
    public bool? Supported { get; set; }
    public double? IdleWatts { get; set; }
    public double? MaxWatts { get; set; }
    public double? NoiseWatts { get; set; }
}

internal sealed class LoadDocument
{
    public double? PeriodSeconds { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }
}

internal sealed class SensorDocument
{
    public string? Name { get; set; }
    public int? Number { get; set; }
    public int? Repeat { get; set; }
    public string? Record { get; set; }
    public string? Type { get; set; }
    public int? EventType { get; set; }
    public string? Unit { get; set; }
    public bool? Percentage { get; set; }
    public string? Format { get; set; }
    public int? Entity { get; set; }
    public int? EntityInstance { get; set; }
    public int? Lun { get; set; }
    public int? Owner { get; set; }
    public double? M { get; set; }
    public double? B { get; set; }
    public int? RExp { get; set; }
    public int? BExp { get; set; }
    public int? Linearization { get; set; }
    public ThresholdsDocument? Thresholds { get; set; }
    public int? Hysteresis { get; set; }
    public BehaviourDocument? Behaviour { get; set; }
    public ShareDocument? Share { get; set; }
    public List<int>? States { get; set; }
    public FailureDocument? Failure { get; set; }
    public bool? AfterSdrChange { get; set; }
    public string? Reading { get; set; }
}

internal sealed class ThresholdsDocument
{
    public double? Lnr { get; set; }
    public double? Lcr { get; set; }
    public double? Lnc { get; set; }
    public double? Unc { get; set; }
    public double? Ucr { get; set; }
    public double? Unr { get; set; }
}

internal sealed class BehaviourDocument
{
    public double? Base { get; set; }
    public double? LoadGain { get; set; }
    public double? Noise { get; set; }
    public double? Spread { get; set; }
    public double? StepSeconds { get; set; }
    public ExcursionDocument? Excursion { get; set; }
}

internal sealed class ExcursionDocument
{
    public double? Fraction { get; set; }
    public double? EverySeconds { get; set; }
    public double? DurationSeconds { get; set; }
    public double? Value { get; set; }
}

internal sealed class ShareDocument
{
    public int? Count { get; set; }
    public string? Modifier { get; set; }
    public int? Offset { get; set; }
    public bool? EntityIncrements { get; set; }
}

internal sealed class FailureDocument
{
    public int? State { get; set; }
    public double? Fraction { get; set; }
    public double? AfterSeconds { get; set; }
    public double? WithinSeconds { get; set; }
    public bool? ClearsNormalStates { get; set; }
}

internal sealed class LocatorDocument
{
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public int? Address { get; set; }
    public int? DeviceId { get; set; }
    public int? Entity { get; set; }
    public int? EntityInstance { get; set; }
    public int? Capabilities { get; set; }
    public FruDocument? Fru { get; set; }
    public bool? Present { get; set; }
}

internal sealed class OemRecordDocument
{
    public int? ManufacturerId { get; set; }
    public string? Data { get; set; }
}

internal sealed class SelDocument
{
    public int? Capacity { get; set; }
    public List<SelEventDocument>? Initial { get; set; }
    public SelGrowthDocument? Growth { get; set; }
}

internal sealed class SelEventDocument
{
    public string? Sensor { get; set; }
    public int? Offset { get; set; }
    public bool? Deassert { get; set; }
    public double? AgeSeconds { get; set; }
    public int? Data2 { get; set; }
    public int? Data3 { get; set; }
}

internal sealed class SelGrowthDocument
{
    public double? EverySeconds { get; set; }
    public List<SelEventDocument>? Events { get; set; }
}

internal sealed class FruDocument
{
    public FruChassisDocument? Chassis { get; set; }
    public FruBoardDocument? Board { get; set; }
    public FruProductDocument? Product { get; set; }
}

internal sealed class FruChassisDocument
{
    public int? Type { get; set; }
    public string? PartNumber { get; set; }
    public string? Serial { get; set; }
}

internal sealed class FruBoardDocument
{
    public string? Manufacturer { get; set; }
    public string? Product { get; set; }
    public string? Serial { get; set; }
    public string? PartNumber { get; set; }
    public string? MfgDate { get; set; }
}

internal sealed class FruProductDocument
{
    public string? Manufacturer { get; set; }
    public string? Name { get; set; }
    public string? PartNumber { get; set; }
    public string? Version { get; set; }
    public string? Serial { get; set; }
    public string? AssetTag { get; set; }
}

internal sealed class SdrChangeDocument
{
    public double? AfterSeconds { get; set; }
}

internal sealed class SecurityDocument
{
    public bool? AnonymousLogin { get; set; }
    public string? NullUserPassword { get; set; }
    public List<string>? Ipmi15AuthTypes { get; set; }
    public bool? PerMessageAuthDisabled { get; set; }
    public bool? UserLevelAuthDisabled { get; set; }
    public bool? SessionAudit { get; set; }
}

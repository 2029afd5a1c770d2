namespace BmcExporter.Ipmi.IntegrationTests.Oracle;

/// <summary>
/// The simulated BMC the integration tests run against: 36 readable sensors, locator/OEM/event-only records,
/// a SEL with system and OEM entries, FRU 0 and FRU 1. Every expected value the tests assert comes from here
/// through the harness's own conversion (<see cref="AnalogSensor.Convert"/>).
/// </summary>
internal static partial class SimBmc
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "adminpass1";
    public const string ReaderUser = "reader";
    public const string ReaderPassword = "readpass1";
    public const string Guid = "a123456789abcdefa123456789abcdef";

    // Get Device ID values given to mc_add (IPMI v2.0 §20.1).
    public const byte DeviceId = 0x21;
    public const byte DeviceRevision = 0x05;
    public const byte FirmwareMajor = 2;
    public const byte FirmwareMinorBcd = 0x17;
    public const byte DeviceSupport = 0x9F;
    public const int ManufacturerId = 0x1291;
    public const int ProductId = 0x0F02;

    private static readonly RawThresholds CpuTemp = new(Lnr: null, Lcr: 5, Lnc: 10, Unc: 80, Ucr: 90, Unr: 100);
    private static readonly RawThresholds FanRpm = new(Lnr: 6, Lcr: 12, Lnc: 20, Unc: null, Ucr: null, Unr: null);

    public static IReadOnlyList<AnalogSensor> Analog { get; } =
    [
        new(1, "CPU0 Temp", 0x01, 0x03, 1, Units.DegreesC, AnalogFormat.Unsigned, 1, 0, 0, 0, 45, CpuTemp),
        new(2, "CPU1 Temp", 0x01, 0x03, 2, Units.DegreesC, AnalogFormat.Unsigned, 1, 0, 0, 0, 85, CpuTemp),
        new(3, "PCH Temp", 0x01, 0x07, 1, Units.DegreesC, AnalogFormat.Unsigned, 1, 0, 0, 0, 95, CpuTemp),
        new(4, "VRM Temp", 0x01, 0x07, 2, Units.DegreesC, AnalogFormat.Unsigned, 1, 0, 0, 0, 105, CpuTemp),
        // 2's complement: 0xF6 = -10 °C, at or below LNC (-5): warning. ipmi_sim compares the raw byte as unsigned,
        // so a sensor with a negative reading cannot also carry upper thresholds (0xF6 would be "above" 45).
        new(5, "Inlet Temp", 0x01, 0x40, 1, Units.DegreesC, AnalogFormat.TwosComplement, 1, 0, 0, 0, 0xF6,
            new(Lnr: 0xE2, Lcr: 0xEC, Lnc: 0xFB, Unc: null, Ucr: null, Unr: null)),
        // 1's complement: 0xFE = -1 °C; LNC 0xF5 = -10 (same unsigned-comparison caveat).
        new(6, "Outlet Temp", 0x01, 0x37, 1, Units.DegreesC, AnalogFormat.OnesComplement, 1, 0, 0, 0, 0xFE,
            new(Lnr: null, Lcr: null, Lnc: 0xF5, Unc: null, Ucr: null, Unr: null)),
        new(7, "Ambient Temp", 0x01, 0x17, 1, Units.DegreesC, AnalogFormat.TwosComplement, 1, 0, 0, 0, 25,
            new(Lnr: null, Lcr: null, Lnc: null, Unc: 40, Ucr: 45, Unr: null)),
        new(8, "FAN1", 0x04, 0x1D, 1, Units.Rpm, AnalogFormat.Unsigned, 75, 0, 0, 0, 80, FanRpm),
        new(9, "FAN2", 0x04, 0x1D, 2, Units.Rpm, AnalogFormat.Unsigned, 75, 0, 0, 0, 10, FanRpm),
        new(10, "FAN3", 0x04, 0x1D, 3, Units.Rpm, AnalogFormat.Unsigned, 75, 0, 0, 0, 18, FanRpm),
        new(11, "12V", 0x02, 0x07, 1, Units.Volts, AnalogFormat.Unsigned, 6, 0, 0, -2, 200,
            new(Lnr: null, Lcr: 0xB9, Lnc: null, Unc: null, Ucr: 0xD7, Unr: null)),
        // R and B exponents: (1·x + (-5)·10^1)·10^-1, raw 100 -> 5.0 V.
        new(12, "5V", 0x02, 0x07, 1, Units.Volts, AnalogFormat.Unsigned, 1, -5, 1, -1, 100,
            new(Lnr: null, Lcr: null, Lnc: 95, Unc: 105, Ucr: null, Unr: null)),
        new(13, "3.3V", 0x02, 0x07, 1, Units.Volts, AnalogFormat.Unsigned, 2, 0, 0, -2, 165,
            new(Lnr: null, Lcr: 150, Lnc: null, Unc: null, Ucr: 180, Unr: null)),
        new(14, "VBAT", 0x02, 0x28, 1, Units.Volts, AnalogFormat.Unsigned, 2, 0, 0, -2, 140,
            new(Lnr: null, Lcr: 130, Lnc: 142, Unc: null, Ucr: null, Unr: null)),
        // Negative B exponent: (x + 50·10^-1)·10^-2, raw 175 -> 1.80 V.
        new(15, "P1V8", 0x02, 0x03, 1, Units.Volts, AnalogFormat.Unsigned, 1, 50, -1, -2, 175,
            new(Lnr: null, Lcr: 160, Lnc: null, Unc: null, Ucr: 190, Unr: null)),
        // 10-bit M = 300: raw 20 -> 600.0 W, raw 43 -> 1290.0 W (>= UNC 1200).
        new(16, "PSU1 Power", 0x0B, 0x0A, 1, Units.Watts, AnalogFormat.Unsigned, 300, 0, 0, -1, 20,
            new(Lnr: null, Lcr: null, Lnc: null, Unc: 40, Ucr: 45, Unr: null)),
        new(17, "PSU2 Power", 0x0B, 0x0A, 2, Units.Watts, AnalogFormat.Unsigned, 300, 0, 0, -1, 43,
            new(Lnr: null, Lcr: null, Lnc: null, Unc: 40, Ucr: 45, Unr: null)),
        // Negative 10-bit M = -2 with B = 100: raw 30 -> (−60 + 100)·10^-1 = 4.0 A.
        new(18, "Batt Current", 0x03, 0x28, 1, Units.Amps, AnalogFormat.Unsigned, -2, 100, 0, -1, 30, RawThresholds.None),
        new(19, "PSU1 Current", 0x03, 0x0A, 1, Units.Amps, AnalogFormat.Unsigned, 1, 0, 0, -1, 35,
            new(Lnr: null, Lcr: null, Lnc: null, Unc: 100, Ucr: 120, Unr: null)),
        new(20, "Mem Util", 0x0B, 0x08, 1, Units.Unspecified, AnalogFormat.Unsigned, 1, 0, 0, 0, 42,
            new(Lnr: null, Lcr: null, Lnc: null, Unc: 90, Ucr: 95, Unr: null), Percent: true),
        new(21, "Airflow", 0x0B, 0x17, 1, Units.Cfm, AnalogFormat.Unsigned, 1, 0, 0, 0, 35, RawThresholds.None),
        // Duplicate names on purpose (distinct sensor numbers and entity instances).
        new(22, "Temp", 0x01, 0x20, 1, Units.DegreesC, AnalogFormat.Unsigned, 1, 0, 0, 0, 40,
            new(Lnr: null, Lcr: null, Lnc: null, Unc: 80, Ucr: 90, Unr: null)),
        new(23, "Temp", 0x01, 0x20, 2, Units.DegreesC, AnalogFormat.Unsigned, 1, 0, 0, 0, 42,
            new(Lnr: null, Lcr: null, Lnc: null, Unc: 80, Ucr: 90, Unr: null)),
        // Linearization functions: sqrt((x)·1) raw 144 -> 12 CFM; 1/x with M=2, Rexp=-3: raw 100 -> 1/0.2 = 5 s.
        new(25, "Duct Flow", 0x0B, 0x17, 2, Units.Cfm, AnalogFormat.Unsigned, 1, 0, 0, 0, 144, RawThresholds.None, Linearization: 0x0A),
        new(26, "Fan Period", 0x04, 0x1D, 4, Units.Seconds, AnalogFormat.Unsigned, 2, 0, 0, -3, 100, RawThresholds.None, Linearization: 0x07),
        // Scanning disabled: the value must read as unavailable, never as 0 or 50.
        new(24, "Scan Off", 0x01, 0x07, 3, Units.DegreesC, AnalogFormat.Unsigned, 1, 0, 0, 0, 50,
            new(Lnr: null, Lcr: null, Lnc: null, Unc: 80, Ucr: 90, Unr: null), Scanning: false),
    ];

    public static IReadOnlyList<DiscreteSensor> Discrete { get; } =
    [
        // Power supply (0x08), sensor-specific: offset 0 presence, 1 failure (IPMI v2.0 table 42-3).
        new(30, "PSU1 Status", 0x08, 0x6F, 0x0A, 1, 0x000F, 0x0003),
        new(31, "PSU2 Status", 0x08, 0x6F, 0x0A, 2, 0x000F, 0x0001),
        // Drive slot (0x0D): present + fault.
        new(32, "Drive 0", 0x0D, 0x6F, 0x04, 1, 0x01FF, 0x0003),
        // Physical security (0x05): general chassis intrusion.
        new(33, "Intrusion", 0x05, 0x6F, 0x17, 1, 0x007F, 0x0001),
        // Generic redundancy (event/reading type 0x0B): offset 1 redundancy lost.
        new(34, "PSU Redundancy", 0x08, 0x0B, 0x13, 1, 0x00FF, 0x0002),
        // Discrete sensor described by a Full record: processor presence (offset 7).
        new(35, "CPU0 Status", 0x07, 0x6F, 0x03, 1, 0x1FFF, 0x0080, FullRecord: true),
        // One Compact record shared over 4 DIMMs (0x0C memory): names DIMM0..DIMM3, instances 1..4.
        Dimm(0, 0x0040),
        Dimm(1, 0x0041),
        Dimm(2, 0x0040),
        Dimm(3, 0x0042),
    ];

    public static IEnumerable<ISimSensor> AllSensors => Analog.Cast<ISimSensor>().Concat(Discrete);

    private static DiscreteSensor Dimm(int index, ushort asserted) =>
        new((byte)(40 + index), $"DIMM{index}", 0x0C, 0x6F, 0x20, (byte)(1 + index), 0x0043, asserted)
        {
            ShareCount = 4,
            ShareIndex = index,
            RecordName = "DIMM",
        };
}

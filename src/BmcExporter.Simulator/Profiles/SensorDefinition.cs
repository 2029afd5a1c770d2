using System.Collections.Immutable;
using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Simulator.Profiles;

/// <summary>Which SDR record type describes a sensor (IPMI v2.0 §43).</summary>
public enum SdrRecordKind
{
    Full = 0x01,
    Compact = 0x02,
    EventOnly = 0x03,
}

/// <summary>How a sensor's Get Sensor Reading answers, independent of its value.</summary>
public enum ReadingMode
{
    Normal,
    Unavailable,
    ScanningDisabled,
}

/// <summary>One sensor record of a profile (a compact record with sharing describes <see cref="ShareCount"/> sensors).</summary>
public sealed class SensorDefinition
{
    public required string Name { get; init; }

    public required byte Number { get; init; }

    public required SdrRecordKind Record { get; init; }

    public required byte SensorType { get; init; }

    public required byte EventReadingType { get; init; }

    public byte Unit { get; init; }

    public bool Percentage { get; init; }

    /// <summary>Analog data format (SDR byte 20 bits 7:6): 0 unsigned, 1 one's, 2 two's complement.</summary>
    public byte AnalogFormat { get; init; }

    public byte EntityId { get; init; }

    public byte EntityInstance { get; init; }

    public byte Lun { get; init; }

    public byte OwnerId { get; init; } = 0x20;

    public required LinearConversion Conversion { get; init; }

    public byte Linearization { get; init; }

    public required ThresholdSet Thresholds { get; init; }

    public byte Hysteresis { get; init; }

    public AnalogBehaviour? Behaviour { get; init; }

    public int ShareCount { get; init; } = 1;

    public bool ShareAlpha { get; init; }

    public byte ShareOffset { get; init; }

    public bool ShareEntityIncrements { get; init; }

    /// <summary>Offsets asserted in the healthy state (discrete sensors).</summary>
    public ushort NormalStates { get; init; }

    public FailureDefinition? Failure { get; init; }

    public bool AfterSdrChange { get; init; }

    public ReadingMode Mode { get; init; }

    public bool IsThreshold => EventReadingType == 0x01;

    /// <summary>Name of the i-th sensor of a shared record (IPMI v2.0 §43.2 ID string instance modifier).</summary>
    public string NameOf(int shareIndex)
    {
        if (ShareCount <= 1)
        {
            return Name;
        }

        var n = ShareOffset + shareIndex;
        return Name + (ShareAlpha ? AlphaSuffix(n) : n.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string AlphaSuffix(int n)
    {
        // 0 = "A", 25 = "Z", 26 = "AA": base-26 letters as ipmitool and FreeIPMI print them.
        var chars = new Stack<char>();
        do
        {
            chars.Push((char)('A' + (n % 26)));
            n = (n / 26) - 1;
        }
        while (n >= 0);
        return new string([.. chars]);
    }

    public override string ToString() => $"sensor {Number} {Name}";
}

/// <summary>Linear conversion factors y = (M x + B 10^Bexp) 10^Rexp (IPMI v2.0 §36.3).</summary>
public readonly record struct LinearConversion(int M, int B, int RExp, int BExp)
{
    public ReadingFactors Factors => new((short)M, (short)B, (sbyte)RExp, (sbyte)BExp);

    /// <summary>Engineering value of a raw byte (the codec's conversion, linear).</summary>
    public double ToValue(byte raw, byte analogFormat) =>
        SensorConversion.ToValue(raw, (AnalogDataFormat)analogFormat, Factors, 0) ?? 0;

    /// <summary>Nearest raw byte for an engineering value, clamped to the format's range.</summary>
    public byte ToRaw(double value, byte analogFormat) =>
        SensorConversion.ToRaw(value, (AnalogDataFormat)analogFormat, Factors, 0);
}

/// <summary>Thresholds in engineering units; null = not provided (IPMI v2.0 §43.1 bytes 37-42).</summary>
public sealed record ThresholdSet(double? Lnr, double? Lcr, double? Lnc, double? Unc, double? Ucr, double? Unr)
{
    public static ThresholdSet None { get; } = new(null, null, null, null, null, null);

    /// <summary>Readable mask bits b0 LNC, b1 LCR, b2 LNR, b3 UNC, b4 UCR, b5 UNR.</summary>
    public byte Mask =>
        (byte)((Lnc.HasValue ? 1 : 0) | (Lcr.HasValue ? 2 : 0) | (Lnr.HasValue ? 4 : 0)
            | (Unc.HasValue ? 8 : 0) | (Ucr.HasValue ? 16 : 0) | (Unr.HasValue ? 32 : 0));
}

/// <summary>How an analog reading moves over time.</summary>
public sealed record AnalogBehaviour(
    double Base,
    double LoadGain,
    double Noise,
    double Spread,
    TimeSpan Step,
    ExcursionDefinition? Excursion);

/// <summary>A fraction of BMCs periodically push this sensor to <see cref="Value"/> for a while.</summary>
public sealed record ExcursionDefinition(double Fraction, TimeSpan Every, TimeSpan Duration, double Value);

/// <summary>A discrete failure: on a fraction of BMCs, state <see cref="State"/> asserts at a seeded time.</summary>
public sealed record FailureDefinition(int State, double Fraction, TimeSpan After, TimeSpan Within, bool ClearsNormalStates);

/// <summary>A FRU device locator (0x11) or management controller device locator (0x12) record.</summary>
/// <param name="IsMc"><c>true</c> for a management controller locator, <c>false</c> for a FRU device locator.</param>
/// <param name="Name">The record's ID string (at most 16 characters).</param>
/// <param name="Address">Controller slave address (8-bit form).</param>
/// <param name="DeviceId">Logical FRU device ID (FRU locators).</param>
/// <param name="EntityId">Entity ID (IPMI v2.0 Table 43-13).</param>
/// <param name="EntityInstance">Entity instance.</param>
/// <param name="Capabilities">Device capabilities byte (MC locators).</param>
/// <param name="Fru">
/// The FRU device's own inventory (a FRU locator only); <c>null</c> serves the profile's FRU 0 image under this ID.
/// </param>
/// <param name="Present">
/// <c>false</c>: the locator is listed but the device answers 0xCB (not present, IPMI v2.0 §5.2), like an empty slot.
/// </param>
public sealed record LocatorDefinition(
    bool IsMc,
    string Name,
    byte Address,
    byte DeviceId,
    byte EntityId,
    byte EntityInstance,
    byte Capabilities,
    FruDefinition? Fru = null,
    bool Present = true);

/// <summary>An OEM SDR (type 0xC0): manufacturer ID then opaque bytes.</summary>
public sealed record OemRecordDefinition(int ManufacturerId, ImmutableArray<byte> Data);

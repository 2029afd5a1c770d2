namespace BmcExporter.Ipmi.Sdr;

/// <summary>Threshold bits in the order the spec uses for readable/settable masks and reading states (IPMI v2.0 §35.20, §43.1).</summary>
[Flags]
public enum ThresholdMask : byte
{
    None = 0,
    LowerNonCritical = 0x01,
    LowerCritical = 0x02,
    LowerNonRecoverable = 0x04,
    UpperNonCritical = 0x08,
    UpperCritical = 0x10,
    UpperNonRecoverable = 0x20,
    All = 0x3F,
}

/// <summary>Six raw threshold bytes, as stored in a full SDR or returned by Get Sensor Thresholds.</summary>
public readonly record struct RawThresholds(
    byte LowerNonCritical,
    byte LowerCritical,
    byte LowerNonRecoverable,
    byte UpperNonCritical,
    byte UpperCritical,
    byte UpperNonRecoverable);

/// <summary>Converted thresholds; null where a threshold is not readable or has no numeric value.</summary>
public readonly record struct SensorThresholds(
    double? LowerNonRecoverable,
    double? LowerCritical,
    double? LowerNonCritical,
    double? UpperNonCritical,
    double? UpperCritical,
    double? UpperNonRecoverable)
{
    public static SensorThresholds Empty => default;

    /// <summary>
    /// Upper and lower exchanged: with 1/x linearization a raw upper threshold converts to a low value, so the
    /// labels are swapped for display (IPMI v2.0 §36.3 note; protocol reference §4.8).
    /// </summary>
    public SensorThresholds SwapUpperLower() => new(
        UpperNonRecoverable, UpperCritical, UpperNonCritical, LowerNonCritical, LowerCritical, LowerNonRecoverable);
}

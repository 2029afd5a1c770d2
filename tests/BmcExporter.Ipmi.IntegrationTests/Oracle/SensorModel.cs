namespace BmcExporter.Ipmi.IntegrationTests.Oracle;

/// <summary>Analog data format, SDR byte 21 bits 7:6 (IPMI v2.0 §43.1, table 43-1).</summary>
internal enum AnalogFormat
{
    Unsigned = 0,
    OnesComplement = 1,
    TwosComplement = 2,
    NoReading = 3,
}

/// <summary>The health the harness expects a sensor to report, in the product's vocabulary.</summary>
internal enum ExpectedStatus
{
    Ok,
    Warning,
    Critical,
    NonRecoverable,
    Unavailable,
}

/// <summary>Raw (unconverted) threshold bytes; null = threshold not provided by the sensor.</summary>
internal sealed record RawThresholds(byte? Lnr, byte? Lcr, byte? Lnc, byte? Unc, byte? Ucr, byte? Unr)
{
    public static RawThresholds None { get; } = new(null, null, null, null, null, null);

    public bool Any => Lnr.HasValue || Lcr.HasValue || Lnc.HasValue || Unc.HasValue || Ucr.HasValue || Unr.HasValue;

    /// <summary>Readable/settable threshold mask, IPMI v2.0 §43.1 byte 19: b0 LNC, b1 LCR, b2 LNR, b3 UNC, b4 UCR, b5 UNR.</summary>
    public byte Mask =>
        (byte)((Lnc.HasValue ? 0x01 : 0) | (Lcr.HasValue ? 0x02 : 0) | (Lnr.HasValue ? 0x04 : 0)
            | (Unc.HasValue ? 0x08 : 0) | (Ucr.HasValue ? 0x10 : 0) | (Unr.HasValue ? 0x20 : 0));
}

/// <summary>Converted threshold values (null = not provided), the form every client prints.</summary>
internal sealed record ThresholdValues(
    double? LowerNonRecoverable,
    double? LowerCritical,
    double? LowerNonCritical,
    double? UpperNonCritical,
    double? UpperCritical,
    double? UpperNonRecoverable);

/// <summary>Common view of every readable sensor in the simulated BMC.</summary>
internal interface ISimSensor
{
    byte Number { get; }

    string Name { get; }

    byte SensorType { get; }

    byte EntityId { get; }

    byte EntityInstance { get; }

    bool IsThreshold { get; }

    ExpectedStatus Status { get; }
}

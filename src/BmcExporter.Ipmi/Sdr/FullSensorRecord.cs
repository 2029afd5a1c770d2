namespace BmcExporter.Ipmi.Sdr;

/// <summary>Full Sensor Record, type 0x01 (IPMI v2.0 §43.1; protocol reference §4.2).</summary>
public sealed record FullSensorRecord : SensorRecord
{
    /// <summary>Body bytes before the ID string (offsets 5-47 of the record).</summary>
    internal const int FixedBodyLength = 43;

    public override byte RecordTypeCode => (byte)SdrRecordType.FullSensor;

    /// <summary>Sensor initialization byte (scanning/events/thresholds init bits).</summary>
    public byte SensorInitialization { get; init; } = 0x7F;

    /// <summary>Sensor capabilities byte (re-arm, hysteresis and threshold access, event control).</summary>
    public byte SensorCapabilities { get; init; } = 0x68;

    public ushort AssertionMask { get; init; }

    public ushort DeassertionMask { get; init; }

    /// <summary>Bytes 19-20: readable threshold mask (low) and settable mask (high) for threshold sensors; discrete reading mask otherwise.</summary>
    public ushort ReadingMask { get; init; }

    public SensorUnits Units { get; init; }

    public byte Linearization { get; init; }

    public ReadingFactors Factors { get; init; } = ReadingFactors.Identity;

    /// <summary>b2 normal min given, b1 normal max given, b0 nominal given.</summary>
    public byte AnalogFlags { get; init; }

    public byte NominalReading { get; init; }

    public byte NormalMaximum { get; init; }

    public byte NormalMinimum { get; init; }

    public byte SensorMaximum { get; init; } = 0xFF;

    public byte SensorMinimum { get; init; }

    public RawThresholds Thresholds { get; init; }

    public byte PositiveHysteresis { get; init; }

    public byte NegativeHysteresis { get; init; }

    /// <summary>Thresholds the SDR marks readable (only meaningful for threshold sensors).</summary>
    public ThresholdMask ReadableThresholds => IsThresholdBased ? (ThresholdMask)(ReadingMask & 0x3F) : ThresholdMask.None;

    /// <summary>True when the sensor reports a numeric reading (analog data format not 11b).</summary>
    public bool HasAnalogReading => Units.Format != AnalogDataFormat.None;

    /// <summary>Converts a raw byte with this record's factors; null when the sensor has no numeric reading.</summary>
    public double? Convert(byte raw) => SensorConversion.ToValue(raw, Units.Format, Factors, Linearization);

    /// <summary>Inverse conversion (value to the nearest raw byte), for publishing simulated readings.</summary>
    public byte ToRaw(double value) => SensorConversion.ToRaw(value, Units.Format, Factors, Linearization);

    /// <summary>The SDR's own threshold copy converted to units, null where not readable (1/x labels swapped).</summary>
    public SensorThresholds ConvertThresholds(RawThresholds raw, ThresholdMask readable)
    {
        double? Get(ThresholdMask bit, byte value) => (readable & bit) != 0 ? Convert(value) : null;
        var converted = new SensorThresholds(
            Get(ThresholdMask.LowerNonRecoverable, raw.LowerNonRecoverable),
            Get(ThresholdMask.LowerCritical, raw.LowerCritical),
            Get(ThresholdMask.LowerNonCritical, raw.LowerNonCritical),
            Get(ThresholdMask.UpperNonCritical, raw.UpperNonCritical),
            Get(ThresholdMask.UpperCritical, raw.UpperCritical),
            Get(ThresholdMask.UpperNonRecoverable, raw.UpperNonRecoverable));
        return (Linearization & 0x7F) == (byte)Sdr.Linearization.Inverse ? converted.SwapUpperLower() : converted;
    }
}

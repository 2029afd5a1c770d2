namespace BmcExporter.Ipmi.IntegrationTests.Oracle;

/// <summary>
/// A threshold-based analog sensor described by a Full Sensor Record (type 0x01) plus the raw reading the
/// simulator holds. Conversion and status here are the test's own oracle, independent of the product.
/// </summary>
internal sealed record AnalogSensor(
    byte Number,
    string Name,
    byte SensorType,
    byte EntityId,
    byte EntityInstance,
    byte BaseUnit,
    AnalogFormat Format,
    int M,
    int B,
    int BExp,
    int RExp,
    byte Raw,
    RawThresholds Thresholds,
    bool Percent = false,
    bool Scanning = true,
    byte Linearization = 0x00) : ISimSensor
{
    public bool IsThreshold => true;

    /// <summary>Reading conversion, IPMI v2.0 §36.3: y = L[(M·x + B·10^Bexp)·10^Rexp] with L from SDR byte 24 (§43.1).</summary>
    public double Convert(byte raw)
    {
        double x = Format switch
        {
            AnalogFormat.Unsigned => raw,
            AnalogFormat.OnesComplement => (raw & 0x80) != 0 ? raw - 255 : raw,
            AnalogFormat.TwosComplement => (sbyte)raw,
            _ => throw new InvalidOperationException($"{Name}: no analog reading"),
        };
        double linear = ((M * x) + (B * Math.Pow(10, BExp))) * Math.Pow(10, RExp);
        double value = Linearization switch
        {
            0x00 => linear,
            0x07 => 1 / linear,
            0x0A => Math.Sqrt(linear),
            _ => throw new InvalidOperationException($"{Name}: linearization 0x{Linearization:X2} not used by the harness"),
        };
        // Decimal rounding keeps 12.000000000000002 from differing from the tools' printed 12.00.
        return Math.Round(value, 6);
    }

    public double? Value => Scanning ? Convert(Raw) : null;

    public ThresholdValues ThresholdValues => new(
        ConvertOrNull(Thresholds.Lnr),
        ConvertOrNull(Thresholds.Lcr),
        ConvertOrNull(Thresholds.Lnc),
        ConvertOrNull(Thresholds.Unc),
        ConvertOrNull(Thresholds.Ucr),
        ConvertOrNull(Thresholds.Unr));

    /// <summary>Display resolution: |M·10^Rexp| (what a client can distinguish between two raw counts).</summary>
    public double Resolution => Math.Abs(M * Math.Pow(10, RExp));

    /// <summary>Status from the converted reading against the converted thresholds (comparison at the boundary included).</summary>
    public ExpectedStatus Status
    {
        get
        {
            if (Value is not { } v)
            {
                return ExpectedStatus.Unavailable;
            }

            ThresholdValues t = ThresholdValues;
            if (v >= t.UpperNonRecoverable || v <= t.LowerNonRecoverable)
            {
                return ExpectedStatus.NonRecoverable;
            }

            if (v >= t.UpperCritical || v <= t.LowerCritical)
            {
                return ExpectedStatus.Critical;
            }

            return v >= t.UpperNonCritical || v <= t.LowerNonCritical ? ExpectedStatus.Warning : ExpectedStatus.Ok;
        }
    }

    /// <summary>Threshold comparison status bits of Get Sensor Reading byte 3 (IPMI v2.0 §35.14).</summary>
    public int ThresholdBits
    {
        get
        {
            if (Value is not { } v)
            {
                return 0;
            }

            ThresholdValues t = ThresholdValues;
            return (v <= t.LowerNonCritical ? 0x01 : 0) | (v <= t.LowerCritical ? 0x02 : 0) | (v <= t.LowerNonRecoverable ? 0x04 : 0)
                | (v >= t.UpperNonCritical ? 0x08 : 0) | (v >= t.UpperCritical ? 0x10 : 0) | (v >= t.UpperNonRecoverable ? 0x20 : 0);
        }
    }

    public string UnitName => Percent ? "percent" : Units.Name(BaseUnit);

    public byte[] Sdr() => SdrBuilder.Full(this);

    private double? ConvertOrNull(byte? raw) => raw is { } r ? Convert(r) : null;
}

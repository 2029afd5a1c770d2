using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Tables;

namespace BmcExporter.Ipmi.Sensors;

/// <summary>Interpretation switches for vendor quirks (FreeIPMI workaround flags, protocol reference §3.4, §5.1).</summary>
public sealed record SensorInterpretOptions
{
    public static SensorInterpretOptions Default { get; } = new();

    /// <summary>Ignore the "scanning disabled" bit (Dell PowerEdge report it wrongly; FreeIPMI <c>ignorescanningdisabled</c>).</summary>
    public bool IgnoreScanningDisabled { get; init; }

    /// <summary>Convert the raw byte of discrete full-record sensors with analog format (HP; FreeIPMI <c>discretereading</c>).</summary>
    public bool DiscreteReading { get; init; }
}

/// <summary>
/// Turns an SDR sensor plus a Get Sensor Reading answer (and optionally live thresholds and per-reading
/// factors) into a <see cref="SensorReading"/> (IPMI v2.0 §35.14, §36.3; protocol reference §3.4, §4.8).
/// </summary>
public static class SensorInterpreter
{
    /// <summary>Unit shown for sensors without a numeric reading, as ipmitool's <c>sensor</c> listing does.</summary>
    public const string DiscreteUnit = "discrete";

    public static SensorReading Interpret(
        SdrSensor sensor,
        SensorReadingData data,
        SensorThresholdsData? liveThresholds = null,
        ReadingFactors? factors = null,
        SensorInterpretOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        options ??= SensorInterpretOptions.Default;
        // One SensorReading per reading: every branch builds it whole (a reading is kept for an interval, and a
        // clone per sensor and scrape was a quarter of what a fleet scrape allocated).
        if (!data.ScanningEnabled && !options.IgnoreScanningDisabled)
        {
            return Create(sensor, factors, liveThresholds, options, SensorStatus.Unavailable, data.Raw,
                scanningDisabled: true, readingUnavailable: true, reason: "sensor scanning disabled");
        }

        if (data.ReadingUnavailable)
        {
            return Create(sensor, factors, liveThresholds, options, SensorStatus.Unavailable, data.Raw,
                readingUnavailable: true, reason: "reading unavailable");
        }

        var full = sensor.Full;
        var numeric = full is not null && full.HasAnalogReading && (sensor.IsThresholdBased || options.DiscreteReading);
        double? value = numeric ? Convert(full!, data.Raw, factors) : null;
        if (sensor.IsThresholdBased)
        {
            return Create(sensor, factors, liveThresholds, options, ThresholdStatus(data.ThresholdStates), data.Raw, value,
                DefaultInterpretation.Threshold(data.ThresholdStates));
        }

        var states = data.DiscreteStates;
        var count = System.Numerics.BitOperations.PopCount((uint)(states & 0x7FFF));
        int[] offsets = count == 0 ? [] : new int[count];
        string[] names = count == 0 ? [] : new string[count];
        for (int offset = 0, i = 0; offset < 15; offset++)
        {
            if ((states & (1 << offset)) != 0)
            {
                offsets[i] = offset;
                names[i++] = EventOffsets.Describe(sensor.EventReadingType, sensor.SensorType, offset) ?? $"offset {offset}";
            }
        }

        return Create(sensor, factors, liveThresholds, options,
            DiscreteSeverity.Evaluate(sensor.EventReadingType, sensor.SensorType, states), data.Raw, value,
            DefaultInterpretation.Discrete(sensor.EventReadingType, sensor.SensorType, states), offsets, names);
    }

    /// <summary>A reading that could not be obtained: an "unavailable" completion code, an absent sensor, or a sensor that is not readable.</summary>
    public static SensorReading Unavailable(SdrSensor sensor, string reason, bool readable = true)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        return Create(sensor, null, null, SensorInterpretOptions.Default, SensorStatus.Unavailable,
            readingUnavailable: true, readable: readable, reason: reason);
    }

    /// <summary>Status from the threshold comparison bits: UNR/LNR non-recoverable, UCR/LCR critical, UNC/LNC warning.</summary>
    public static SensorStatus ThresholdStatus(ThresholdMask states)
    {
        if ((states & (ThresholdMask.LowerNonRecoverable | ThresholdMask.UpperNonRecoverable)) != 0)
        {
            return SensorStatus.NonRecoverable;
        }

        if ((states & (ThresholdMask.LowerCritical | ThresholdMask.UpperCritical)) != 0)
        {
            return SensorStatus.Critical;
        }

        return (states & (ThresholdMask.LowerNonCritical | ThresholdMask.UpperNonCritical)) != 0
            ? SensorStatus.Warning
            : SensorStatus.Ok;
    }

    /// <summary>Converts with per-reading factors when given (non-linear sensors: L = identity), else the SDR's.</summary>
    public static double? Convert(FullSensorRecord full, byte raw, ReadingFactors? factors)
    {
        ArgumentNullException.ThrowIfNull(full);
        return factors is { } f
            ? SensorConversion.ToValue(raw, full.Units.Format, f, (byte)Linearization.Linear)
            : full.Convert(raw);
    }

    private static SensorReading Create(
        SdrSensor sensor,
        ReadingFactors? factors,
        SensorThresholdsData? live,
        SensorInterpretOptions options,
        SensorStatus status,
        byte? raw = null,
        double? value = null,
        SensorState state = SensorState.Unknown,
        int[]? assertedStates = null,
        string[]? stateNames = null,
        bool scanningDisabled = false,
        bool readingUnavailable = false,
        bool readable = true,
        string? reason = null)
    {
        var full = sensor.Full;
        var analog = full is not null && full.HasAnalogReading;
        var numeric = analog && (sensor.IsThresholdBased || options.DiscreteReading);
        return new SensorReading
        {
            RecordId = sensor.RecordId,
            SensorNumber = sensor.SensorNumber,
            Name = sensor.Name,
            SensorTypeCode = sensor.SensorType,
            EventReadingType = sensor.EventReadingType,
            Units = numeric ? sensor.Units : null,
            Kind = numeric ? SensorKinds.Classify(sensor.Units, sensor.SensorType) : SensorKind.Other,
            Thresholds = analog && sensor.IsThresholdBased ? ConvertThresholds(full!, factors, live) : SensorThresholds.Empty,
            EntityId = sensor.EntityId,
            EntityInstance = sensor.EntityInstance,
            IsThresholdBased = sensor.IsThresholdBased,
            Raw = raw,
            Value = value,
            Status = status,
            State = state,
            AssertedStates = assertedStates ?? [],
            StateNames = stateNames ?? [],
            ScanningDisabled = scanningDisabled,
            ReadingUnavailable = readingUnavailable,
            Readable = readable,
            Reason = reason,
        };
    }

    private static SensorThresholds ConvertThresholds(FullSensorRecord full, ReadingFactors? factors, SensorThresholdsData? live)
    {
        var (mask, raw) = live is { } l ? (l.Readable, l.Raw) : (full.ReadableThresholds, full.Thresholds);
        if (factors is not { } f)
        {
            return full.ConvertThresholds(raw, mask);
        }

        // Non-linear sensor: the factors fetched for the current reading also convert the thresholds.
        double? Get(ThresholdMask bit, byte value) => (mask & bit) != 0 ? Convert(full, value, f) : null;
        return new SensorThresholds(
            Get(ThresholdMask.LowerNonRecoverable, raw.LowerNonRecoverable),
            Get(ThresholdMask.LowerCritical, raw.LowerCritical),
            Get(ThresholdMask.LowerNonCritical, raw.LowerNonCritical),
            Get(ThresholdMask.UpperNonCritical, raw.UpperNonCritical),
            Get(ThresholdMask.UpperCritical, raw.UpperCritical),
            Get(ThresholdMask.UpperNonRecoverable, raw.UpperNonRecoverable));
    }
}

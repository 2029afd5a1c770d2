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
        var baseReading = Base(sensor, factors, liveThresholds, options);
        if (!data.ScanningEnabled && !options.IgnoreScanningDisabled)
        {
            return baseReading with
            {
                Raw = data.Raw,
                Status = SensorStatus.Unavailable,
                ScanningDisabled = true,
                ReadingUnavailable = true,
                Reason = "sensor scanning disabled",
            };
        }

        if (data.ReadingUnavailable)
        {
            return baseReading with
            {
                Raw = data.Raw,
                Status = SensorStatus.Unavailable,
                ReadingUnavailable = true,
                Reason = "reading unavailable",
            };
        }

        var full = sensor.Full;
        var numeric = full is not null && full.HasAnalogReading && (sensor.IsThresholdBased || options.DiscreteReading);
        double? value = numeric ? Convert(full!, data.Raw, factors) : null;
        if (sensor.IsThresholdBased)
        {
            return baseReading with
            {
                Raw = data.Raw,
                Value = value,
                Status = ThresholdStatus(data.ThresholdStates),
                State = DefaultInterpretation.Threshold(data.ThresholdStates),
            };
        }

        var states = data.DiscreteStates;
        var offsets = new List<int>();
        var names = new List<string>();
        for (var offset = 0; offset < 15; offset++)
        {
            if ((states & (1 << offset)) != 0)
            {
                offsets.Add(offset);
                names.Add(EventOffsets.Describe(sensor.EventReadingType, sensor.SensorType, offset) ?? $"offset {offset}");
            }
        }

        return baseReading with
        {
            Raw = data.Raw,
            Value = value,
            Status = DiscreteSeverity.Evaluate(sensor.EventReadingType, sensor.SensorType, states),
            State = DefaultInterpretation.Discrete(sensor.EventReadingType, sensor.SensorType, states),
            AssertedStates = offsets,
            StateNames = names,
        };
    }

    /// <summary>A reading that could not be obtained: an "unavailable" completion code, an absent sensor, or a sensor that is not readable.</summary>
    public static SensorReading Unavailable(SdrSensor sensor, string reason, bool readable = true)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        return Base(sensor, null, null, SensorInterpretOptions.Default) with
        {
            Status = SensorStatus.Unavailable,
            ReadingUnavailable = true,
            Readable = readable,
            Reason = reason,
        };
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

    private static SensorReading Base(SdrSensor sensor, ReadingFactors? factors, SensorThresholdsData? live, SensorInterpretOptions options)
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
            Status = SensorStatus.Unavailable,
            Thresholds = analog && sensor.IsThresholdBased ? ConvertThresholds(full!, factors, live) : SensorThresholds.Empty,
            EntityId = sensor.EntityId,
            EntityInstance = sensor.EntityInstance,
            IsThresholdBased = sensor.IsThresholdBased,
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

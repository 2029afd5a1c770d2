using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Sensors;

/// <summary>
/// What a numeric reading measures, decided once from its unit codes and sensor type. Every output maps from
/// this one value (Prometheus family, OTLP <c>hw.*</c> instrument); nothing downstream looks at unit text.
/// </summary>
public enum SensorKind
{
    /// <summary>Anything else, and every reading without a numeric value (discrete sensors).</summary>
    Other,

    /// <summary>Degrees Celsius.</summary>
    Temperature,

    /// <summary>Revolutions per minute.</summary>
    FanSpeed,

    /// <summary>A percentage reported by a sensor of type Fan; the value is a ratio 0..1 in the outputs.</summary>
    FanRatio,

    /// <summary>Volts.</summary>
    Voltage,

    /// <summary>Amperes.</summary>
    Current,

    /// <summary>Watts.</summary>
    Power,
}

/// <summary>The one place a unit becomes a <see cref="SensorKind"/>.</summary>
public static class SensorKinds
{
    /// <summary>Sensor type "Fan" (IPMI v2.0 Table 42-3).</summary>
    public const byte FanSensorType = 0x04;

    /// <summary>
    /// Classifies a numeric reading the way ipmi_exporter picks a family from FreeIPMI's unit abbreviation
    /// (<c>C</c>, <c>RPM</c>, <c>V</c>, <c>A</c>, <c>W</c>; <c>%</c> only for fans): a unit with a modifier
    /// (<c>Volts/second</c>) or another base unit
    /// (the same rule as <see cref="SensorUnits.Abbreviation"/>) is <see cref="SensorKind.Other"/>. Base unit codes from
    /// IPMI v2.0 §43.17 Table 43-15.
    /// </summary>
    public static SensorKind Classify(SensorUnits units, byte sensorType)
    {
        if (units.IsPercentage)
        {
            return sensorType == FanSensorType ? SensorKind.FanRatio : SensorKind.Other;
        }

        if (units.Relation != ModifierUnitRelation.None)
        {
            return SensorKind.Other;
        }

        return units.BaseUnit switch
        {
            1 => SensorKind.Temperature,
            4 => SensorKind.Voltage,
            5 => SensorKind.Current,
            6 => SensorKind.Power,
            18 => SensorKind.FanSpeed,
            _ => SensorKind.Other,
        };
    }
}

using BmcExporter.Ipmi.Tables;

namespace BmcExporter.Ipmi.Sdr;

/// <summary>
/// Sensor units: the "sensor units 1" byte (data format, rate, modifier relation, percentage) and the base and
/// modifier unit codes (IPMI v2.0 §43.1 bytes 21-23; protocol reference §4.2, §4.10).
/// </summary>
public readonly record struct SensorUnits(byte Units1, byte BaseUnit, byte ModifierUnit)
{
    public AnalogDataFormat Format => (AnalogDataFormat)(Units1 >> 6);

    public RateUnit Rate => (RateUnit)((Units1 >> 3) & 0x07);

    public ModifierUnitRelation Relation => (ModifierUnitRelation)((Units1 >> 1) & 0x03);

    public bool IsPercentage => (Units1 & 0x01) != 0;

    public static SensorUnits Create(
        byte baseUnit,
        AnalogDataFormat format = AnalogDataFormat.Unsigned,
        RateUnit rate = RateUnit.None,
        ModifierUnitRelation relation = ModifierUnitRelation.None,
        byte modifierUnit = 0,
        bool percentage = false)
    {
        var units1 = (byte)(((byte)format << 6) | (((byte)rate & 0x07) << 3) | (((byte)relation & 0x03) << 1) | (percentage ? 1 : 0));
        return new SensorUnits(units1, baseUnit, modifierUnit);
    }

    /// <summary>
    /// The unit as ipmitool prints it: "degrees C", "RPM", "Volts", "percent" for a bare percentage,
    /// "% Watts", "Volts/second"-style compound units. The rate unit, which ipmitool does not print, is
    /// in <see cref="Description"/>.
    /// </summary>
    public override string ToString()
    {
        var baseName = UnitNames.Name(BaseUnit);
        var pct = IsPercentage ? "% " : string.Empty;
        return Relation switch
        {
            ModifierUnitRelation.Multiply => $"{pct}{baseName} * {UnitNames.Name(ModifierUnit)}",
            ModifierUnitRelation.Divide => $"{pct}{baseName}/{UnitNames.Name(ModifierUnit)}",
            _ when BaseUnit == 0 && IsPercentage => "percent",
            _ => pct + baseName,
        };
    }

    /// <summary>
    /// The unit as FreeIPMI abbreviates it, which is what ipmi_exporter's families and <c>unit</c> labels use:
    /// <c>C</c>, <c>F</c>, <c>K</c>, <c>V</c>, <c>A</c>, <c>W</c>, <c>J</c>, <c>%</c> for any percentage, empty for
    /// "unspecified"; other and compound units keep the <see cref="ToString"/> spelling.
    /// </summary>
    public string Abbreviation
    {
        get
        {
            if (IsPercentage)
            {
                return "%";
            }

            if (Relation != ModifierUnitRelation.None)
            {
                return ToString();
            }

            return BaseUnit switch
            {
                0 => string.Empty,
                1 => "C",
                2 => "F",
                3 => "K",
                4 => "V",
                5 => "A",
                6 => "W",
                7 => "J",
                _ => UnitNames.Name(BaseUnit),
            };
        }
    }

    /// <summary>The full unit including the rate unit, e.g. "Joules per second".</summary>
    public string Description => Rate switch
    {
        RateUnit.None => ToString(),
        _ => $"{this} per {UnitNames.RateName(Rate)}",
    };
}

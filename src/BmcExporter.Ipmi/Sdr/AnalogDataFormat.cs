namespace BmcExporter.Ipmi.Sdr;

/// <summary>Analog (numeric) data format, bits 7:6 of sensor units 1 (IPMI v2.0 §43.1, table 43-1 byte 21).</summary>
public enum AnalogDataFormat : byte
{
    Unsigned = 0,
    OnesComplement = 1,
    TwosComplement = 2,

    /// <summary>The sensor has no numeric reading.</summary>
    None = 3,
}

/// <summary>Rate unit, bits 5:3 of sensor units 1.</summary>
public enum RateUnit : byte
{
    None = 0,
    PerMicrosecond = 1,
    PerMillisecond = 2,
    PerSecond = 3,
    PerMinute = 4,
    PerHour = 5,
    PerDay = 6,
}

/// <summary>How the modifier unit combines with the base unit, bits 2:1 of sensor units 1.</summary>
public enum ModifierUnitRelation : byte
{
    None = 0,

    /// <summary>Base unit / modifier unit.</summary>
    Divide = 1,

    /// <summary>Base unit * modifier unit.</summary>
    Multiply = 2,
}

/// <summary>Linearization function codes, SDR byte 24 (IPMI v2.0 §36.3, §43.1).</summary>
public enum Linearization : byte
{
    Linear = 0x00,
    Ln = 0x01,
    Log10 = 0x02,
    Log2 = 0x03,
    Exp = 0x04,
    Exp10 = 0x05,
    Exp2 = 0x06,
    Inverse = 0x07,
    Square = 0x08,
    Cube = 0x09,
    SquareRoot = 0x0A,
    CubeRoot = 0x0B,

    /// <summary>Non-linear: factors come from Get Sensor Reading Factors (0x71-0x7F are OEM non-linear).</summary>
    NonLinear = 0x70,
}

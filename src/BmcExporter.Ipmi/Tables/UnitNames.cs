using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Tables;

/// <summary>Sensor unit type codes (IPMI v2.0 §43.17 table 43-15), spelled as ipmitool prints them.</summary>
public static class UnitNames
{
    private static readonly string[] Names =
    [
        "unspecified", "degrees C", "degrees F", "degrees K", "Volts", "Amps", "Watts", "Joules",
        "Coulombs", "VA", "Nits", "lumen", "lux", "Candela", "kPa", "PSI",
        "Newton", "CFM", "RPM", "Hz", "microsecond", "millisecond", "second", "minute",
        "hour", "day", "week", "mil", "inches", "feet", "cu in", "cu feet",
        "mm", "cm", "m", "cu cm", "cu m", "liters", "fluid ounce", "radians",
        "steradians", "revolutions", "cycles", "gravities", "ounce", "pound", "ft-lb", "oz-in",
        "gauss", "gilberts", "henry", "millihenry", "farad", "microfarad", "ohms", "siemens",
        "mole", "becquerel", "PPM", "reserved", "Decibels", "DbA", "DbC", "gray",
        "sievert", "color temp deg K", "bit", "kilobit", "megabit", "gigabit", "byte", "kilobyte",
        "megabyte", "gigabyte", "word", "dword", "qword", "line", "hit", "miss",
        "retry", "reset", "overflow", "underrun", "collision", "packets", "messages", "characters",
        "error", "correctable error", "uncorrectable error", "fatal error", "grams",
    ];

    public static string Name(byte code) => code < Names.Length ? Names[code] : "unknown";

    /// <summary>Rate unit names (sensor units 1 bits 5:3).</summary>
    public static string RateName(RateUnit rate) => rate switch
    {
        RateUnit.PerMicrosecond => "microsecond",
        RateUnit.PerMillisecond => "millisecond",
        RateUnit.PerSecond => "second",
        RateUnit.PerMinute => "minute",
        RateUnit.PerHour => "hour",
        RateUnit.PerDay => "day",
        _ => string.Empty,
    };
}

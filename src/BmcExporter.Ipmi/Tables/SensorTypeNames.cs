using System.Globalization;

namespace BmcExporter.Ipmi.Tables;

/// <summary>
/// Sensor type codes (IPMI v2.0 §42.2 table 42-3): <see cref="Name"/> as FreeIPMI prints them (and so as
/// ipmi_exporter labels them), and <see cref="TryParse"/> for names and numbers as people write them in filters,
/// in FreeIPMI's, ipmitool's or the spec's spelling.
/// </summary>
public static class SensorTypeNames
{
    /// <summary>The first OEM sensor type code (table 42-3: C0h-FFh are OEM reserved).</summary>
    public const byte FirstOem = 0xC0;

    /// <summary>Name of codes 2Dh-BFh, which table 42-3 does not assign (FreeIPMI's word).</summary>
    public const string Unrecognized = "Unrecognized";

    /// <summary>Name of the OEM codes C0h-FFh (FreeIPMI's word).</summary>
    public const string OemReserved = "OEM Reserved";

    // FreeIPMI's names (libfreeipmi ipmi_sensor_types, printed by ipmi-sensors and ipmimonitoring), by code.
    private static readonly string[] Names =
    [
        "Reserved", "Temperature", "Voltage", "Current", "Fan", "Physical Security",
        "Platform Security Violation Attempt", "Processor", "Power Supply", "Power Unit", "Cooling Device",
        "Other Units Based Sensor", "Memory", "Drive Slot", "POST Memory Resize", "System Firmware Progress",
        "Event Logging Disabled", "Watchdog 1", "System Event", "Critical Interrupt", "Button/Switch",
        "Module/Board", "Microcontroller/Coprocessor", "Add In Card", "Chassis", "Chip Set", "Other Fru",
        "Cable/Interconnect", "Terminator", "System Boot Initiated", "Boot Error", "OS Boot", "OS Critical Stop",
        "Slot/Connector", "System ACPI Power State", "Watchdog 2", "Platform Alert", "Entity Presence",
        "Monitor ASIC/IC", "LAN", "Management Subsystem Health", "Battery", "Session Audit", "Version Change",
        "FRU State",
    ];

    // ipmitool's names (accepted in filters), same codes as Names.
    private static readonly string[] IpmitoolNames =
    [
        "reserved", "Temperature", "Voltage", "Current", "Fan", "Physical Security", "Platform Security",
        "Processor", "Power Supply", "Power Unit", "Cooling Device", "Other", "Memory", "Drive Slot / Bay",
        "POST Memory Resize", "System Firmwares", "Event Logging Disabled", "Watchdog1", "System Event",
        "Critical Interrupt", "Button", "Module / Board", "Microcontroller", "Add-in Card", "Chassis",
        "Chip Set", "Other FRU", "Cable / Interconnect", "Terminator", "System Boot Initiated", "Boot Error",
        "OS Boot", "OS Critical Stop", "Slot / Connector", "System ACPI Power State", "Watchdog2",
        "Platform Alert", "Entity Presence", "Monitor ASIC", "LAN", "Management Subsystem Health", "Battery",
        "Session Audit", "Version Change", "FRU State",
    ];

    private static readonly Dictionary<string, byte> ByKey = BuildIndex();

    /// <summary>FreeIPMI's name of a sensor type code: "Reserved", a table 42-3 name, "OEM Reserved" or "Unrecognized".</summary>
    public static string Name(byte code) => code switch
    {
        < 0x2D => Names[code],
        >= FirstOem => OemReserved,
        _ => Unrecognized,
    };

    /// <summary>
    /// Resolves a sensor type as FreeIPMI's <c>--sensor-types</c> does: a number (decimal, <c>0x</c> hex or
    /// leading-<c>0</c> octal, like C <c>strtol</c> with base 0), or a name in ipmitool's or FreeIPMI's spelling,
    /// matched ignoring case, spaces, <c>_</c>, <c>-</c> and <c>/</c>. <c>OEM_Reserved</c> (or <c>OEM</c>) stands for
    /// every OEM code, so the result is a range: <paramref name="first"/>..<paramref name="last"/>, one code for any other name.
    /// </summary>
    public static bool TryParse(string text, out byte first, out byte last)
    {
        first = last = 0;
        var s = text.Trim();
        if (TryParseNumber(s, out first))
        {
            last = first;
            return true;
        }

        var key = Normalize(s);
        if (key is "oemreserved" or "oem")
        {
            (first, last) = (FirstOem, byte.MaxValue);
            return true;
        }

        if (ByKey.TryGetValue(key, out first))
        {
            last = first;
            return true;
        }

        return false;
    }

    private static bool TryParseNumber(string s, out byte code)
    {
        code = 0;
        if (s.Length == 0 || !char.IsAsciiDigit(s[0]))
        {
            return false;
        }

        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return byte.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code);
        }

        if (s.Length > 1 && s[0] == '0')
        {
            // C strtol base 0: a leading zero means octal.
            var value = 0;
            foreach (var c in s.AsSpan(1))
            {
                if (c is < '0' or > '7' || (value = (value * 8) + (c - '0')) > byte.MaxValue)
                {
                    return false;
                }
            }

            code = (byte)value;
            return true;
        }

        return byte.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out code);
    }

    private static Dictionary<string, byte> BuildIndex()
    {
        var index = new Dictionary<string, byte>(StringComparer.Ordinal);
        for (var i = 1; i < Names.Length; i++)
        {
            index[Normalize(Names[i])] = (byte)i;
            index[Normalize(IpmitoolNames[i])] = (byte)i;
        }

        // Spec spellings of table 42-3 that neither tool prints.
        index["watchdog"] = 0x23;
        index["platformsecurity"] = 0x06;
        index["otherunitsbased"] = 0x0B;
        index["systemfirmwareprogress"] = 0x0F;
        index["buttonswitch"] = 0x14;
        index["microcontrollercoprocessor"] = 0x16;
        index["monitorasicic"] = 0x26;
        index["chassisintrusion"] = 0x05;
        return index;
    }

    private static string Normalize(string s) =>
        string.Concat(s.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant));
}

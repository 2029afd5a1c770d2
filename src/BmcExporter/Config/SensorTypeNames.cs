namespace BmcExporter.Config;

/// <summary>
/// Sensor type names accepted in <c>exclude_types</c> (IPMI v2.0 §42.2, Table 42-3). Matching ignores case,
/// spaces, underscores and hyphens, so "Power Supply", "power_supply" and "PowerSupply" are the same.
/// Numbers (decimal or 0x hex) are accepted too, including OEM codes 0xC0-0xFF.
/// </summary>
public static class SensorTypeNames
{
    private static readonly string[] Names =
    [
        "reserved", "temperature", "voltage", "current", "fan", "physical security", "platform security",
        "processor", "power supply", "power unit", "cooling device", "other units based sensor", "memory",
        "drive slot", "post memory resize", "system firmware progress", "event logging disabled", "watchdog 1",
        "system event", "critical interrupt", "button switch", "module board", "microcontroller coprocessor",
        "add in card", "chassis", "chip set", "other fru", "cable interconnect", "terminator",
        "system boot initiated", "boot error", "os boot", "os critical stop", "slot connector",
        "system acpi power state", "watchdog 2", "platform alert", "entity presence", "monitor asic ic",
        "lan", "management subsystem health", "battery", "session audit", "version change", "fru state",
    ];

    private static readonly Dictionary<string, byte> ByKey = BuildIndex();

    /// <summary>Resolves a name or number to a type code; <c>false</c> when unknown or out of range.</summary>
    public static bool TryParse(string text, out byte code)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && byte.TryParse(trimmed.AsSpan(2), System.Globalization.NumberStyles.HexNumber, null, out code))
        {
            return true;
        }

        if (byte.TryParse(trimmed, System.Globalization.NumberStyles.None, null, out code))
        {
            return true;
        }

        return ByKey.TryGetValue(Normalize(trimmed), out code);
    }

    /// <summary>The spec name of a type code, or <c>OEM 0xNN</c>.</summary>
    public static string Describe(byte code) => code switch
    {
        > 0 when code < Names.Length => Names[code],
        >= 0xC0 => $"OEM 0x{code:X2}",
        _ => $"0x{code:X2}",
    };

    private static Dictionary<string, byte> BuildIndex()
    {
        var index = new Dictionary<string, byte>(StringComparer.Ordinal);
        for (var i = 1; i < Names.Length; i++)
        {
            index[Normalize(Names[i])] = (byte)i;
        }

        // Common aliases (FreeIPMI and ipmitool spellings).
        index["watchdog"] = 0x23;
        index["intrusion"] = 0x05;
        index["chassisintrusion"] = 0x05;
        index["fanspeed"] = 0x04;
        index["microcontroller"] = 0x16;
        index["otherunitsbased"] = 0x0B;
        index["systemacpipowerstate"] = 0x22;
        index["drivebay"] = 0x0D;
        index["platformsecurityviolationattempt"] = 0x06;
        index["systembootrestartinitiated"] = 0x1D;
        index["baseosbootinstallationstatus"] = 0x1F;
        index["osstopshutdown"] = 0x20;
        return index;
    }

    private static string Normalize(string s)
    {
        Span<char> buffer = stackalloc char[Math.Min(s.Length, 128)];
        var n = 0;
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c) && n < buffer.Length)
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }
}

namespace BmcExporter.Ipmi.Tables;

/// <summary>Sensor type codes (IPMI v2.0 §42.2 table 42-3), named as ipmitool prints them.</summary>
public static class SensorTypeNames
{
    private static readonly string[] Names =
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

    public static string Name(byte code) => code switch
    {
        < 0x2D => Names[code],
        >= 0xC0 => "OEM",
        _ => "unknown",
    };
}

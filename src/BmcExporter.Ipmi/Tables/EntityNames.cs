namespace BmcExporter.Ipmi.Tables;

/// <summary>Entity ID codes (IPMI v2.0 §43.14 table 43-13, DCMI additions 0x40-0x42).</summary>
public static class EntityNames
{
    private static readonly string[] Names =
    [
        "Unspecified", "Other", "Unknown", "Processor", "Disk or Disk Bay", "Peripheral Bay",
        "System Management Module", "System Board", "Memory Module", "Processor Module", "Power Supply",
        "Add-in Card", "Front Panel Board", "Back Panel Board", "Power System Board", "Drive Backplane",
        "System Internal Expansion Board", "Other System Board", "Processor Board", "Power Unit",
        "Power Module", "Power Management", "Chassis Back Panel Board", "System Chassis", "Sub-Chassis",
        "Other Chassis Board", "Disk Drive Bay", "Peripheral Bay", "Device Bay", "Fan Device",
        "Cooling Unit", "Cable/Interconnect", "Memory Device", "System Management Software",
        "System Firmware", "Operating System", "System Bus", "Group", "Remote Management Device",
        "External Environment", "Battery", "Processing Blade", "Connectivity Switch",
        "Processor/Memory Module", "I/O Module", "Processor/IO Module", "Management Controller Firmware",
        "IPMI Channel", "PCI Bus", "PCI Express Bus", "SCSI Bus (parallel)", "SATA/SAS Bus",
        "Processor/Front-Side Bus", "Real Time Clock", "Reserved", "Air Inlet",
    ];

    public static string Name(byte code) => code switch
    {
        < 0x38 => Names[code],
        0x40 => "Air Inlet",
        0x41 => "Processor",
        0x42 => "Baseboard",
        >= 0x90 and <= 0xAF => "Chassis-specific",
        >= 0xB0 and <= 0xCF => "Board-set specific",
        >= 0xD0 => "OEM",
        _ => "Reserved",
    };
}

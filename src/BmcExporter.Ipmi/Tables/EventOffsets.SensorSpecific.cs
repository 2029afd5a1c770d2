namespace BmcExporter.Ipmi.Tables;

// Sensor-specific offsets, IPMI v2.0 §42.2 table 42-3 (event/reading type 0x6F).
public static partial class EventOffsets
{
    // Built once: the switch below makes a new array each time it runs, and a reading of a sensor-specific
    // sensor looks a name up for every asserted offset.
    private static readonly string?[]?[] SensorSpecificTables = Enumerable.Range(0, 256).Select(t => BuildSensorSpecificTable((byte)t)).ToArray();

    private static string?[]? SensorSpecificTable(byte sensorType) => SensorSpecificTables[sensorType];

    private static string?[]? BuildSensorSpecificTable(byte sensorType) => sensorType switch
    {
        0x05 =>
        [
            "General Chassis intrusion", "Drive Bay intrusion", "I/O Card area intrusion",
            "Processor area intrusion", "System unplugged from LAN", "Unauthorized dock", "FAN area intrusion",
        ],
        0x06 =>
        [
            "Front Panel Lockout violation attempted", "Pre-boot password violation - user password",
            "Pre-boot password violation - setup password", "Pre-boot password violation - network boot password",
            "Other pre-boot password violation", "Out-of-band access password violation",
        ],
        0x07 =>
        [
            "IERR", "Thermal Trip", "FRB1/BIST failure", "FRB2/Hang in POST failure",
            "FRB3/Processor startup/init failure", "Configuration Error", "SM BIOS Uncorrectable CPU-complex Error",
            "Presence detected", "Disabled", "Terminator presence detected", "Throttled",
            "Uncorrectable machine check exception", "Correctable machine check error",
        ],
        0x08 =>
        [
            "Presence detected", "Failure detected", "Predictive failure", "Power Supply AC lost",
            "AC lost or out-of-range", "AC out-of-range, but present", "Config Error", "Power Supply Inactive",
        ],
        0x09 =>
        [
            "Power off/down", "Power cycle", "240VA power down", "Interlock power down", "AC lost",
            "Soft-power control failure", "Failure detected", "Predictive failure",
        ],
        0x0C =>
        [
            "Correctable ECC", "Uncorrectable ECC", "Parity", "Memory Scrub Failed", "Memory Device Disabled",
            "Correctable ECC logging limit reached", "Presence Detected", "Configuration Error", "Spare",
            "Throttled", "Critical Overtemperature",
        ],
        0x0D =>
        [
            "Drive Present", "Drive Fault", "Predictive Failure", "Hot Spare", "Parity Check In Progress",
            "In Critical Array", "In Failed Array", "Rebuild In Progress", "Rebuild Aborted",
        ],
        0x0F => ["System Firmware Error", "System Firmware Hang", "System Firmware Progress"],
        0x10 =>
        [
            "Correctable memory error logging disabled", "Event logging disabled", "Log area reset/cleared",
            "All event logging disabled", "Log full", "Log almost full",
            "Correctable machine check error logging disabled",
        ],
        0x11 =>
        [
            "BIOS Reset", "OS Reset", "OS Shut Down", "OS Power Down", "OS Power Cycle", "OS NMI/Diag Interrupt",
            "OS Expired", "OS pre-timeout Interrupt",
        ],
        0x12 =>
        [
            "System Reconfigured", "OEM System boot event", "Undetermined system hardware failure",
            "Entry added to auxiliary log", "PEF Action", "Timestamp Clock Sync",
        ],
        0x13 =>
        [
            "NMI/Diag Interrupt", "Bus Timeout", "I/O Channel check NMI", "Software NMI", "PCI PERR", "PCI SERR",
            "EISA failsafe timeout", "Bus Correctable error", "Bus Uncorrectable error", "Fatal NMI",
            "Bus Fatal Error", "Bus Degraded",
        ],
        0x14 => ["Power Button pressed", "Sleep Button pressed", "Reset Button pressed", "FRU latch open", "FRU service request button"],
        0x19 => ["Soft Power Control Failure", "Thermal Trip"],
        0x1B => ["Connected", "Config Error"],
        0x1D =>
        [
            "Initiated by power up", "Initiated by hard reset", "Initiated by warm reset", "User requested PXE boot",
            "Automatic boot to diagnostic", "OS initiated hard reset", "OS initiated warm reset", "System Restart",
        ],
        0x1E =>
        [
            "No bootable media", "Non-bootable disk in drive", "PXE server not found", "Invalid boot sector",
            "Timeout waiting for selection",
        ],
        0x1F =>
        [
            "A: boot completed", "C: boot completed", "PXE boot completed", "Diagnostic boot completed",
            "CD-ROM boot completed", "ROM boot completed", "boot completed - device not specified",
            "Installation started", "Installation completed", "Installation aborted", "Installation failed",
        ],
        0x20 =>
        [
            "Stop during OS load/init", "Run-time stop", "OS graceful stop", "OS graceful shutdown",
            "PEF initiated soft shutdown", "Agent not responding",
        ],
        0x21 =>
        [
            "Fault Status", "Identify Status", "Device Installed", "Ready for Device Installation",
            "Ready for Device Removal", "Slot Power is Off", "Device Removal Request", "Interlock",
            "Slot is Disabled", "Spare Device",
        ],
        0x22 =>
        [
            "S0/G0: working", "S1: sleeping with system hw & processor context maintained",
            "S2: sleeping, processor context lost", "S3: sleeping, processor & hw context lost, memory retained",
            "S4: non-volatile sleep/suspend-to-disk", "S5/G2: soft-off", "S4/S5: soft-off",
            "G3: mechanical off", "Sleeping in S1/S2/S3 state", "G1: sleeping", "S5: entered by override",
            "Legacy ON state", "Legacy OFF state", null, "Unknown",
        ],
        0x23 => ["Timer expired", "Hard reset", "Power down", "Power cycle", null, null, null, null, "Timer interrupt"],
        0x24 =>
        [
            "Platform generated page", "Platform generated LAN alert", "Platform Event Trap generated",
            "Platform generated SNMP trap",
        ],
        0x25 => ["Present", "Absent", "Disabled"],
        0x27 => ["Heartbeat Lost", "Heartbeat"],
        0x28 =>
        [
            "Sensor access degraded or unavailable", "Controller access degraded or unavailable",
            "Management controller off-line", "Management controller unavailable", "Sensor failure", "FRU failure",
        ],
        0x29 => ["Low", "Failed", "Presence Detected"],
        0x2A => ["Session Activated", "Session Deactivated", "Invalid Username or Password", "Invalid password disable"],
        0x2B =>
        [
            "Hardware change detected", "Firmware or software change detected", "Hardware incompatibility detected",
            "Firmware or software incompatibility detected", "Invalid or unsupported hardware version",
            "Invalid or unsupported firmware or software version", "Hardware change detected successfully",
            "Firmware or software change detected successfully",
        ],
        0x2C =>
        [
            "Not Installed", "Inactive", "Activation Requested", "Activation in Progress", "Active",
            "Deactivation Requested", "Deactivation in Progress", "Communication lost",
        ],
        _ => null,
    };
}

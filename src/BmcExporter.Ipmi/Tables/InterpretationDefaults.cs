namespace BmcExporter.Ipmi.Tables;

/// <summary>
/// One group of FreeIPMI's default sensor interpretation: the states a sensor of <see cref="SensorType"/> with
/// event/reading type <see cref="EventReadingType"/> can assert, each judged Nominal (<c>N</c>), Warning (<c>W</c>)
/// or Critical (<c>C</c>). <see cref="Codes"/>[0] is the judgement when no state is asserted ("No_Event"),
/// <see cref="Codes"/>[1 + n] the judgement of offset n. <see cref="Name"/> is FreeIPMI's group name without its
/// <c>IPMI_</c> prefix (the option prefix in <c>freeipmi_interpret_sensor.conf</c>).
/// </summary>
public readonly record struct InterpretationGroup(byte SensorType, byte EventReadingType, string Codes, string Name);

/// <summary>
/// FreeIPMI 1.6.10's default sensor interpretation as data (facts from <c>freeipmi_interpret_sensor.conf(5)</c>
/// and the defaults the library applies when that file is empty, as Debian ships it). This is what
/// <c>ipmimonitoring --output-sensor-state</c> prints and so what prometheus-community ipmi_exporter exports as
/// <c>ipmi_*_state</c>. Event/reading type 0x6F is sensor-specific (IPMI v2.0 table 42-3); the others are the
/// generic types of table 42-2. A (sensor type, event/reading type) pair not listed has no interpretation:
/// its state is unknown ("N/A"). Nine groups (Power_Unit_State, Version_Change...) are applied by the library
/// but not listed in the man page.
/// </summary>
public static class InterpretationDefaults
{
    /// <summary>Threshold sensors (event/reading type 0x01): No_Event, then the comparison bits of Get Sensor
    /// Reading byte 3 in order LNC, LC, LNR, UNC, UC, UNR (IPMI v2.0 §35.14). Non-critical crossings are Nominal.</summary>
    public const string Threshold = "NNCCNCC";

    /// <summary>Every generic (0x02-0x0C) and sensor-specific (0x6F) group FreeIPMI interprets.</summary>
    public static IReadOnlyList<InterpretationGroup> Groups { get; } =
    [
        new(0x01, 0x03, "NNW", "Temperature_State"),
        new(0x01, 0x05, "NNC", "Temperature_Limit"),
        new(0x01, 0x07, "NNWCCWCCWN", "Temperature_Transition_Severity"),
        new(0x02, 0x03, "NNW", "Voltage_State"),
        new(0x02, 0x05, "NNC", "Voltage_Limit"),
        new(0x02, 0x06, "NNC", "Voltage_Performance"),
        new(0x02, 0x07, "NNWCCWCCWN", "Voltage_Transition_Severity"),
        new(0x03, 0x07, "NNWCCWCCWN", "Current_Transition_Severity"),
        new(0x04, 0x03, "NNW", "Fan_State"),
        new(0x04, 0x07, "NNWCCWCCWN", "Fan_Transition_Severity"),
        new(0x04, 0x08, "NCN", "Fan_Device_Present"),
        new(0x04, 0x0A, "NNWWWWWCWC", "Fan_Transition_Availability"),
        new(0x04, 0x0B, "NNCWCCCWW", "Fan_Redundancy"),
        new(0x07, 0x03, "NNC", "Processor_State"),
        new(0x08, 0x03, "NNW", "Power_Supply_State"),
        new(0x08, 0x07, "NNWCCWCCWN", "Power_Supply_Transition_Severity"),
        new(0x08, 0x0B, "NNCWCCCWW", "Power_Supply_Redundancy"),
        new(0x09, 0x03, "NNW", "Power_Unit_State"),
        new(0x09, 0x07, "NNWCCWCCWN", "Power_Unit_Transition_Severity"),
        new(0x09, 0x08, "NCN", "Power_Unit_Device_Present"),
        new(0x09, 0x0B, "NNCWCCCWW", "Power_Unit_Redundancy"),
        new(0x0A, 0x0B, "NNCWCCCWW", "Cooling_Device_Redundancy"),
        new(0x0C, 0x03, "NNC", "Memory_State"),
        new(0x0C, 0x07, "NNWCCWCCWN", "Memory_Transition_Severity"),
        new(0x0C, 0x0B, "NNCWCCCWW", "Memory_Redundancy"),
        new(0x0D, 0x03, "NWN", "Drive_Slot_State"),
        new(0x0D, 0x04, "NNC", "Drive_Slot_Predictive_Failure"),
        new(0x0D, 0x07, "NNWCCWCCWN", "Drive_Slot_Transition_Severity"),
        new(0x0D, 0x08, "NCN", "Drive_Slot_Device_Present"),
        new(0x0E, 0x03, "NNW", "POST_Memory_Resize_State"),
        new(0x0F, 0x03, "NNW", "System_Firmware_Progress_State"),
        new(0x0F, 0x08, "NCN", "System_Firmware_Progress_Device_Present"),
        new(0x0F, 0x07, "NNWCCWCCWN", "System_Firmware_Progress_Transition_Severity"),
        new(0x12, 0x02, "NNNN", "System_Event_Transition_State"),
        new(0x12, 0x03, "NNW", "System_Event_State"),
        new(0x12, 0x07, "NNWCCWCCWN", "System_Event_Transition_Severity"),
        new(0x14, 0x03, "NNN", "Button_Switch_State"),
        new(0x14, 0x07, "NNWCCWCCWN", "Button_Switch_Transition_Severity"),
        new(0x15, 0x03, "NNC", "Module_Board_State"),
        new(0x15, 0x08, "NCN", "Module_Board_Device_Present"),
        new(0x18, 0x07, "NNWCCWCCWN", "Chassis_Transition_Severity"),
        new(0x19, 0x07, "NNWCCWCCWN", "Chip_Set_Transition_Severity"),
        new(0x1B, 0x07, "NNWCCWCCWN", "Cable_Interconnect_Transition_Severity"),
        new(0x1E, 0x03, "NNC", "Boot_Error_State"),
        new(0x1E, 0x07, "NNWCCWCCWN", "Boot_Error_Transition_Severity"),
        new(0x20, 0x03, "NNC", "OS_Critical_Stop_State"),
        new(0x21, 0x07, "NNWCCWCCWN", "Slot_Connector_Transition_Severity"),
        new(0x24, 0x03, "NNC", "Platform_Alert_State"),
        new(0x25, 0x08, "NCN", "Entity_Presence_Device_Present"),
        new(0x28, 0x07, "NNWCCWCCWN", "Management_Subsystem_Health_Transition_Severity"),
        new(0x28, 0x08, "NCN", "Management_Subsystem_Health_Device_Present"),
        new(0x05, 0x6F, "NCCCCCCC", "Physical_Security"),
        new(0x06, 0x6F, "NCCCCCC", "Platform_Security_Violation_Attempt"),
        new(0x07, 0x6F, "NCCCCCCCNCCWCW", "Processor"),
        new(0x08, 0x6F, "NNCCCCCCW", "Power_Supply"),
        new(0x09, 0x6F, "NNNWWCCCC", "Power_Unit"),
        new(0x0C, 0x6F, "NWCCCCWNCNWC", "Memory"),
        new(0x0D, 0x6F, "NNCCNNCCNC", "Drive_Slot"),
        new(0x0F, 0x6F, "NCCN", "System_Firmware_Progress"),
        new(0x10, 0x6F, "NCCNCCWC", "Event_Logging_Disabled"),
        new(0x12, 0x6F, "NWNCNNW", "System_Event"),
        new(0x13, 0x6F, "NCCCWCCCWCCCW", "Critical_Interrupt"),
        new(0x14, 0x6F, "NNNNWW", "Button_Switch"),
        new(0x1B, 0x6F, "NNC", "Cable_Interconnect"),
        new(0x1E, 0x6F, "NCCCCW", "Boot_Error"),
        new(0x1F, 0x6F, "NNNNNNNWNNWC", "OS_Boot"),
        new(0x21, 0x6F, "NCWNNNNWWWN", "Slot_Connector"),
        new(0x22, 0x6F, "NNNNNNNNNNNNNNCC", "System_ACPI_Power_State"),
        new(0x23, 0x6F, "NWCCCNNNNW", "Watchdog2"),
        new(0x25, 0x6F, "NNCC", "Entity_Presence"),
        new(0x28, 0x6F, "NCCCCCC", "Management_Subsystem_Health"),
        new(0x29, 0x6F, "NWCN", "Battery"),
        new(0x2A, 0x6F, "NNNWC", "Session_Audit"),
        new(0x2B, 0x6F, "NWWCCCCNN", "Version_Change"),
        new(0x2C, 0x6F, "NCCWWNWWC", "FRU_State"),
    ];
}

namespace BmcExporter.Ipmi.Tables;

/// <summary>
/// One group of FreeIPMI's default SEL event interpretation: for each offset n of sensors of
/// <see cref="SensorType"/> with event/reading type <see cref="EventReadingType"/>, the judgement of an assertion
/// event (<see cref="Asserted"/>[n]) and of a deassertion event (<see cref="Deasserted"/>[n]), each Nominal (<c>N</c>),
/// Warning (<c>W</c>) or Critical (<c>C</c>). <see cref="Name"/> is FreeIPMI's group name.
/// </summary>
public readonly record struct SelInterpretationGroup(byte SensorType, byte EventReadingType, string Asserted, string Deasserted, string Name);

/// <summary>
/// FreeIPMI 1.6.10's default SEL event interpretation as data (facts from <c>freeipmi_interpret_sel.conf(5)</c> and
/// the defaults libfreeipmi applies when that file is empty): what <c>ipmi-sel --output-event-state</c> prints, and so
/// the <c>state</c> label of ipmi_exporter's <c>ipmi_sel_events_count_by_state</c>. An event whose pair or offset is
/// not listed, and every non-system-event record, has no interpretation ("N/A").
/// </summary>
public static class SelInterpretationDefaults
{
    /// <summary>Threshold events (event/reading type 0x01), offsets 0-11 (IPMI v2.0 table 42-2): assertions.</summary>
    public const string ThresholdAsserted = "WNCWCCNWWCCC";

    /// <summary>Threshold events, offsets 0-11: deassertions.</summary>
    public const string ThresholdDeasserted = "NNWWCCNNWWCC";

    /// <summary>Every generic (0x02-0x0C) and sensor-specific (0x6F) group FreeIPMI interprets in the SEL.</summary>
    public static IReadOnlyList<SelInterpretationGroup> Groups { get; } =
    [
        new(0x01, 0x03, "NW", "NW", "Temperature_State"),
        new(0x01, 0x05, "NC", "NC", "Temperature_Limit"),
        new(0x01, 0x07, "NWCCWCCWN", "NWCCWCCWN", "Temperature_Transition_Severity"),
        new(0x02, 0x03, "NW", "NW", "Voltage_State"),
        new(0x02, 0x05, "NC", "NC", "Voltage_Limit"),
        new(0x02, 0x06, "NC", "NW", "Voltage_Performance"),
        new(0x02, 0x07, "NWCCWCCWN", "NWCCWCCWN", "Voltage_Transition_Severity"),
        new(0x03, 0x07, "NWCCWCCWN", "NWCCWCCWN", "Current_Transition_Severity"),
        new(0x04, 0x03, "NW", "NW", "Fan_State"),
        new(0x04, 0x07, "NWCCWCCWN", "NWCCWCCWN", "Fan_Transition_Severity"),
        new(0x04, 0x08, "CN", "CN", "Fan_Device_Present"),
        new(0x04, 0x0A, "NWWWWWCWC", "NWWWWWWWC", "Fan_Transition_Availability"),
        new(0x04, 0x0B, "NCWCCCWW", "NWWWWWWW", "Fan_Redundancy"),
        new(0x07, 0x03, "NC", "NC", "Processor_State"),
        new(0x08, 0x03, "NW", "NW", "Power_Supply_State"),
        new(0x08, 0x07, "NWCCWCCWN", "NWCCWCCWN", "Power_Supply_Transition_Severity"),
        new(0x08, 0x0B, "NCWCCCWW", "NWWWWWWW", "Power_Supply_Redundancy"),
        new(0x09, 0x03, "NW", "NW", "Power_Unit_State"),
        new(0x09, 0x07, "NWCCWCCWN", "NWCCWCCWN", "Power_Unit_Transition_Severity"),
        new(0x09, 0x08, "CN", "CN", "Power_Unit_Device_Present"),
        new(0x09, 0x0B, "NCWCCCWW", "NWWWWWWW", "Power_Unit_Redundancy"),
        new(0x0A, 0x0B, "NCWCCCWW", "NWWWWWWW", "Cooling_Device_Redundancy"),
        new(0x0C, 0x03, "NC", "NC", "Memory_State"),
        new(0x0C, 0x07, "NWCCWCCWN", "NWCCWCCWN", "Memory_Transition_Severity"),
        new(0x0C, 0x0B, "NCWCCCWW", "NWWWWWWW", "Memory_Redundancy"),
        new(0x0D, 0x03, "WN", "WN", "Drive_Slot_State"),
        new(0x0D, 0x04, "NC", "NC", "Drive_Slot_Predictive_Failure"),
        new(0x0D, 0x07, "NWCCWCCWN", "NWCCWCCWN", "Drive_Slot_Transition_Severity"),
        new(0x0D, 0x08, "CN", "CN", "Drive_Slot_Device_Present"),
        new(0x0E, 0x03, "NW", "NW", "POST_Memory_Resize_State"),
        new(0x0F, 0x03, "NW", "NW", "System_Firmware_Progress_State"),
        new(0x0F, 0x08, "CN", "CN", "System_Firmware_Progress_Device_Present"),
        new(0x0F, 0x07, "NWCCWCCWN", "NWCCWCCWN", "System_Firmware_Progress_Transition_Severity"),
        new(0x12, 0x02, "", "", "System_Event_Transition_State"),
        new(0x12, 0x03, "NW", "NW", "System_Event_State"),
        new(0x12, 0x07, "NWCCWCCWN", "NWCCWCCWN", "System_Event_Transition_Severity"),
        new(0x14, 0x03, "NN", "NN", "Button_Switch_State"),
        new(0x14, 0x07, "NWCCWCCWN", "NWCCWCCWN", "Button_Switch_Transition_Severity"),
        new(0x15, 0x03, "NC", "NC", "Module_Board_State"),
        new(0x15, 0x08, "CN", "CN", "Module_Board_Device_Present"),
        new(0x18, 0x07, "NWCCWCCWN", "NWCCWCCWN", "Chassis_Transition_Severity"),
        new(0x19, 0x07, "NWCCWCCWN", "NWCCWCCWN", "Chip_Set_Transition_Severity"),
        new(0x1B, 0x07, "NWCCWCCWN", "NWCCWCCWN", "Cable_Interconnect_Transition_Severity"),
        new(0x1E, 0x03, "NC", "NC", "Boot_Error_State"),
        new(0x1E, 0x07, "NWCCWCCWN", "NWCCWCCWN", "Boot_Error_Transition_Severity"),
        new(0x20, 0x03, "NC", "NC", "OS_Critical_Stop_State"),
        new(0x21, 0x07, "NWCCWCCWN", "NWCCWCCWN", "Slot_Connector_Transition_Severity"),
        new(0x24, 0x03, "NC", "NC", "Platform_Alert_State"),
        new(0x25, 0x08, "CN", "CN", "Entity_Presence_Device_Present"),
        new(0x28, 0x07, "NWCCWCCWN", "NWCCWCCWN", "Management_Subsystem_Health_Transition_Severity"),
        new(0x28, 0x08, "CN", "CN", "Management_Subsystem_Health_Device_Present"),
        new(0x05, 0x6F, "CCCCCCC", "CCCCCCC", "Physical_Security"),
        new(0x06, 0x6F, "CCCCCC", "CCCCCC", "Platform_Security_Violation_Attempt"),
        new(0x07, 0x6F, "CCCCCCCNCCWCW", "CCCCCCCNCCWCW", "Processor"),
        new(0x08, 0x6F, "NCCCCCCW", "NCCWWWCW", "Power_Supply"),
        new(0x09, 0x6F, "NNWWCCCC", "NNNWWCCC", "Power_Unit"),
        new(0x0C, 0x6F, "WCCCCWNCNWC", "WCCCCWNCNWC", "Memory"),
        new(0x0D, 0x6F, "NCCNNCCNC", "NCCNNCCNC", "Drive_Slot"),
        new(0x0F, 0x6F, "CCN", "CCN", "System_Firmware_Progress"),
        new(0x10, 0x6F, "CCNCCWC", "CCNCCWC", "Event_Logging_Disabled"),
        new(0x12, 0x6F, "WNCNNW", "WNCNNW", "System_Event"),
        new(0x13, 0x6F, "CCCWCCCWCCCW", "CCCWCCCWCCCW", "Critical_Interrupt"),
        new(0x14, 0x6F, "NNNWW", "NNNWW", "Button_Switch"),
        new(0x19, 0x6F, "CC", "CC", "Chip_Set"),
        new(0x1B, 0x6F, "NC", "NC", "Cable_Interconnect"),
        new(0x1D, 0x6F, "NNNNNWWN", "NNNNNWWN", "System_Boot_Initiated"),
        new(0x1E, 0x6F, "CCCCW", "CCCCW", "Boot_Error"),
        new(0x1F, 0x6F, "NNNNNNWNNWC", "NNNNNNWNNWC", "OS_Boot"),
        new(0x20, 0x6F, "CCWWWC", "CCWWWC", "OS_Critical_Stop"),
        new(0x21, 0x6F, "CWNNNNWWWN", "CWNNNNWWWN", "Slot_Connector"),
        new(0x22, 0x6F, "NNNNNNNNNNNNNCC", "NNNNNNNNNNNNNCC", "System_ACPI_Power_State"),
        new(0x23, 0x6F, "WCCCNNNNW", "WCCCNNNNW", "Watchdog2"),
        new(0x24, 0x6F, "NNNN", "NNNN", "Platform_Alert"),
        new(0x25, 0x6F, "NCC", "NCC", "Entity_Presence"),
        new(0x27, 0x6F, "NW", "NW", "LAN"),
        new(0x28, 0x6F, "CCCCCC", "CCCCCC", "Management_Subsystem_Health"),
        new(0x29, 0x6F, "WCN", "WCN", "Battery"),
        new(0x2A, 0x6F, "NNWC", "NNWC", "Session_Audit"),
        new(0x2B, 0x6F, "WWCCCCNN", "WWCCCCNN", "Version_Change"),
        new(0x2C, 0x6F, "CCWWNWWC", "CCWWNWWC", "FRU_State"),
    ];
}

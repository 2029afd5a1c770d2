namespace BmcExporter.Ipmi.Commands;

/// <summary>
/// The Last Power Event byte of Get Chassis Status (IPMI v2.0 §28.2, table 28-3, byte 3): why power last went
/// down or came up. Bits 0-4 are set by the BMC; bits 7:5 are reserved.
/// </summary>
public static class LastPowerEvent
{
    /// <summary>The <c>cause</c> label values by bit, in bit order.</summary>
    public static IReadOnlyList<(byte Bit, string Cause)> Causes { get; } =
    [
        (0x01, "ac_failed"),
        (0x02, "power_overload"),
        (0x04, "power_interlock"),
        (0x08, "power_fault"),
        (0x10, "ipmi_command"),
    ];

    /// <summary>The causes set in <paramref name="lastPowerEvent"/>; <c>none</c> when no bit is set.</summary>
    public static IReadOnlyList<string> Describe(byte lastPowerEvent)
    {
        var causes = Causes.Where(c => (lastPowerEvent & c.Bit) != 0).Select(c => c.Cause).ToList();
        return causes.Count > 0 ? causes : ["none"];
    }
}

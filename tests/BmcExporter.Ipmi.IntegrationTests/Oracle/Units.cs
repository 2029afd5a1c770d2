namespace BmcExporter.Ipmi.IntegrationTests.Oracle;

/// <summary>The few unit type codes the harness uses (IPMI v2.0 §43.17), named as ipmitool and FreeIPMI print them.</summary>
internal static class Units
{
    public const byte Unspecified = 0;
    public const byte DegreesC = 1;
    public const byte Volts = 4;
    public const byte Amps = 5;
    public const byte Watts = 6;
    public const byte Cfm = 17;
    public const byte Rpm = 18;
    public const byte Seconds = 22;

    public static string Name(byte code) => code switch
    {
        Unspecified => "unspecified",
        DegreesC => "degrees C",
        Volts => "Volts",
        Amps => "Amps",
        Watts => "Watts",
        Cfm => "CFM",
        Rpm => "RPM",
        Seconds => "second",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "unit not used by the harness"),
    };
}

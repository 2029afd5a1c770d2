namespace BmcExporter.Ipmi.IntegrationTests.Oracle;

internal static partial class SimBmc
{
    public const byte EventOnlyNumber = 0x50;
    public const string EventOnlyName = "Watchdog";
    public const int OemRecordManufacturer = 0x00A2B3;

    public static FruBoard Board { get; } = new(
        new DateTime(2024, 3, 15, 12, 30, 0, DateTimeKind.Utc), "Acme Boards", "X99-SIM", "BSN0001", "BP-100-01");

    public static FruProduct Product { get; } = new("Acme Corp", "SimServer 9000", "PN-9000", "1.2", "PSN0042", "ASSET-7");

    public static FruBoard SecondaryBoard { get; } = new(
        new DateTime(2023, 1, 2, 3, 4, 0, DateTimeKind.Utc), "Acme PSU", "PSU-750", "PSUSN9", "PSU-PN-1");

    public static IReadOnlyList<SelEntry> Sel { get; } =
    [
        // Threshold: CPU1 Temp upper non-critical going high (offset 7), reading 85, threshold 80.
        SelEntry.System(0x01, 2, 0x01, 0x57, 85, 80),
        // PSU1 failure detected asserted; ED2/ED3 unspecified.
        SelEntry.System(0x08, 30, 0x6F, 0x01, 0xFF, 0xFF),
        // Drive 0 fault asserted.
        SelEntry.System(0x0D, 32, 0x6F, 0x01, 0xFF, 0xFF),
        // General chassis intrusion asserted.
        SelEntry.System(0x05, 33, 0x6F, 0x00, 0xFF, 0xFF),
        // PSU2 presence deasserted (direction bit 7 set).
        SelEntry.System(0x08, 31, 0xEF, 0x00, 0xFF, 0xFF),
        // OEM timestamped (0xC0-0xDF): manufacturer 0x0A0B0C then six OEM bytes.
        new(0xC0, [0, 0, 0, 0, 0x0C, 0x0B, 0x0A, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66]),
        new(0xDF, [0, 0, 0, 0, 0x57, 0x01, 0x00, 0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x01]),
        // OEM non-timestamped (0xE0-0xFF): thirteen OEM bytes.
        new(0xE0, [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D]),
        new(0xFF, [0xF0, 0xE1, 0xD2, 0xC3, 0xB4, 0xA5, 0x96, 0x87, 0x78, 0x69, 0x5A, 0x4B, 0x3C]),
    ];

    /// <summary>Every SDR in repository order: locators and OEM first, then sensors, the event-only record last.</summary>
    public static IEnumerable<byte[]> SdrRecords()
    {
        yield return SdrBuilder.McLocator(SdrBuilder.BmcAddress, DeviceSupport, "BMC", 0x06, 1);
        yield return SdrBuilder.FruLocator(1, "PSU FRU", 0x0A, 1);
        yield return SdrBuilder.Oem(OemRecordManufacturer, [0x01, 0x02, 0x03, 0x04, 0x05]);
        foreach (AnalogSensor a in Analog)
        {
            yield return a.Sdr();
        }

        foreach (DiscreteSensor d in Discrete.Where(d => d.ShareIndex == 0))
        {
            yield return d.Sdr();
        }

        yield return SdrBuilder.EventOnly(EventOnlyNumber, EventOnlyName, 0x23, 0x6F, 0x06, 1);
        yield return SdrBuilder.Oem(0x000157, [0xAA, 0xBB]);
    }
}

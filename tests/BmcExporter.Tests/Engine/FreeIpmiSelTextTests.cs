using BmcExporter.Collectors;
using BmcExporter.Ipmi.Sel;

namespace BmcExporter.Tests.Engine;

/// <summary>
/// The <c>sel_events</c> match text against what FreeIPMI 1.6.10 <c>ipmi-sel --comma-separated-output
/// --output-event-state --interpret-oem-data</c> printed in its Event column for the same 16-byte records, planted in
/// OpenIPMI's ipmi_sim (manufacturer 4753, which FreeIPMI has no OEM interpretation for). The end-to-end check of the
/// same records against ipmi-sel itself is <c>IpmiExporterParityIntegrationTests.SelEvents_OemRecords_*</c>.
/// </summary>
public sealed class FreeIpmiSelTextTests
{
    [Theory]
    [InlineData("0700c000000000570100112233445566", "OEM defined = 11h 22h 33h 44h 55h 66h")]
    [InlineData("0800e00102030405060708090a0b0c0d", "OEM defined = 01h 02h 03h 04h 05h 06h 07h 08h 09h 0Ah 0Bh 0Ch 0Dh")]
    [InlineData("06000200000000200004070a7002ffff", "OEM Event Offset = 02h")]
    [InlineData("05000200000000200004c0096f010000", "Event Offset = 01h")]
    [InlineData("040002000000002000040c086fa01234", "Correctable ECC ; OEM Event Data2 code = 12h ; OEM Event Data3 code = 34h")]
    [InlineData("030002000000002000040c086f00ff02", "Correctable ECC")]
    [InlineData("02000200000000200004010101575a50", "Upper Non-critical - going high")]
    [InlineData("0d00020000000020000401010109ffff", "Upper Critical - going high")]
    [InlineData("0b000200000000200004070a704512ff", "OEM Event Offset = 05h ; OEM Event Data2 code = 12h")]
    public void Of_RecordIpmiSelPrinted_SameFormat(string hex, string expected)
    {
        var record = SelDecoder.Decode(Convert.FromHexString(hex));

        Assert.Equal(expected, FreeIpmiSelText.Of(record));
    }
}

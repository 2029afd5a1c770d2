using System.Globalization;
using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Ipmi.IntegrationTests.Sim;
using BmcExporter.Ipmi.IntegrationTests.Tools;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>SEL, FRU, device ID and chassis status as the reference tools see them, against the configuration.</summary>
[Collection(IpmiSimCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ReferenceToolSelFruTests(IpmiSimFixture sim)
{
    [Fact]
    public async Task IpmitoolSelVerbose_EveryEntry_MatchesConfiguredRecord()
    {
        IReadOnlyList<IReadOnlyDictionary<string, string>> blocks =
            IpmitoolBlocks.Parse(await Ipmitool.RunAsync(sim, CancellationToken.None, "sel", "list", "-v"), "SEL Record ID");

        Assert.Equal(SimBmc.Sel.Count, blocks.Count);
        for (int i = 0; i < blocks.Count; i++)
        {
            SelEntry e = SimBmc.Sel[i];
            IReadOnlyDictionary<string, string> b = blocks[i];
            Assert.Equal(i + 1, ToolValues.Hex(b["SEL Record ID"]));
            Assert.StartsWith(e.RecordType.ToString("x2", CultureInfo.InvariantCulture), b["Record Type"], StringComparison.Ordinal);
            if (e.IsSystemEvent)
            {
                Assert.Equal(e.SensorNumber, ToolValues.Hex(b["Sensor Number"]));
                Assert.Equal(e.Deassertion ? "Deassertion Event" : "Assertion Event", b["Event Direction"]);
                Assert.Equal(Convert.ToHexStringLower(e.EventData), b["Event Data"]);
            }
            else
            {
                if (e.IsOemTimestamped)
                {
                    Assert.Equal(e.ManufacturerId, ToolValues.Hex(b["Manufactacturer ID"]));
                }

                Assert.StartsWith(Convert.ToHexStringLower(e.OemData) + " ", b["OEM Defined"], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task FreeIpmiSelHexDump_EveryEntry_MatchesConfiguredBytes()
    {
        IReadOnlyList<FreeIpmiSelHexRow> rows = FreeIpmiSelHexRow.Parse(await FreeIpmi.RunAsync(sim, "ipmi-sel", CancellationToken.None, "--hex-dump"));

        Assert.Equal(SimBmc.Sel.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            SelEntry e = SimBmc.Sel[i];
            Assert.Equal(i + 1, rows[i].RecordId);
            Assert.Equal(e.RecordType, rows[i].RecordType);
            // Below 0xE0 the simulator stamps its own clock into bytes 0-3 (IPMI v2.0 §31.6.1); the rest is ours.
            int from = e.IsOemNonTimestamped ? 0 : 4;
            Assert.Equal(Convert.ToHexString(e.Body[from..]), Convert.ToHexString(rows[i].Body[from..]));
        }
    }

    [Fact]
    public async Task FreeIpmiSel_SystemEvents_NameTheConfiguredSensors()
    {
        string csv = await FreeIpmi.RunAsync(sim, "ipmi-sel", CancellationToken.None, "--comma-separated-output", "--no-header-output", "--non-abbreviated-units");
        string[][] rows = ToolValues.Lines(csv).Select(l => l.Split(',', 6)).ToArray();

        Assert.Equal(SimBmc.Sel.Count, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            SelEntry e = SimBmc.Sel[i];
            string expectedName = e.IsSystemEvent ? SimBmc.AllSensors.Single(s => s.Number == e.SensorNumber).Name : "N/A";
            Assert.Equal(expectedName, rows[i][3]);
        }
    }

    [Fact]
    public async Task IpmitoolFru_BothDevices_ShowConfiguredFields()
    {
        IReadOnlyList<IReadOnlyDictionary<string, string>> fru =
            IpmitoolBlocks.Parse(await Ipmitool.RunAsync(sim, CancellationToken.None, "fru"), "FRU Device Description");

        Assert.Equal(2, fru.Count);
        Assert.Equal("Builtin FRU Device (ID 0)", fru[0]["FRU Device Description"]);
        Assert.Equal(SimBmc.Board.Manufacturer, fru[0]["Board Mfg"]);
        Assert.Equal(SimBmc.Board.Product, fru[0]["Board Product"]);
        Assert.Equal(SimBmc.Board.Serial, fru[0]["Board Serial"]);
        Assert.Equal(SimBmc.Board.PartNumber, fru[0]["Board Part Number"]);
        Assert.Equal(SimBmc.Board.ManufacturedUtc.ToString("ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture) + " UTC",
            string.Join(' ', fru[0]["Board Mfg Date"].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(SimBmc.Product.Manufacturer, fru[0]["Product Manufacturer"]);
        Assert.Equal(SimBmc.Product.Name, fru[0]["Product Name"]);
        Assert.Equal(SimBmc.Product.PartNumber, fru[0]["Product Part Number"]);
        Assert.Equal(SimBmc.Product.Version, fru[0]["Product Version"]);
        Assert.Equal(SimBmc.Product.Serial, fru[0]["Product Serial"]);
        Assert.Equal(SimBmc.Product.AssetTag, fru[0]["Product Asset Tag"]);
        Assert.Equal("PSU FRU (ID 1)", fru[1]["FRU Device Description"]);
        Assert.Equal(SimBmc.SecondaryBoard.Product, fru[1]["Board Product"]);
        Assert.Equal(SimBmc.SecondaryBoard.Serial, fru[1]["Board Serial"]);
    }

    [Fact]
    public async Task IpmitoolMcInfo_DeviceId_MatchesConfiguration()
    {
        IReadOnlyDictionary<string, string> info = IpmitoolBlocks.Single(await Ipmitool.RunAsync(sim, CancellationToken.None, "mc", "info"));

        Assert.Equal(SimBmc.DeviceId.ToString(CultureInfo.InvariantCulture), info["Device ID"]);
        Assert.Equal((SimBmc.DeviceRevision & 0x0F).ToString(CultureInfo.InvariantCulture), info["Device Revision"]);
        Assert.Equal($"{SimBmc.FirmwareMajor}.{SimBmc.FirmwareMinorBcd:x2}", info["Firmware Revision"]);
        Assert.Equal("2.0", info["IPMI Version"]);
        Assert.Equal(SimBmc.ManufacturerId.ToString(CultureInfo.InvariantCulture), info["Manufacturer ID"]);
        Assert.StartsWith(SimBmc.ProductId.ToString(CultureInfo.InvariantCulture) + " ", info["Product ID"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task IpmitoolChassisStatus_WithControlScript_PowerOnNoFaults()
    {
        IReadOnlyDictionary<string, string> status = IpmitoolBlocks.Single(await Ipmitool.RunAsync(sim, CancellationToken.None, "chassis", "status"));

        Assert.Equal("on", status["System Power"]);
        Assert.Equal("false", status["Power Overload"]);
        Assert.Equal("false", status["Main Power Fault"]);
        Assert.Equal("inactive", status["Chassis Intrusion"]);
        Assert.Equal("false", status["Drive Fault"]);
        Assert.Equal("false", status["Cooling/Fan Fault"]);
    }
}

using System.Globalization;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Fru;
using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Ipmi.IntegrationTests.Sim;
using BmcExporter.Ipmi.IntegrationTests.Tools;
using BmcExporter.Ipmi.Sel;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>SEL entries, FRU fields, device ID and chassis status: the client against ipmitool, FreeIPMI and the configuration.</summary>
[Collection(IpmiSimCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ClientSelFruComparisonTests(IpmiSimFixture sim)
{
    [Fact]
    public async Task ClientSel_EveryEntry_MatchesFreeIpmiBytesAndIpmitoolDecoding()
    {
        CancellationToken ct = CancellationToken.None;
        SelReadResult sel;
        await using (IpmiSession session = await ClientFactory.OpenReaderAsync(sim, ct))
        {
            sel = await SelReader.ReadAsync(session, null, null, ct);
        }

        IReadOnlyList<FreeIpmiSelHexRow> hex = FreeIpmiSelHexRow.Parse(await FreeIpmi.RunAsync(sim, "ipmi-sel", ct, "--hex-dump"));
        IReadOnlyList<IReadOnlyDictionary<string, string>> verbose =
            IpmitoolBlocks.Parse(await Ipmitool.RunAsync(sim, ct, "sel", "list", "-v"), "SEL Record ID");

        Assert.Equal(SimBmc.Sel.Count, sel.Records.Count);
        Assert.Equal(0, sel.MalformedCount);
        for (int i = 0; i < sel.Records.Count; i++)
        {
            SelEntry expected = SimBmc.Sel[i];
            SelRecord ours = sel.Records[i];
            FreeIpmiSelHexRow raw = hex[i];
            Assert.Equal(raw.RecordId, ours.RecordId);
            Assert.Equal(raw.RecordType, ours.RecordType);
            Assert.Equal(expected.RecordType, ours.RecordType);
            uint rawTimestamp = (uint)(raw.Body[0] | (raw.Body[1] << 8) | (raw.Body[2] << 16) | (raw.Body[3] << 24));
            switch (ours)
            {
                case SystemEventRecord e:
                    Assert.Equal(rawTimestamp, e.Timestamp.Raw);
                    Assert.Equal(raw.Body[4], e.GeneratorAddress);
                    Assert.Equal(expected.SensorType, e.SensorType);
                    Assert.Equal(expected.SensorNumber, e.SensorNumber);
                    Assert.Equal(expected.Deassertion, e.IsDeassertion);
                    Assert.Equal(expected.EventType, e.EventReadingType);
                    Assert.Equal(expected.Offset, e.Offset);
                    Assert.Equal(Convert.ToHexString(raw.Body[10..13]), Convert.ToHexString([e.EventData1, e.EventData2, e.EventData3]));
                    Assert.Equal(verbose[i]["Description"], e.Description, ignoreCase: true);
                    Assert.Equal(expected.Deassertion ? "Deassertion Event" : "Assertion Event", verbose[i]["Event Direction"]);
                    break;
                case RawSelRecord r:
                    Assert.Equal(Convert.ToHexString(raw.Body), Convert.ToHexString(r.Data.Span));
                    Assert.Equal(expected.IsOemTimestamped, r.IsOemTimestamped);
                    Assert.Equal(expected.IsOemNonTimestamped, r.IsOemNonTimestamped);
                    if (expected.IsOemTimestamped)
                    {
                        Assert.Equal((uint)expected.ManufacturerId, r.ManufacturerId);
                        Assert.Equal(rawTimestamp, r.Timestamp?.Raw);
                    }
                    else
                    {
                        Assert.Equal(Convert.ToHexString(expected.Body), Convert.ToHexString(r.Data.Span));
                    }

                    break;
                default:
                    throw new Xunit.Sdk.XunitException($"unexpected SEL record {ours.GetType().Name}");
            }
        }
    }

    [Fact]
    public async Task ClientFru_BothDevices_MatchIpmitoolAndConfiguration()
    {
        CancellationToken ct = CancellationToken.None;
        FruInventory fru0;
        FruInventory fru1;
        await using (IpmiSession session = await ClientFactory.OpenReaderAsync(sim, ct))
        {
            fru0 = (await FruReader.ReadAsync(session, 0, null, ct)).Inventory;
            fru1 = (await FruReader.ReadAsync(session, 1, null, ct)).Inventory;
        }

        IReadOnlyList<IReadOnlyDictionary<string, string>> tool =
            IpmitoolBlocks.Parse(await Ipmitool.RunAsync(sim, ct, "fru"), "FRU Device Description");

        Assert.True(fru0.AllChecksumsValid);
        Assert.NotNull(fru0.Board);
        Assert.NotNull(fru0.Product);
        Assert.Equal(tool[0]["Board Mfg"], fru0.Board.Manufacturer);
        Assert.Equal(tool[0]["Board Product"], fru0.Board.ProductName);
        Assert.Equal(tool[0]["Board Serial"], fru0.Board.SerialNumber);
        Assert.Equal(tool[0]["Board Part Number"], fru0.Board.PartNumber);
        Assert.Equal(new DateTimeOffset(SimBmc.Board.ManufacturedUtc), fru0.Board.ManufacturingDate);
        Assert.Equal(tool[0]["Product Manufacturer"], fru0.Product.Manufacturer);
        Assert.Equal(tool[0]["Product Name"], fru0.Product.ProductName);
        Assert.Equal(tool[0]["Product Part Number"], fru0.Product.PartNumber);
        Assert.Equal(tool[0]["Product Version"], fru0.Product.Version);
        Assert.Equal(tool[0]["Product Serial"], fru0.Product.SerialNumber);
        Assert.Equal(tool[0]["Product Asset Tag"], fru0.Product.AssetTag);
        Assert.Equal(SimBmc.Product.AssetTag, fru0.Product.AssetTag);
        Assert.NotNull(fru1.Board);
        Assert.Null(fru1.Product);
        Assert.Equal(tool[1]["Board Product"], fru1.Board.ProductName);
        Assert.Equal(SimBmc.SecondaryBoard.Serial, fru1.Board.SerialNumber);
    }

    [Fact]
    public async Task ClientDeviceIdAndChassis_MatchIpmitool()
    {
        CancellationToken ct = CancellationToken.None;
        DeviceIdInfo id;
        ChassisStatus chassis;
        await using (IpmiSession session = await ClientFactory.OpenReaderAsync(sim, ct))
        {
            id = await session.GetDeviceIdAsync(ct);
            chassis = await session.GetChassisStatusAsync(ct);
        }

        IReadOnlyDictionary<string, string> info = IpmitoolBlocks.Single(await Ipmitool.RunAsync(sim, ct, "mc", "info"));
        IReadOnlyDictionary<string, string> status = IpmitoolBlocks.Single(await Ipmitool.RunAsync(sim, ct, "chassis", "status"));

        Assert.Equal(info["Device ID"], id.DeviceId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(info["Device Revision"], id.DeviceRevision.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(info["Firmware Revision"], id.FirmwareRevision);
        Assert.Equal(info["IPMI Version"], id.IpmiVersionText);
        Assert.Equal(info["Manufacturer ID"], id.ManufacturerId.ToString(CultureInfo.InvariantCulture));
        Assert.StartsWith(id.ProductId.ToString(CultureInfo.InvariantCulture) + " ", info["Product ID"], StringComparison.Ordinal);
        Assert.Equal(SimBmc.DeviceSupport, id.AdditionalDeviceSupport);
        Assert.Equal(status["System Power"] == "on", chassis.PowerOn);
        Assert.True(chassis.PowerOn);
        Assert.Equal(status["Power Overload"] == "true", chassis.PowerOverload);
        Assert.Equal(status["Main Power Fault"] == "true", chassis.MainPowerFault);
        Assert.Equal(status["Power Control Fault"] == "true", chassis.PowerControlFault);
        Assert.Equal(status["Chassis Intrusion"] == "active", chassis.IntrusionActive);
        Assert.Equal(status["Front-Panel Lockout"] == "active", chassis.FrontPanelLockout);
        Assert.Equal(status["Drive Fault"] == "true", (chassis.MiscState & 0x04) != 0);
        Assert.Equal(status["Cooling/Fan Fault"] == "true", (chassis.MiscState & 0x08) != 0);
    }
}

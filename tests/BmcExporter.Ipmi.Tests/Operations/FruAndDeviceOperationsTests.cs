using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Fru;

namespace BmcExporter.Ipmi.Tests.Operations;

public sealed class FruAndDeviceOperationsTests
{
    private static readonly byte[] Image = FruEncoder.Encode(
        new FruChassisInfo { PartNumber = "CH-1", SerialNumber = "SER-CHASSIS-0001" },
        new FruBoardInfo { Manufacturer = "Acme", ProductName = "Board", SerialNumber = "B-1", PartNumber = "P-1", ManufacturingMinutes = 1000 },
        new FruProductInfo { Manufacturer = "Acme", ProductName = "Server", SerialNumber = "S-1", AssetTag = "tag" });

    private static readonly FruReadOptions NoDelay = new() { BusyDelay = TimeSpan.Zero };

    [Fact]
    public async Task FruReader_ChunkedRead_DecodesInventory()
    {
        var bmc = new FakeBmc { FruImage = Image };

        var result = await FruReader.ReadAsync(bmc, 0, NoDelay, CancellationToken.None);

        Assert.Equal("Server", result.Inventory.Product!.ProductName);
        Assert.Equal("SER-CHASSIS-0001", result.Inventory.Chassis!.SerialNumber);
        Assert.True(result.Inventory.AllChecksumsValid);
        Assert.Equal(Image, result.Image.ToArray());
    }

    [Fact]
    public async Task FruReader_SmallDeviceBufferAndBusy_ShrinksAndRetries()
    {
        var bmc = new FakeBmc { FruImage = Image, FruMaxChunk = 8, FruBusyAnswers = 2 };

        var result = await FruReader.ReadAsync(bmc, 0, NoDelay, CancellationToken.None);

        Assert.Equal("Board", result.Inventory.Board!.ProductName);
        // 32 then 16 were refused with 0xCA once each; every later read asked for at most 8 bytes.
        Assert.Equal(2, bmc.Log.Count(r => r.Command == FruCommands.ReadDataCommand && r.Data.Span[3] > 8));
        Assert.Equal(0, bmc.FruBusyAnswers);
    }

    [Fact]
    public async Task FruReader_BusyForever_BoundedThenThrows()
    {
        var bmc = new FakeBmc { FruImage = Image, FruBusyAnswers = 100 };

        var ex = await Assert.ThrowsAsync<IpmiCompletionCodeException>(() => FruReader.ReadAsync(bmc, 0, NoDelay, CancellationToken.None));

        Assert.Equal(0x81, ex.CompletionCode);
        Assert.Equal(6, bmc.Count(NetFn.Storage, FruCommands.ReadDataCommand));
    }

    [Theory]
    [InlineData(0xC1)]
    [InlineData(0xCC)]
    [InlineData(0xD4)]
    [InlineData(0xD5)]
    public async Task Dcmi_UnsupportedCodes_NotSupportedResult(byte code)
    {
        var bmc = new FakeBmc { DcmiCode = code };

        var result = await bmc.GetPowerReadingAsync(CancellationToken.None);

        Assert.False(result.Supported);
        Assert.Null(result.Reading);
        Assert.Equal(code, result.CompletionCode);
        Assert.Null(await bmc.GetCapabilitiesAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task Dcmi_Supported_Reading()
    {
        var bmc = new FakeBmc();

        var result = await bmc.GetPowerReadingAsync(CancellationToken.None);
        var caps = await bmc.GetCapabilitiesAsync(1, CancellationToken.None);

        Assert.True(result.Supported);
        Assert.Equal(321, result.Reading!.Value.CurrentWatts);
        Assert.True(caps!.Value.PowerManagementSupported);
    }

    [Fact]
    public async Task DeviceOperations_DeviceIdAndChassis()
    {
        var bmc = new FakeBmc();

        var id = await bmc.GetDeviceIdAsync(CancellationToken.None);
        var chassis = await bmc.GetChassisStatusAsync(CancellationToken.None);

        Assert.Equal(4753u, id.ManufacturerId);
        Assert.Equal("1.23", id.FirmwareRevision);
        Assert.True(chassis.PowerOn);
    }
}

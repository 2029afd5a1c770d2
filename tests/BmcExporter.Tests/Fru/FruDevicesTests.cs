using BmcExporter.Collectors;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Tests.Fru;

/// <summary>Which FRU Device Locators (IPMI v2.0 §43.8) the fru collector reads.</summary>
public sealed class FruDevicesTests
{
    [Fact]
    public void From_MixedLocators_Fru0FirstThenLogicalDevicesAtTheBmcInRecordOrder()
    {
        var (devices, physical) = FruDevices.From(
        [
            Raw(new McDeviceLocatorRecord { RecordId = 1, IdString = "BMC" }),
            Raw(Locator(2, 5, "PSU 2")),
            Raw(Locator(3, 0, "Mainboard")),                                            // FRU 0 again: the built-in device is already listed
            Raw(Locator(4, 1, "  ")),                                                   // no name
            Raw(Locator(5, 5, "PSU 2 again")),                                          // first locator of an ID wins
            Raw(Locator(6, 0xA0, "DIMM SPD") with { IsLogicalFruDevice = false }),      // physical device on a private bus
            Raw(Locator(7, 2, "Satellite") with { DeviceAccessAddress = 0x82 }),        // another controller
            Raw(Locator(8, 3, "LUN 1") with { AccessLun = 1 }),
            Raw(Locator(9, 4, "Bus 2") with { PrivateBusId = 2 }),
        ]);

        Assert.Equal([new FruDevice(0, FruDevices.BuiltinName), new FruDevice(5, "PSU 2"), new FruDevice(1, "FRU Device 1")], devices);
        Assert.Equal(4, physical);
    }

    [Fact]
    public void From_TruncatedLocator_SkippedAndTheOthersKept()
    {
        var good = Raw(Locator(1, 7, "Riser"));
        var broken = Raw(Locator(2, 8, "Cut short"));
        var cut = new SdrRawRecord(broken.RecordId, broken.Bytes[..8], broken.NextRecordId);

        var (devices, _) = FruDevices.From([cut, good]);

        Assert.Equal([0, 7], devices.Select(d => (int)d.Id));
    }

    private static FruDeviceLocatorRecord Locator(ushort recordId, byte fruId, string name) =>
        new() { RecordId = recordId, FruDeviceId = fruId, IdString = name, EntityId = 0x0A, EntityInstance = 1 };

    private static SdrRawRecord Raw(SdrRecord record) => new(record.RecordId, SdrEncoder.Encode(record), 0);
}

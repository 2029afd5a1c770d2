using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Sel;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Redfish;
using BmcExporter.Redfish.Model;
using BmcExporter.Simulator.Profiles;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Simulator.Tests.Redfish;

/// <summary>
/// One simulated BMC read through both protocols by both clients: the IPMI and Redfish views agree on sensor
/// names, values, thresholds and health, on SEL entries, and on FRU identity.
/// </summary>
public sealed class IpmiRedfishAgreementTests
{
    public static TheoryData<string> Profiles => new() { "typical-1u", "gpu-dense" };

    private static ValueTask<IpmiSession> OpenIpmiAsync(RedfishFleet fleet) => IpmiSession.OpenAsync(
        new IpmiSessionOptions
        {
            Host = "127.0.0.1",
            Port = fleet.Fleet.Endpoints[0].Port,
            UserName = "reader",
            Password = IpmiSecret.FromString("reader-pass"),
            RequestTimeout = TimeSpan.FromMilliseconds(500),
        },
        CancellationToken.None);

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Sensors_BothProtocols_SameNamesValuesThresholdsHealth(string profile)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await using var fleet = await RedfishFleet.StartAsync(ProfileLoader.Load(profile), time: time);
        time.Advance(TimeSpan.FromMinutes(17)); // somewhere along the load curve, frozen for both reads
        await using var ipmi = await OpenIpmiAsync(fleet);
        var sdr = await SdrRepositoryReader.ReadAsync(ipmi, null, CancellationToken.None);
        var ipmiReadings = (await SensorReader.ReadAllAsync(ipmi, sdr.Sensors, null, CancellationToken.None)).ToDictionary(r => r.Name);
        await using var session = fleet.Session();
        var redfish = await new RedfishReader(session).ReadReadingsAsync(CancellationToken.None);

        Assert.NotEmpty(redfish.Sensors);
        foreach (var r in redfish.Sensors)
        {
            var i = ipmiReadings[r.Name];
            Assert.True(i.IsThresholdBased, r.Name);
            if (i.ReadingUnavailable || i.ScanningDisabled)
            {
                Assert.Null(r.Value);
                continue;
            }

            Assert.Equal(i.Value!.Value, r.Value!.Value, 6);
            AssertClose(i.Thresholds.LowerNonCritical, r.Thresholds.LowerCaution);
            AssertClose(i.Thresholds.LowerCritical, r.Thresholds.LowerCritical);
            AssertClose(i.Thresholds.LowerNonRecoverable, r.Thresholds.LowerFatal);
            AssertClose(i.Thresholds.UpperNonCritical, r.Thresholds.UpperCaution);
            AssertClose(i.Thresholds.UpperCritical, r.Thresholds.UpperCritical);
            AssertClose(i.Thresholds.UpperNonRecoverable, r.Thresholds.UpperFatal);
            Assert.Equal(i.Status switch { SensorStatus.Ok => RedfishHealth.OK, SensorStatus.Warning => RedfishHealth.Warning, _ => RedfishHealth.Critical }, r.Status.Health);
        }

        // Every IPMI threshold sensor with a unit Redfish has (Cel, V, A, W, RPM, %) is in the Redfish view, once.
        var names = redfish.Sensors.Select(r => r.Name).ToHashSet();
        Assert.Equal(redfish.Sensors.Length, names.Count);
        foreach (var missing in ipmiReadings.Values.Where(i => i.IsThresholdBased && !names.Contains(i.Name)))
        {
            Assert.DoesNotContain(missing.Unit, new[] { "degrees C", "Volts", "Amps", "Watts", "RPM" });
        }
    }

    [Fact]
    public async Task Sel_BothProtocols_SameEntries()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await using var fleet = await RedfishFleet.StartAsync(ProfileLoader.Load("typical-1u"), time: time);
        time.Advance(TimeSpan.FromMinutes(31)); // 6 growth events after the 3 initial entries
        await using var ipmi = await OpenIpmiAsync(fleet);
        var sel = await SelReader.ReadAsync(ipmi, null, null, CancellationToken.None);
        await using var session = fleet.Session();
        var reader = new RedfishReader(session);
        var log = (await reader.ReadLogServicesAsync(CancellationToken.None)).Single(s => s.Id == "SEL");
        var entries = (await reader.ReadLogAsync(log, null, CancellationToken.None)).NewEntries;

        Assert.Equal(9, sel.Records.Count);
        Assert.Equal(sel.Records.Count, entries.Length);
        for (var k = 0; k < entries.Length; k++)
        {
            var record = Assert.IsType<SystemEventRecord>(sel.Records[k]);
            var entry = entries[k];
            Assert.Equal(record.RecordId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Id);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(record.Timestamp.Raw), entry.Created);
            Assert.Equal(record.SensorNumber, entry.SensorNumber);
            Assert.Equal(record.SensorTypeName, entry.SensorType);
            if (record.EventReadingType != 0x01)
            {
                Assert.Equal(record.IsDeassertion ? "Deassert" : "Assert", entry.EntryCode);
            }
        }
    }

    [Fact]
    public async Task Identity_BothProtocols_SameFruSerialsAndFirmware()
    {
        await using var fleet = await RedfishFleet.StartAsync(ProfileLoader.Load("typical-1u"), count: 3);
        await using var ipmi = await IpmiSession.OpenAsync(new IpmiSessionOptions
        {
            Host = "127.0.0.1",
            Port = fleet.Fleet.Endpoints[2].Port,
            UserName = "reader",
            Password = IpmiSecret.FromString("reader-pass"),
        }, CancellationToken.None);
        var fru = await FruReader.ReadAsync(ipmi, 0, null, CancellationToken.None);
        var device = await ipmi.GetDeviceIdAsync(CancellationToken.None);
        await using var session = fleet.Session(2);
        var inventory = await new RedfishReader(session).ReadInventoryAsync(CancellationToken.None);

        Assert.Equal(fru.Inventory.Product!.SerialNumber, Assert.Single(inventory.Systems).SerialNumber);
        Assert.Equal(fru.Inventory.Product.PartNumber, inventory.Systems[0].PartNumber);
        Assert.Equal(fru.Inventory.Product.Manufacturer, inventory.Systems[0].Manufacturer);
        Assert.Equal(fru.Inventory.Chassis!.SerialNumber, Assert.Single(inventory.Chassis).SerialNumber);
        Assert.Equal(fru.Inventory.Chassis.PartNumber, inventory.Chassis[0].PartNumber);
        Assert.Equal(device.FirmwareRevision, Assert.Single(inventory.Managers).FirmwareVersion);
        Assert.Equal("SN00002", inventory.Systems[0].SerialNumber);
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is { } e)
        {
            Assert.Equal(e, actual!.Value, 6);
        }
    }
}

using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Tests.Profiles;

public sealed class ProfileLoaderTests
{
    [Fact]
    public void ShippedNames_ListBothProfiles()
    {
        Assert.Contains("typical-1u", ProfileLoader.ShippedNames);
        Assert.Contains("gpu-dense", ProfileLoader.ShippedNames);
    }

    [Theory]
    [InlineData("typical-1u", 38, 44)]
    [InlineData("gpu-dense", 140, 160)]
    public void LoadShipped_Profiles_HaveTheAdvertisedSensorCounts(string name, int min, int max)
    {
        var profile = ProfileLoader.Load(name);
        Assert.InRange(profile.SensorCount, min, max);
        Assert.Contains(profile.Sensors, s => s.Record == SdrRecordKind.Full);
        Assert.Contains(profile.Sensors, s => s.Record == SdrRecordKind.Compact && s.ShareCount > 1);
        Assert.Contains(profile.Sensors, s => s.Record == SdrRecordKind.EventOnly);
        Assert.Contains(profile.Locators, l => l.IsMc);
        Assert.Contains(profile.Locators, l => !l.IsMc);
        Assert.NotEmpty(profile.OemRecords);
        Assert.NotNull(profile.Dcmi);
        Assert.NotNull(profile.SdrChangeAfter);
    }

    [Fact]
    public void Parse_UnknownKey_NamesLine()
    {
        var ex = Assert.Throws<ProfileException>(() => ProfileLoader.Parse("name: x\nsensorz: []\n", "bad.yaml"));
        Assert.Contains("bad.yaml", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidValues_ListsEveryPath()
    {
        const string yaml = """
            name: bad
            bmc: { firmware: "two", cipherSuites: [3, 9] }
            sensors:
              - { name: A very long sensor name, type: temperature, unit: degreesC, behaviour: { base: 1 } }
              - { name: T, number: 1, type: warp-core, behaviour: { base: 1 } }
              - { name: V, number: 2, type: voltage, m: 6, rExp: -2, thresholds: { ucr: 300 }, behaviour: { base: 12 } }
              - { name: P, number: 2, type: powerSupply, record: compact, states: [0] }
            quirks: [frobnicate]
            """;
        var ex = Assert.Throws<ProfileException>(() => ProfileLoader.Parse(yaml, "bad.yaml"));
        Assert.Contains("bmc.firmware", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bmc.cipherSuites[1]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sensors[0].name", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sensors[1].type: unknown sensor type 'warp-core'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sensors[2].thresholds.ucr", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sensor number 2 (LUN 0) is used twice", ex.Message, StringComparison.Ordinal);
        Assert.Contains("quirks[0]: unknown quirk 'frobnicate'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownName_ListsShippedProfiles()
    {
        var ex = Assert.Throws<ProfileException>(() => ProfileLoader.Load("no-such-profile"));
        Assert.Contains("typical-1u", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RepeatAndSharing_ExpandNamesAndNumbers()
    {
        const string yaml = """
            name: r
            sensors:
              - { name: "FAN{n}", number: 0x10, repeat: 3, type: fan, unit: rpm, m: 100, behaviour: { base: 5000 } }
              - { name: Disk, type: driveSlot, record: compact, share: { count: 3, modifier: alpha, offset: 0 }, states: [0] }
            """;
        var p = ProfileLoader.Parse(yaml, "r");
        Assert.Equal(["FAN1", "FAN2", "FAN3"], p.Sensors.Take(3).Select(s => s.Name));
        Assert.Equal([0x10, 0x11, 0x12], p.Sensors.Take(3).Select(s => (int)s.Number));
        var disk = p.Sensors[3];
        Assert.Equal(0x13, disk.Number);
        Assert.Equal(["DiskA", "DiskB", "DiskC"], Enumerable.Range(0, 3).Select(disk.NameOf));
        Assert.Equal(6, p.SensorCount);
    }

    [Fact]
    public void SimUser_ToString_HidesPassword()
    {
        var p = ProfileLoader.Parse("name: u\nusers: [ { name: admin, password: hunter2, privilege: admin } ]\nsensors: [ { name: T, type: temperature, behaviour: { base: 1 } } ]\n", "u");
        Assert.DoesNotContain("hunter2", p.Users[0].ToString(), StringComparison.Ordinal);
    }
}

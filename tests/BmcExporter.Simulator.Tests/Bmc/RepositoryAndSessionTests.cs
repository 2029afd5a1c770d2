using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Session;
using BmcExporter.Simulator.Bmc;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Tests.Bmc;

public sealed class RepositoryAndSessionTests
{
    [Theory]
    [InlineData("typical-1u")]
    [InlineData("gpu-dense")]
    public void SdrRepository_ShippedProfile_EveryRecordDecodesToTheProfileSensor(string name)
    {
        var profile = ProfileLoader.LoadShipped(name);
        var repo = SdrRepository.Build(profile, afterChange: true);
        var records = repo.Records.Select(r => SdrDecoder.Decode(r)).ToList();
        Assert.Equal(repo.Ids, records.Select(r => r.RecordId));
        var sensors = SdrSensors.Expand(records);
        Assert.Equal(profile.SensorCount, sensors.Count);
        foreach (var def in profile.Sensors)
        {
            var record = Assert.Single(records.OfType<SensorRecord>(), r => r.SensorNumber == def.Number);
            Assert.Equal(def.Name, record.IdString);
            Assert.Equal(def.SensorType, record.SensorType);
            if (record is FullSensorRecord full && def.Thresholds.Ucr is { } ucr)
            {
                var t = full.ConvertThresholds(full.Thresholds, full.ReadableThresholds);
                Assert.Equal(ucr, t.UpperCritical!.Value, 6);
            }
        }

        Assert.Contains(records, r => r is OpaqueSdrRecord { Type: 0xC0 });
        Assert.Contains(records, r => r is McDeviceLocatorRecord);
        Assert.Contains(records, r => r is FruDeviceLocatorRecord);
    }

    [Fact]
    public void SdrRepository_IndexOf_HandlesFirstLastAndUnknown()
    {
        var repo = SdrRepository.Build(ProfileLoader.LoadShipped("typical-1u"), afterChange: false);
        Assert.Equal(0, repo.IndexOf(0x0000));
        Assert.Equal(repo.Count - 1, repo.IndexOf(0xFFFF));
        Assert.Equal(-1, repo.IndexOf(0x7777));
        Assert.Equal(0xFFFF, repo.NextId(repo.Count - 1));
    }

    [Fact]
    public void AcceptInbound_Window_AcceptsRecentAndRejectsStaleOrZero()
    {
        using var s = new BmcSession(1, 2, CipherSuite.Get(17), PrivilegeLevel.User, TimeSpan.Zero);
        Assert.False(s.AcceptInbound(0));
        Assert.True(s.AcceptInbound(5));
        Assert.True(s.AcceptInbound(20));   // +15 ahead
        Assert.False(s.AcceptInbound(36));  // +16 is outside the window
        Assert.True(s.AcceptInbound(10));   // -10 behind is inside
        Assert.False(s.AcceptInbound(4));   // -16 behind is outside
    }

    [Fact]
    public void NextOutboundSequence_SkipsZeroOnWrap()
    {
        using var s = new BmcSession(1, 2, CipherSuite.Get(3), PrivilegeLevel.User, TimeSpan.Zero) { OutboundSequence = uint.MaxValue };
        Assert.Equal(1u, s.NextOutboundSequence(skip: false));
        Assert.Equal(3u, s.NextOutboundSequence(skip: true));
    }
}

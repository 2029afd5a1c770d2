using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Ipmi.IntegrationTests.Sim;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>The simulator profile built from the harness's sensor set holds the same sensors and static values.</summary>
[Trait("Category", "Integration")]
public sealed class SimBmcProfileTests
{
    [Fact]
    public void Create_SimBmcSet_SameSensorCountNumbersAndNames()
    {
        SimProfile profile = SimBmcProfile.Create();

        Assert.Equal(SimBmc.AllSensors.Count(), profile.SensorCount - 1); // minus the event-only record
        Assert.Equal(
            SimBmc.AllSensors.Select(s => (s.Number, s.Name)).Order(),
            profile.Sensors.Where(s => s.Record != SdrRecordKind.EventOnly)
                .SelectMany(s => Enumerable.Range(0, s.ShareCount).Select(k => ((byte)(s.Number + k), s.NameOf(k)))).Order());
        Assert.Contains(profile.Sensors, s => s.Record == SdrRecordKind.EventOnly && s.Number == SimBmc.EventOnlyNumber);
    }

    [Fact]
    public void Create_AnalogSensors_StaticAndEncodeToOracleRawBytes()
    {
        SimProfile profile = SimBmcProfile.Create();

        foreach (AnalogSensor a in SimBmc.Analog)
        {
            SensorDefinition s = Assert.Single(profile.Sensors, d => d.Number == a.Number);
            AnalogBehaviour b = Assert.IsType<AnalogBehaviour>(s.Behaviour);
            Assert.True(b is { LoadGain: 0, Noise: 0, Spread: 0, Excursion: null }, $"{a.Name}: behaviour is not static");
            Assert.Equal(a.Raw, s.Conversion.ToRaw(b.Base, s.AnalogFormat));
            Assert.Equal(a.Thresholds.Mask, s.Thresholds.Mask);
            Assert.Equal(a.Thresholds.Lcr ?? 0, s.Thresholds.Lcr is { } lcr ? s.Conversion.ToRaw(lcr, s.AnalogFormat) : 0);
            Assert.Equal(a.Thresholds.Unc ?? 0, s.Thresholds.Unc is { } unc ? s.Conversion.ToRaw(unc, s.AnalogFormat) : 0);
        }
    }

    [Fact]
    public void CannotExpress_SharedDimmStates_OnlyDimmsDifferingFromTheirRecord()
    {
        Assert.Equal(["DIMM1", "DIMM3"], SimBmc.AllSensors.Where(SimBmcProfile.CannotExpress).Select(s => s.Name));
    }
}

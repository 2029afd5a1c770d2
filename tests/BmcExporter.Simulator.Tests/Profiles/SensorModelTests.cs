using BmcExporter.Simulator.Behaviour;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Tests.Profiles;

public sealed class SensorModelTests
{
    private static readonly SimProfile Typical = ProfileLoader.LoadShipped("typical-1u");

    [Fact]
    public void Load_StaysWithinCurveAndVariesPerBmc()
    {
        var curve = Typical.Load;
        var values = Enumerable.Range(0, 200).Select(b => SensorModel.Load(curve, 1, b, TimeSpan.FromSeconds(300))).ToList();
        Assert.All(values, v => Assert.InRange(v, curve.Min, curve.Max));
        Assert.True(values.Distinct().Count() > 150);
    }

    [Fact]
    public void AnalogValue_SameSeed_IsReproducible_AndCorrelatesWithLoad()
    {
        var cpu = Typical.Sensors.First(s => s.Name == "CPU1 Temp");
        var a = SensorModel.AnalogValue(cpu, 0, 42, 3, TimeSpan.FromSeconds(100), 0.5);
        var b = SensorModel.AnalogValue(cpu, 0, 42, 3, TimeSpan.FromSeconds(100), 0.5);
        Assert.Equal(a, b);
        var idle = SensorModel.AnalogValue(cpu, 0, 42, 3, TimeSpan.FromSeconds(100), 0.1);
        var busy = SensorModel.AnalogValue(cpu, 0, 42, 3, TimeSpan.FromSeconds(100), 0.9);
        Assert.True(busy - idle > 25, $"CPU temperature should rise with load ({idle} -> {busy})");
    }

    [Fact]
    public void Failure_Fraction_MatchesConfiguredShareOfFleet()
    {
        var drive = Typical.Sensors.First(s => s.Name == "Drive"); // fraction 0.03 per drive
        const int bmcs = 20_000;
        var failed = Enumerable.Range(0, bmcs).Count(b => SensorModel.FailureAt(drive, 0, 9, b) is not null);
        var sigma = Math.Sqrt(bmcs * 0.03 * 0.97);
        Assert.InRange(failed, (bmcs * 0.03) - (5 * sigma), (bmcs * 0.03) + (5 * sigma));
    }

    [Fact]
    public void DiscreteStates_AfterFailureTime_AssertFailureOffset()
    {
        var drive = Typical.Sensors.First(s => s.Name == "Drive");
        var bmc = Enumerable.Range(0, 10_000).First(b => SensorModel.FailureAt(drive, 0, 9, b) is not null);
        var at = SensorModel.FailureAt(drive, 0, 9, bmc)!.Value;
        Assert.Equal(0x0001, SensorModel.DiscreteStates(drive, 0, 9, bmc, at - TimeSpan.FromSeconds(1)));
        Assert.Equal(0x0003, SensorModel.DiscreteStates(drive, 0, 9, bmc, at));
    }

    [Fact]
    public void Excursion_OnSelectedBmcs_ReachesConfiguredValue()
    {
        var cpu = Typical.Sensors.First(s => s.Name == "CPU1 Temp");
        var hits = 0;
        for (var bmc = 0; bmc < 500; bmc++)
        {
            for (var t = 0; t < 3600; t += 30)
            {
                if (SensorModel.AnalogValue(cpu, 0, 5, bmc, TimeSpan.FromSeconds(t), 0.5) == cpu.Behaviour!.Excursion!.Value)
                {
                    hits++;
                    break;
                }
            }
        }

        Assert.InRange(hits, 1, 40); // 2% of 500 BMCs have excursions
    }
}

using BmcExporter.Simulator.Faults;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Tests.Fleet;

public sealed class ArgumentsAndFaultFileTests
{
    [Theory]
    [InlineData(new[] { "--port-base", "9000" }, "--bmcs is required")]
    [InlineData(new[] { "--bmcs", "2" }, "--port-base is required")]
    [InlineData(new[] { "--bmcs", "x", "--port-base", "1" }, "--bmcs: 'x' is not an integer")]
    [InlineData(new[] { "--bmcs", "10", "--port-base", "65530" }, "runs past port 65535")]
    [InlineData(new[] { "--bmcs", "1", "--port-base", "1", "--user", "a" }, "--user and --password-file go together")]
    [InlineData(new[] { "--bmcs", "1", "--port-base", "1", "--profile", "nope" }, "--profile: profile 'nope'")]
    [InlineData(new[] { "--bmcs", "1", "--port-base", "1", "--bind", "localhost" }, "--bind: 'localhost' is not an IP address")]
    [InlineData(new[] { "--bmcs", "1", "--port-base", "1", "--frobnicate" }, "Unknown option '--frobnicate'")]
    [InlineData(new[] { "--bmcs" }, "--bmcs needs a value")]
    public void Parse_Mistakes_NameTheOption(string[] args, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => SimulateArguments.Parse(args));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FullCommandLine_BuildsOptions()
    {
        var pw = Path.GetTempFileName();
        var faults = Path.GetTempFileName();
        try
        {
            File.WriteAllText(pw, "s3cret\n");
            File.WriteAllText(faults, "faults: [ { bmcs: '0-2,5', loss: 0.1 } ]");
            var o = SimulateArguments.Parse(["--bmcs", "8", "--port-base", "9100", "--profile", "gpu-dense", "--seed", "99", "--faults", faults, "--user", "admin", "--password-file", pw, "--idle-timeout", "30"]);
            Assert.Equal(8, o.BmcCount);
            Assert.Equal(9100, o.PortBase);
            Assert.Equal("gpu-dense", o.Profile!.Name);
            Assert.Equal(99UL, o.Seed);
            Assert.Equal("admin", o.UserName);
            Assert.Equal("s3cret"u8.ToArray(), o.Password!.Value.ToArray());
            Assert.Equal(TimeSpan.FromSeconds(30), o.IdleTimeout);
            Assert.Equal(new HashSet<int> { 0, 1, 2, 5 }, o.Faults[0].Bmcs);
        }
        finally
        {
            File.Delete(pw);
            File.Delete(faults);
        }
    }

    [Fact]
    public void Parse_InlineFaults_AddRules()
    {
        var o = SimulateArguments.Parse(["--bmcs", "4", "--port-base", "0", "--fault", "{ fraction: 0.5, loss: 0.05 }", "--fault", "{ bmcs: '3', nodeBusy: 1 }"]);
        Assert.Equal(2, o.Faults.Count);
        Assert.Equal(0.05, o.Faults[0].Plan.Loss);
        Assert.Equal(1.0, o.Faults[1].Plan.NodeBusy);
        var ex = Assert.Throws<ArgumentException>(() => SimulateArguments.Parse(["--bmcs", "1", "--port-base", "0", "--fault", "{ loss: 5 }"]));
        Assert.Contains("faults[0].loss", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FaultFile_Errors_NamePath()
    {
        var ex = Assert.Throws<ProfileException>(() => FaultLoader.Parse("faults: [ { loss: 2 }, { bmcs: 'a-b' }, { stopForSeconds: 3 } ]", "f.yaml"));
        Assert.Contains("faults[0].loss", ex.Message, StringComparison.Ordinal);
        Assert.Contains("faults[1].bmcs", ex.Message, StringComparison.Ordinal);
        Assert.Contains("faults[2].stopForSeconds: needs stopAfterSeconds", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_FractionRule_SelectsThatShareAndSharesPlanInstances()
    {
        var rules = FaultLoader.Parse("faults: [ { fraction: 0.1, nodeBusy: 0.5 }, { bmcs: '0-9', latencyMs: 20 } ]", "f");
        var plans = FaultLoader.Assign(rules, 10_000, 3);
        var busy = plans.Count(p => p.NodeBusy > 0);
        Assert.InRange(busy, 850, 1150);
        Assert.All(plans.Take(10), p => Assert.Equal(TimeSpan.FromMilliseconds(20), p.Latency));
        Assert.True(plans.Distinct().Count() <= 4, "BMCs with the same rules share one plan instance");
        Assert.Same(FaultPlan.None, plans.Skip(10).First(p => p.NodeBusy == 0));
    }

    [Fact]
    public void FleetCredentials_ToString_HidesPassword()
    {
        Assert.DoesNotContain("pw123", new FleetCredentials("u", "pw123").ToString(), StringComparison.Ordinal);
    }
}

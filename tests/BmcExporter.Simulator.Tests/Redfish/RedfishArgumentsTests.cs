using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Redfish;

namespace BmcExporter.Simulator.Tests.Redfish;

/// <summary>The --redfish-* options of simulate.</summary>
public sealed class RedfishArgumentsTests
{
    [Fact]
    public void Parse_RedfishOptions_BuildTheServerOptions()
    {
        var ca = Path.Combine(Path.GetTempPath(), $"ca-{Guid.NewGuid():N}.pem");
        var options = SimulateArguments.Parse(["--bmcs", "3", "--port-base", "0", "--redfish-port-base", "28000", "--redfish-schema", "legacy",
            "--redfish-ca-out", ca, "--redfish-fault", "{ bmcs: \"1\", path: Sensors, latencyMs: 250, unavailable: 2, retryAfterSeconds: 3 }"]);
        try
        {
            var r = options.Redfish!;
            Assert.Equal(28000, r.PortBase);
            Assert.Equal(RedfishSchema.Legacy, r.Schema);
            Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(ca), StringComparison.Ordinal);
            var fault = Assert.Single(r.Faults);
            Assert.Equal(TimeSpan.FromMilliseconds(250), fault.Latency);
            Assert.Equal(2, fault.UnavailableRequests);
            Assert.Equal(TimeSpan.FromSeconds(3), fault.RetryAfter);
            Assert.Equal("Sensors", fault.PathContains);
            Assert.True(fault.Bmcs!.SetEquals([1]));
        }
        finally
        {
            options.Redfish?.Certificates?.Dispose();
            File.Delete(ca);
        }
    }

    [Theory]
    [InlineData("--redfish-schema", "weird", "legacy, modern or both")]
    [InlineData("--redfish-mockup", "/nonexistent", "no index.json")]
    [InlineData("--redfish-fault", "{ truncate: 2 }", "truncate")]
    public void Parse_BadRedfishOption_NamesIt(string option, string value, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => SimulateArguments.Parse(["--bmcs", "1", "--port-base", "0", "--redfish-port-base", "0", option, value]));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RedfishOptionWithoutPortBase_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => SimulateArguments.Parse(["--bmcs", "1", "--port-base", "0", "--redfish-schema", "modern"]));
        Assert.Contains("--redfish-port-base", ex.Message, StringComparison.Ordinal);
        Assert.Null(SimulateArguments.Parse(["--bmcs", "1", "--port-base", "0"]).Redfish);
    }
}

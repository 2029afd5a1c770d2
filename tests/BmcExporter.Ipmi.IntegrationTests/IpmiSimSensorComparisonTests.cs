using BmcExporter.Ipmi.IntegrationTests.Sim;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>The sensor comparison against ipmi_sim, configured from the harness's own SDR bytes.</summary>
[Collection(IpmiSimCollection.Name)]
[Trait("Category", "Integration")]
public sealed class IpmiSimSensorComparisonTests(IpmiSimFixture sim) : ClientSensorComparisonTests(sim)
{
    // ipmi_sim offers no suite 17, so the client falls back to 3.
    protected override byte ExpectedCipherSuite => 3;
}

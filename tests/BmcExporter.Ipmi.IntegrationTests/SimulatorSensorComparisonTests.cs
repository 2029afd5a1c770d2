using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Ipmi.IntegrationTests.Sim;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>
/// The sensor comparison against the product's simulator serving the harness's sensor set (<see cref="SimBmcProfile"/>):
/// ipmitool and FreeIPMI check the simulator, the oracle checks both.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SimulatorSensorComparisonTests(SimulatorFixture simulator) : ClientSensorComparisonTests(simulator), IClassFixture<SimulatorFixture>
{
    // The shipped session policy offers suites [17, 3, 2, 1]: the client's first preference is taken.
    protected override byte ExpectedCipherSuite => 17;

    // Sensors the simulator cannot express are left out of the value comparisons (see SimBmcProfile.CannotExpress).
    private protected override IEnumerable<DiscreteSensor> Discrete => base.Discrete.Where(d => !SimBmcProfile.CannotExpress(d));
}

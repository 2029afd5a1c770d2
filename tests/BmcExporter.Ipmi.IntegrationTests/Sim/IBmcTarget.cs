namespace BmcExporter.Ipmi.IntegrationTests.Sim;

/// <summary>
/// A BMC the reference tools and the product's client can reach over UDP, serving the <see cref="Oracle.SimBmc"/>
/// sensor set with the reader account: ipmi_sim (<see cref="IpmiSimFixture"/>) or the product's own simulator
/// (<see cref="SimulatorFixture"/>).
/// </summary>
public interface IBmcTarget
{
    string Host { get; }

    int Port { get; }
}

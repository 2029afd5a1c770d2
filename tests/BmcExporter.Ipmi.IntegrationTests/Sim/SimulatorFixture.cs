using System.Globalization;
using System.Text;
using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Simulator.Fleet;

namespace BmcExporter.Ipmi.IntegrationTests.Sim;

/// <summary>
/// One BMC of the product's simulator, started in-process on a free loopback port with the <see cref="SimBmc"/>
/// sensor set (<see cref="SimBmcProfile"/>) and the harness's reader account, so the same comparisons that check
/// the client against ipmi_sim also check client and simulator against ipmitool and FreeIPMI.
/// </summary>
public sealed class SimulatorFixture : IAsyncLifetime, IBmcTarget
{
    private SimulatedFleet? _fleet;

    private SimulatedFleet Fleet => _fleet ?? throw new InvalidOperationException("simulator fixture not started");

    public string Host => Fleet.Endpoints[0].Address.ToString();

    public int Port => Fleet.Endpoints[0].Port;

    public async Task InitializeAsync()
    {
        var options = new FleetOptions
        {
            BmcCount = 1,
            PortBase = 0,
            Profile = SimBmcProfile.Create(),
            UserName = SimBmc.ReaderUser,
            Password = Encoding.ASCII.GetBytes(SimBmc.ReaderPassword),
        };
        _fleet = await SimulatedFleet.StartAsync(options, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_fleet is not null)
        {
            await _fleet.DisposeAsync();
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"product simulator on {Host}:{Port}");
}

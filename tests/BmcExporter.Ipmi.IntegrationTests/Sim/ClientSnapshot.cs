using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Sensors;

namespace BmcExporter.Ipmi.IntegrationTests.Sim;

/// <summary>What the product's client reads from the simulator in one session: SDR repository and every sensor.</summary>
internal sealed record ClientSnapshot(SdrRepository Repository, IReadOnlyList<SensorReading> Readings, byte? CipherSuite)
{
    public static async Task<ClientSnapshot> ReadAsync(IBmcTarget sim, CancellationToken cancellationToken)
    {
        // Default preference [17, 3]: ipmi_sim has no suite 17, so this also exercises the fallback.
        await using IpmiSession session = await ClientFactory.OpenReaderAsync(sim, cancellationToken);
        SdrRepository repository = await SdrRepositoryReader.ReadAsync(session, null, cancellationToken);
        IReadOnlyList<SensorReading> readings = await SensorReader.ReadAllAsync(session, repository.Sensors, null, cancellationToken);
        return new ClientSnapshot(repository, readings, session.CipherSuite?.Id);
    }

    public SensorReading BySensorNumber(byte number) =>
        Readings.SingleOrDefault(r => r.SensorNumber == number)
        ?? throw new Xunit.Sdk.XunitException($"the client read no sensor number {number}; it read [{string.Join(", ", Readings.Select(r => $"{r.SensorNumber}:{r.Name}"))}]");
}

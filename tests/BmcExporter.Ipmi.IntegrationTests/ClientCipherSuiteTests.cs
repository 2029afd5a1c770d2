using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Ipmi.IntegrationTests.Sim;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>
/// Cipher suites against a real RMCP+ implementation: ipmi_sim offers 0-3 (no HMAC-SHA256, so no 17).
/// 1 = HMAC-SHA1 auth only, 2 = + HMAC-SHA1-96 integrity, 3 = + AES-CBC-128 (IPMI v2.0 §22.15.2).
/// </summary>
[Collection(IpmiSimCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ClientCipherSuiteTests(IpmiSimFixture sim)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task OpenAsync_SuiteOfferedBySimulator_ReadsDeviceIdAndSensors(byte suite)
    {
        IpmiSessionOptions options = ClientFactory.Options(sim, cipherSuites: [suite], requestTimeout: TimeSpan.FromSeconds(2));
        await using IpmiSession session = await IpmiSession.OpenAsync(options, CancellationToken.None);

        Assert.Equal(suite, session.CipherSuite?.Id);
        Assert.Equal(SimBmc.DeviceId, (await session.GetDeviceIdAsync(CancellationToken.None)).DeviceId);
        SdrRepository repository = await SdrRepositoryReader.ReadAsync(session, null, CancellationToken.None);
        Assert.Equal(SimBmc.AllSensors.Count() + 1, repository.Sensors.Count);
    }

    [Fact]
    public async Task OpenAsync_Suite0NotAllowed_RefusedWithReason()
    {
        IpmiSessionOptions options = ClientFactory.Options(sim, cipherSuites: [0]);

        IpmiCipherSuiteException error = await Assert.ThrowsAsync<IpmiCipherSuiteException>(async () =>
        {
            await using IpmiSession session = await IpmiSession.OpenAsync(options, CancellationToken.None);
        });

        Assert.Contains("suite 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllowCipherSuite0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_OnlySuite17_RefusedBecauseSimulatorLacksSha256()
    {
        IpmiSessionOptions options = ClientFactory.Options(sim, cipherSuites: [17], requestTimeout: TimeSpan.FromSeconds(2));

        IpmiCipherSuiteException error = await Assert.ThrowsAsync<IpmiCipherSuiteException>(async () =>
        {
            await using IpmiSession session = await IpmiSession.OpenAsync(options, CancellationToken.None);
        });

        Assert.Contains("17", error.Message, StringComparison.Ordinal);
        Assert.Equal(options.Target, error.Target);
    }
}

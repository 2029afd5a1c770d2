using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Tests.Integration;

/// <summary>Suite 0 exists only when a profile enables it, so the client's refusal of it can be tested.</summary>
public sealed class CipherSuiteZeroTests
{
    private static SimProfile SuiteZeroProfile(bool withQuirk)
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Profiles", "test-bmc.yaml"))
            .Replace("cipherSuites: [17, 3, 2, 1]", "cipherSuites: [0, 17]", StringComparison.Ordinal);
        return ProfileLoader.Parse(withQuirk ? yaml + "\nquirks: [integritycheckvalue]\n" : yaml, "suite0");
    }

    private static IpmiSessionOptions Options(int port, bool allow) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        UserName = "reader",
        Password = IpmiSecret.FromString("reader-pass"),
        CipherSuites = [0],
        AllowCipherSuite0 = allow,
        RequestTimeout = TimeSpan.FromMilliseconds(400),
        Retries = 1,
    };

    [Fact]
    public async Task Suite0_NotAllowedByClient_IsRefused()
    {
        await using var fleet = await TestFleet.StartAsync(profile: SuiteZeroProfile(withQuirk: false));
        await Assert.ThrowsAnyAsync<IpmiException>(async () => await IpmiSession.OpenAsync(Options(fleet.Endpoints[0].Port, allow: false), CancellationToken.None));
        Assert.Equal(0, fleet.Statistics.SessionsOpened);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Suite0_ExplicitlyAllowed_WorksEvenWithNonEmptyIcv(bool withQuirk)
    {
        await using var fleet = await TestFleet.StartAsync(profile: SuiteZeroProfile(withQuirk));
        await using var session = await IpmiSession.OpenAsync(Options(fleet.Endpoints[0].Port, allow: true), CancellationToken.None);
        Assert.Equal("3.07", (await session.GetDeviceIdAsync(CancellationToken.None)).FirmwareRevision);
    }

    [Fact]
    public async Task Suite0_NotInProfile_OpenSessionRefused()
    {
        await using var fleet = await TestFleet.StartAsync();
        await Assert.ThrowsAnyAsync<IpmiException>(async () => await IpmiSession.OpenAsync(Options(fleet.Endpoints[0].Port, allow: true), CancellationToken.None));
        Assert.True(fleet.Statistics.SessionsRejected >= 1);
    }
}

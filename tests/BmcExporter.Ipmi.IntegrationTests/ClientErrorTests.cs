using System.Diagnostics;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Ipmi.IntegrationTests.Sim;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>
/// Each failure the exporter must tell apart arrives as its specific exception, within the configured time
/// (plus a small scheduling margin). Uses its own simulator, because one test freezes it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ClientErrorTests(IpmiSimFixture sim) : IClassFixture<IpmiSimFixture>
{
    // Scheduling slack on a loaded 2-core CI machine; the code paths are JIT-compiled first (WarmUpAsync).
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task OpenAsync_WrongPassword_ThrowsAuthentication()
    {
        IpmiSessionOptions options = ClientFactory.Options(sim, password: "not-the-password", cipherSuites: [3]);

        await AssertFailsWithinAsync<IpmiAuthenticationException>(options, ClientFactory.ConfiguredBudget(options, includesReestablish: false));
    }

    [Fact]
    public async Task OpenAsync_UnknownUser_ThrowsUnknownUser()
    {
        IpmiSessionOptions options = ClientFactory.Options(sim, user: "nobody", cipherSuites: [3]);

        await AssertFailsWithinAsync<IpmiUnknownUserException>(options, ClientFactory.ConfiguredBudget(options, includesReestablish: false));
    }

    /// <remarks>
    /// ipmi_sim 2.0.33 does not enforce a user's privilege limit for RMCP+ name-only logins (it grants
    /// Administrator to a USER account and accepts Set Session Privilege Level). It does refuse the combination
    /// with username/privilege lookup (RAKP 1 role bit 4 clear), answering RAKP 2 status 0x0D "unauthorized name"
    /// (IPMI v2.0 §13.20 lookup mode, §13.24 status codes), which a client cannot tell apart from an unknown name. The test proves
    /// the refusal is about the privilege: the same account and lookup at USER works.
    /// </remarks>
    [Fact]
    public async Task OpenAsync_UserAccountAskingAdministratorByExactLookup_IsRefused()
    {
        IpmiSessionOptions atUser = WithExactLookup(ClientFactory.Options(sim, cipherSuites: [3]));
        await using (IpmiSession session = await IpmiSession.OpenAsync(atUser, CancellationToken.None))
        {
            Assert.Equal(SimBmc.DeviceId, (await session.GetDeviceIdAsync(CancellationToken.None)).DeviceId);
        }

        IpmiSessionOptions options = WithExactLookup(ClientFactory.Options(sim, privilege: PrivilegeLevel.Administrator, cipherSuites: [3]));
        await WarmUpAsync();
        var watch = Stopwatch.StartNew();
        IpmiException error = await Assert.ThrowsAnyAsync<IpmiException>(async () =>
        {
            await using IpmiSession session = await IpmiSession.OpenAsync(options, CancellationToken.None);
        });
        watch.Stop();

        Assert.True(error is IpmiPrivilegeException or IpmiUnknownUserException, $"unexpected {error.GetType().Name}: {error.Message}");
        Assert.True(watch.Elapsed <= ClientFactory.ConfiguredBudget(options, includesReestablish: false) + Margin, $"refused after {watch.Elapsed}");
    }

    [Fact]
    public async Task OpenAsync_NothingListening_ThrowsUnreachable()
    {
        // Loopback answers a closed UDP port with ICMP port unreachable: the client fails on it, well inside the budget.
        IpmiSessionOptions options = ClientFactory.Options(sim, cipherSuites: [3], port: UdpPorts.FindFree());

        await AssertFailsWithinAsync<IpmiUnreachableException>(options, ClientFactory.ConfiguredBudget(options, includesReestablish: false));
    }

    [Fact]
    public async Task SendAsync_BmcFrozenMidSession_ThrowsSessionLost()
    {
        IpmiSessionOptions options = ClientFactory.Options(sim, cipherSuites: [3]);
        await using IpmiSession session = await IpmiSession.OpenAsync(options, CancellationToken.None);
        Assert.Equal(SimBmc.DeviceId, (await session.GetDeviceIdAsync(CancellationToken.None)).DeviceId);

        await sim.Sim.SuspendAsync(CancellationToken.None);
        try
        {
            var watch = Stopwatch.StartNew();
            await Assert.ThrowsAsync<IpmiSessionLostException>(async () => await session.GetDeviceIdAsync(CancellationToken.None));
            watch.Stop();

            TimeSpan budget = ClientFactory.ConfiguredBudget(options, includesReestablish: true);
            Assert.True(watch.Elapsed <= budget + Margin, $"session loss reported after {watch.Elapsed}, configured budget {budget}");
            Assert.True(watch.Elapsed >= options.RequestTimeout * (options.Retries + 1) * 0.9, $"gave up after {watch.Elapsed}, before retransmitting as configured");
        }
        finally
        {
            await sim.Sim.ResumeAsync(CancellationToken.None);
        }
    }

    private static IpmiSessionOptions WithExactLookup(IpmiSessionOptions o) => new()
    {
        Host = o.Host,
        Port = o.Port,
        UserName = o.UserName,
        Password = o.Password,
        Privilege = o.Privilege,
        CipherSuites = o.CipherSuites,
        RequestTimeout = o.RequestTimeout,
        Retries = o.Retries,
        MaxReestablishAttempts = o.MaxReestablishAttempts,
        NameOnlyLookup = false,
    };

    [Fact]
    public async Task SendAsync_BmcRestartedMidSession_ReestablishesTransparently()
    {
        IpmiSessionOptions options = ClientFactory.Options(sim, cipherSuites: [3]);
        await using IpmiSession session = await IpmiSession.OpenAsync(options, CancellationToken.None);
        Assert.Equal(SimBmc.DeviceId, (await session.GetDeviceIdAsync(CancellationToken.None)).DeviceId);
        Assert.Equal(1, session.SessionsEstablished);

        await sim.RestartAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        DeviceIdInfo id = await session.GetDeviceIdAsync(CancellationToken.None);
        watch.Stop();

        Assert.Equal(SimBmc.DeviceId, id.DeviceId);
        Assert.Equal(2, session.SessionsEstablished);
        Assert.True(watch.Elapsed <= ClientFactory.ConfiguredBudget(options, includesReestablish: true) + Margin, $"recovered after {watch.Elapsed}");
    }

    /// <summary>One good session first, so the timed part measures the protocol, not first-call JIT compilation.</summary>
    private async Task WarmUpAsync()
    {
        await using IpmiSession session = await ClientFactory.OpenReaderAsync(sim, CancellationToken.None);
        Assert.Equal(SimBmc.DeviceId, (await session.GetDeviceIdAsync(CancellationToken.None)).DeviceId);
    }

    private async Task AssertFailsWithinAsync<TException>(IpmiSessionOptions options, TimeSpan budget)
        where TException : IpmiException
    {
        await WarmUpAsync();
        var watch = Stopwatch.StartNew();
        TException error = await Assert.ThrowsAsync<TException>(async () =>
        {
            await using IpmiSession session = await IpmiSession.OpenAsync(options, CancellationToken.None);
        });
        watch.Stop();

        Assert.True(watch.Elapsed <= budget + Margin, $"{typeof(TException).Name} after {watch.Elapsed}, configured budget {budget}");
        Assert.Equal(options.Target, error.Target);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SimBmc.ReaderPassword, error.Message, StringComparison.Ordinal);
    }
}

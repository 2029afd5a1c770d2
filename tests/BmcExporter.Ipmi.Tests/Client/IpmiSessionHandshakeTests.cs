using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.Tests.Client;

public sealed class IpmiSessionHandshakeTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(2)]
    [InlineData(16)]
    [InlineData(1)]
    public async Task OpenAsync_FakeBmc_HandshakeAndGetDeviceIdSucceed(byte suite)
    {
        var harness = new SessionHarness(suite);
        await using var session = await harness.OpenAsync(harness.Options(suites: [suite]));

        var response = await session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None);

        Assert.Equal(suite, session.CipherSuite!.Value.Id);
        Assert.True(response.IsOk);
        Assert.Equal(0x20, response.Data.Span[0]);
        Assert.Equal(11, response.Data.Length);
        Assert.Equal(1, harness.Bmc.ActiveSessions);
    }

    [Fact]
    public async Task OpenAsync_BmcWithoutSuite17_FallsBackTo3AndRemembersIt()
    {
        var harness = new SessionHarness(3);
        await using var session = await harness.OpenAsync(harness.Options(suites: [17, 3]));

        Assert.Equal(3, session.CipherSuite!.Value.Id);
        Assert.Equal([17, 3], harness.Bmc.OpenSessionSuites);

        harness.Bmc.ForgetSessions();
        harness.Bmc.OpenSessionSuites.Clear();
        var response = await harness.DriveAsync(session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None).AsTask());

        Assert.True(response.IsOk);
        Assert.Equal([3], harness.Bmc.OpenSessionSuites);
        Assert.Equal(2, session.SessionsEstablished);
    }

    [Fact]
    public async Task OpenAsync_WrongPassword_ThrowsAuthenticationWithoutSecret()
    {
        var harness = new SessionHarness(3);

        var ex = await Assert.ThrowsAsync<IpmiAuthenticationException>(async () => await harness.OpenAsync(harness.Options(password: "hunter22", suites: [3])));

        Assert.Contains("fake-bmc:623", ex.Message, StringComparison.Ordinal);
        Assert.Contains("wrong password", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter22", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("readpass", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Bmc.ActiveSessions);
    }

    [Fact]
    public async Task OpenAsync_UnknownUser_ThrowsUnknownUser()
    {
        var harness = new SessionHarness(3);

        var ex = await Assert.ThrowsAsync<IpmiUnknownUserException>(async () => await harness.OpenAsync(harness.Options(user: "nobody", suites: [3])));

        Assert.Contains("nobody", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IpmiException>(ex);
    }

    [Fact]
    public async Task OpenAsync_PrivilegeAboveAccountLimit_ThrowsPrivilege()
    {
        var harness = new SessionHarness(3);

        var ex = await Assert.ThrowsAsync<IpmiPrivilegeException>(async () => await harness.OpenAsync(harness.Options(privilege: PrivilegeLevel.Administrator, suites: [3])));

        Assert.Contains("Administrator", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_AdminAccountAtAdministrator_SetsSessionPrivilege()
    {
        var harness = new SessionHarness(17);
        await using var session = await harness.OpenAsync(harness.Options(user: "admin", password: "secret", privilege: PrivilegeLevel.Administrator));

        Assert.Contains(harness.Bmc.InSessionRequests, r => r.NetFn == (byte)NetFn.App && r.Command == 0x3B);
    }

    [Fact]
    public async Task OpenAsync_Suite0NotAllowed_ThrowsCipherSuiteSayingWhy()
    {
        var harness = new SessionHarness(0);

        var ex = await Assert.ThrowsAsync<IpmiCipherSuiteException>(async () => await harness.OpenAsync(harness.Options(suites: [0])));

        Assert.Contains("AllowCipherSuite0", ex.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Bmc.OpenSessionSuites);
    }

    [Fact]
    public async Task OpenAsync_Suite0ExplicitlyAllowed_LogsInWithoutKeys()
    {
        var harness = new SessionHarness(0);
        await using var session = await harness.OpenAsync(harness.Options(suites: [0], allowSuite0: true));

        var response = await session.SendAsync(SessionHarness.GetDeviceId, CancellationToken.None);

        Assert.Equal(0, session.CipherSuite!.Value.Id);
        Assert.True(response.IsOk);
    }

    [Fact]
    public async Task OpenAsync_NoCommonSuite_ThrowsCipherSuiteListingStatuses()
    {
        var harness = new SessionHarness(2);

        var ex = await Assert.ThrowsAsync<IpmiCipherSuiteException>(async () => await harness.OpenAsync(harness.Options(suites: [17, 3])));

        Assert.Contains("cipher suite 17", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cipher suite 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0x11", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_SilentBmc_ThrowsTimeoutNamingTargetAndSetting()
    {
        var harness = new SessionHarness(3);
        harness.Bmc.Silent = true;

        var task = harness.OpenAsync(harness.Options()).AsTask();
        var ex = await Assert.ThrowsAsync<IpmiTimeoutException>(() => harness.DriveAsync(task));

        Assert.Contains("fake-bmc:623", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RequestTimeout", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, harness.Transport.Sent.Count);
    }
}

public sealed class IpmiSessionCipherDiscoveryTests
{
    [Fact]
    public async Task OpenAsync_QueryCipherSuitesAnswered_SkipsSuitesBmcDoesNotList()
    {
        var harness = new SessionHarness(3);
        harness.Bmc.AnswerCipherSuites = true;
        var options = harness.Options(suites: [17, 3]);
        await using var session = await harness.OpenAsync(new IpmiSessionOptions
        {
            Host = options.Host,
            UserName = options.UserName,
            Password = options.Password,
            CipherSuites = options.CipherSuites,
            TimeProvider = options.TimeProvider,
            QueryCipherSuites = true,
        });

        Assert.Equal(3, session.CipherSuite!.Value.Id);
        Assert.Equal([3], harness.Bmc.OpenSessionSuites);
    }

    [Fact]
    public async Task OpenAsync_QueryCipherSuitesIgnoredByBmc_StillLogsIn()
    {
        var harness = new SessionHarness(17);
        var options = harness.Options();
        var task = harness.OpenAsync(new IpmiSessionOptions
        {
            Host = options.Host,
            UserName = options.UserName,
            Password = options.Password,
            TimeProvider = options.TimeProvider,
            QueryCipherSuites = true,
        }).AsTask();

        await using var session = await harness.DriveAsync(task);

        Assert.Equal(17, session.CipherSuite!.Value.Id);
    }
}

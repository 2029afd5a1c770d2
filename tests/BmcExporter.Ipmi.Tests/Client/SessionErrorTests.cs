using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.Tests.Client;

/// <summary>Each login failure cause has its own exception type and a message that names it.</summary>
public sealed class SessionErrorTests
{
    [Fact]
    public async Task OpenAsync_BmcOutOfSessionSlots_ThrowsSlotsExhaustedNotCipherSuite()
    {
        var harness = new SessionHarness(3, 17);
        harness.Bmc.OutOfSessions = true;

        var ex = await Assert.ThrowsAsync<IpmiSessionSlotsExhaustedException>(() => harness.DriveAsync(harness.OpenAsync(harness.Options()).AsTask()));

        Assert.Contains("no free session slot", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0x01", ex.Message, StringComparison.Ordinal);
        Assert.Equal([17, 3], harness.Bmc.OpenSessionSuites);
    }

    [Fact]
    public async Task OpenAsync_NoSlotAtRequestedRole_ThrowsSlotsExhausted()
    {
        var harness = new SessionHarness(3);
        harness.Bmc.Rakp2Status = RmcpPlusStatus.InsufficientResourcesForRole;

        var ex = await Assert.ThrowsAsync<IpmiSessionSlotsExhaustedException>(() => harness.DriveAsync(harness.OpenAsync(harness.Options(suites: [3])).AsTask()));

        Assert.Contains("privilege User", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_SuiteRefused_StillCipherSuiteException()
    {
        var harness = new SessionHarness(3);

        var ex = await Assert.ThrowsAsync<IpmiCipherSuiteException>(() => harness.DriveAsync(harness.OpenAsync(harness.Options(suites: [17])).AsTask()));

        Assert.Contains("CipherSuites", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reader", "Xyzzy-77", typeof(IpmiAuthenticationException), "wrong password")]
    [InlineData("nobody", "readpass", typeof(IpmiUnknownUserException), "does not know user")]
    public async Task OpenAsync_CredentialProblems_DistinctTypes(string user, string password, Type expected, string text)
    {
        var harness = new SessionHarness(3);

        var ex = await Assert.ThrowsAnyAsync<IpmiException>(() => harness.DriveAsync(harness.OpenAsync(harness.Options(user, password, [3])).AsTask()));

        Assert.IsType(expected, ex);
        Assert.Contains(text, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(password, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_PrivilegeAboveUserLimit_ThrowsPrivilege()
    {
        var harness = new SessionHarness(3);

        await Assert.ThrowsAsync<IpmiPrivilegeException>(() => harness.DriveAsync(harness.OpenAsync(harness.Options(suites: [3], privilege: PrivilegeLevel.Administrator)).AsTask()));
    }

    [Fact]
    public async Task OpenAsync_SilentBmc_ThrowsTimeoutNamingSettings()
    {
        var harness = new SessionHarness(3);
        harness.Bmc.Silent = true;

        var ex = await Assert.ThrowsAsync<IpmiTimeoutException>(() => harness.DriveAsync(harness.OpenAsync(harness.Options(suites: [3])).AsTask()));

        Assert.Contains("RequestTimeout", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Retries", ex.Message, StringComparison.Ordinal);
    }
}

using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Tests.Output;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Tests.Security;

/// <summary>The security collector against simulated BMCs that each have exactly one weakness (or none).</summary>
public sealed class SecurityCollectorIntegrationTests
{
    private static readonly string[] AuthTypes = ["none", "md2", "md5", "password", "oem"];

    [Fact]
    public async Task Collect_HardenedBmc_EveryFindingZero()
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile());
        var security = new SecurityConfig { DefaultPasswordCheck = true };

        var (snapshot, text) = await SecurityScrape.RunAsync(new SecurityCollector(), fleet.Target(security));

        Assert.Empty(snapshot.Security!.Problems);
        Assert.Contains("ipmi_security_cipher_suite_supported{suite=\"3\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_security_cipher_suite_supported{suite=\"17\"} 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ipmi_security_cipher_suite_supported{suite=\"0\"}", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_security_cipher_suite_zero_accepted 0\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_security_anonymous_login_enabled 0\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_security_null_user_enabled 0\n", text, StringComparison.Ordinal);
        foreach (var type in AuthTypes)
        {
            Assert.Contains($"ipmi_security_ipmi15_auth_type_enabled{{type=\"{type}\"}} 0\n", text, StringComparison.Ordinal);
        }

        Assert.Contains("ipmi_security_per_message_auth_disabled 0\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_security_user_level_auth_disabled 0\n", text, StringComparison.Ordinal);
        Assert.Equal(DefaultCredentialList.Shipped.Select(c => c.User).Distinct().Count(), snapshot.Security.DefaultPasswords!.Count);
        Assert.All(snapshot.Security.DefaultPasswords, f => Assert.False(f.Exposed));
        Assert.Contains("ipmi_security_session_privilege{requested=\"user\",granted=\"user\"} 1\n", text, StringComparison.Ordinal);
        Assert.Empty(await Promtool.LintAsync(text));
    }

    [Fact]
    public async Task Collect_SuiteZeroOpen_OnlySuiteZeroFlagged()
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile("[0, 17, 3]"));

        var (snapshot, text) = await SecurityScrape.RunAsync(new SecurityCollector(), fleet.Target());

        Assert.Empty(snapshot.Security!.Problems);
        Assert.Contains("ipmi_security_cipher_suite_supported{suite=\"0\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_security_cipher_suite_zero_accepted 1\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_security_anonymous_login_enabled 0\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_security_null_user_enabled 0\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("_enabled{type=\"md5\"} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_AnonymousLogin_OnlyAnonymousFlagged()
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile(extra: "security: { anonymousLogin: true }"));

        var (_, text) = await SecurityScrape.RunAsync(new SecurityCollector(), fleet.Target());

        Assert.Contains("ipmi_security_anonymous_login_enabled 1\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_security_null_user_enabled 0\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_security_cipher_suite_zero_accepted 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_NullUserWithPassword_OnlyNullUserFlagged()
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile(extra: "security: { nullUserPassword: secret1 }"));

        var (_, text) = await SecurityScrape.RunAsync(new SecurityCollector(), fleet.Target());

        Assert.Contains("ipmi_security_null_user_enabled 1\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_security_anonymous_login_enabled 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_Ipmi15AuthTypesAndSwitches_ExactlyThoseFlagged()
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile(
            extra: "security: { ipmi15AuthTypes: [none, md5, password], perMessageAuthDisabled: true, userLevelAuthDisabled: true }"));

        var (_, text) = await SecurityScrape.RunAsync(new SecurityCollector(), fleet.Target());

        foreach (var type in AuthTypes)
        {
            var on = type is "none" or "md5" or "password" ? 1 : 0;
            Assert.Contains($"ipmi_security_ipmi15_auth_type_enabled{{type=\"{type}\"}} {on}\n", text, StringComparison.Ordinal);
        }

        Assert.Contains("ipmi_security_per_message_auth_disabled 1\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_security_user_level_auth_disabled 1\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_security_anonymous_login_enabled 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_FactoryDefaultPassword_OnlyThatUserExposed()
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile(extra: "users: [ { name: ADMIN, password: ADMIN, privilege: admin }, { name: root, password: not-calvin, privilege: admin } ]"));
        var security = new SecurityConfig { DefaultPasswordCheck = true };

        var (snapshot, text) = await SecurityScrape.RunAsync(new SecurityCollector(), fleet.Target(security));

        Assert.Contains("ipmi_security_default_password_exposed{user=\"ADMIN\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_security_default_password_exposed{user=\"root\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_security_default_password_exposed{user=\"USERID\"} 0\n", text, StringComparison.Ordinal);
        Assert.True(snapshot.Security!.DefaultPasswords!.Single(f => f.User == "root").UserKnown);
        Assert.False(snapshot.Security.DefaultPasswords!.Single(f => f.User == "USERID").UserKnown);
        Assert.Contains("ipmi_security_cipher_suite_zero_accepted 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_DefaultPasswordCheckOff_NoExposedSeries()
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile(extra: "users: [ { name: ADMIN, password: ADMIN, privilege: admin } ]"));

        var (snapshot, text) = await SecurityScrape.RunAsync(new SecurityCollector(), fleet.Target());

        Assert.Null(snapshot.Security!.DefaultPasswords);
        Assert.DoesNotContain("ipmi_security_default_password_exposed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_CustomCredentialList_ChecksOnlyListedPairs()
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile(extra: "users: [ { name: ops, password: Winter2024, privilege: operator } ]"));
        var security = new SecurityConfig
        {
            DefaultPasswordCheck = true,
            DefaultCredentials = [new DefaultCredential("ops", IpmiSecret.FromString("Summer2024")), new DefaultCredential("ops", IpmiSecret.FromString("Winter2024"))],
        };

        var (_, text) = await SecurityScrape.RunAsync(new SecurityCollector(), fleet.Target(security, suites: [3]));

        Assert.Contains("ipmi_security_default_password_exposed{user=\"ops\"} 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("user=\"ADMIN\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_WithinInterval_ReusesReadingWithoutProbing()
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile("[0, 17, 3]"));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var collector = new SecurityCollector();
        var target = fleet.Target(new SecurityConfig { Interval = TimeSpan.FromHours(1) });
        var (first, _) = await SecurityScrape.RunAsync(collector, target, time);
        var opened = fleet.Fleet.Statistics.SessionsOpened;

        time.Advance(TimeSpan.FromMinutes(59));
        var (cached, _) = await SecurityScrape.RunAsync(collector, target, time);
        var openedCached = fleet.Fleet.Statistics.SessionsOpened - opened;
        time.Advance(TimeSpan.FromMinutes(2));
        var (fresh, _) = await SecurityScrape.RunAsync(collector, target, time);

        Assert.Same(first.Security, cached.Security);
        Assert.Equal(1, openedCached); // only the scrape's own session; no suite 0 probe
        Assert.NotSame(first.Security, fresh.Security);
        Assert.Equal(time.GetUtcNow(), fresh.Security!.ReadAt);
    }
}

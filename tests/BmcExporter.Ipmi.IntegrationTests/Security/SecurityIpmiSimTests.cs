using System.Text.RegularExpressions;
using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Ipmi.IntegrationTests.Security;

/// <summary>
/// The security collector against OpenIPMI's ipmi_sim, configured through lan.conf (users, the null user, allowed
/// IPMI 1.5 authentication types), cross-checked with ipmitool: <c>channel getciphers</c> for the suites and
/// <c>lan print</c> (Authentication Type Enable) and FreeIPMI's <c>ipmi-config</c> (Lan_Conf_Auth) for the 1.5 types. ipmi_sim accepts cipher suite 0 for any user
/// whatever its configuration, so every ipmi_sim reports that finding, as it should.
/// </summary>
public sealed partial class SecurityIpmiSimTests
{
    [Fact]
    public async Task Collect_HardenedIpmiSim_OnlyItsBuiltInSuiteZeroFlagged()
    {
        var ct = CancellationToken.None;
        await using var sim = await SecurityIpmiSim.StartAsync("md5", [], ct);

        var security = await CollectAsync(sim, new SecurityConfig { DefaultPasswordCheck = true }, ct);

        Assert.Empty(security.Problems);
        var channel = security.Channel!.Value;
        Assert.False(channel.AnonymousLogin);
        Assert.False(channel.NullUsers);
        Assert.Equal(Ipmi15AuthTypes.Md5, channel.AuthTypes);
        Assert.True(security.CipherSuiteZeroAccepted);
        Assert.All(security.DefaultPasswords!, f => Assert.False(f.Exposed));
        // ipmitool 1.8.19 keeps only the first 64 bytes of the record stream (12 standard records); ipmi_sim lists
        // suites 0-14, so ipmitool shows 0-11 and the rest must follow in order.
        var ipmitool = await IpmitoolSuitesAsync(sim, ct);
        Assert.Equal(12, ipmitool.Count);
        Assert.Equal(ipmitool, security.SupportedCipherSuites!.Take(ipmitool.Count));
        Assert.Equal(Enumerable.Range(0, 15), security.SupportedCipherSuites);
        Assert.Equal(await IpmitoolAuthTypesAsync(sim, ct), channel.AuthTypes);
        Assert.Equal(await FreeIpmiAuthTypesAsync(sim, ct), channel.AuthTypes);
    }

    [Fact]
    public async Task Collect_AnonymousUserAndWeakAuthTypes_ExactlyThoseFlagged()
    {
        var ct = CancellationToken.None;
        await using var sim = await SecurityIpmiSim.StartAsync("none md2 md5 straight", ["user 1 true \"\" \"\" admin 10 none md2 md5 straight"], ct);

        var security = await CollectAsync(sim, SecurityConfig.Default, ct);

        var channel = security.Channel!.Value;
        Assert.True(channel.AnonymousLogin);
        Assert.Equal(Ipmi15AuthTypes.NoAuth | Ipmi15AuthTypes.Md2 | Ipmi15AuthTypes.Md5 | Ipmi15AuthTypes.Password, channel.AuthTypes);
        Assert.Equal(await IpmitoolAuthTypesAsync(sim, ct), channel.AuthTypes);
        Assert.Equal(await FreeIpmiAuthTypesAsync(sim, ct), channel.AuthTypes);
        Assert.Null(security.DefaultPasswords);
    }

    [Fact]
    public async Task Collect_NullUserWithPassword_NullUserFlaggedNotAnonymous()
    {
        var ct = CancellationToken.None;
        await using var sim = await SecurityIpmiSim.StartAsync("md5", ["user 1 true \"\" \"secret1\" admin 10 md5"], ct);

        var security = await CollectAsync(sim, SecurityConfig.Default, ct);

        var channel = security.Channel!.Value;
        Assert.True(channel.NullUsers);
        Assert.False(channel.AnonymousLogin);
        Assert.Equal(Ipmi15AuthTypes.Md5, channel.AuthTypes);
        Assert.Equal(await FreeIpmiAuthTypesAsync(sim, ct), channel.AuthTypes);
    }

    [Fact]
    public async Task Collect_FactoryDefaultPassword_ThatUserExposed()
    {
        var ct = CancellationToken.None;
        await using var sim = await SecurityIpmiSim.StartAsync("md5", ["user 4 true \"ADMIN\" \"ADMIN\" admin 10 md5"], ct);

        var security = await CollectAsync(sim, new SecurityConfig { DefaultPasswordCheck = true }, ct);

        Assert.True(security.DefaultPasswords!.Single(f => f.User == "ADMIN").Exposed);
        Assert.All(security.DefaultPasswords!.Where(f => f.User != "ADMIN"), f => Assert.False(f.Exposed));
        Assert.False(security.Channel!.Value.AnonymousLogin);
    }

    private static async Task<SecuritySample> CollectAsync(SecurityIpmiSim sim, SecurityConfig config, CancellationToken ct)
    {
        var target = new ScrapeTarget
        {
            Address = $"{sim.Host}:{sim.Port}",
            Host = sim.Host,
            Port = sim.Port,
            Module = new ModuleConfig
            {
                Name = "default",
                User = SecurityIpmiSim.Reader,
                Password = IpmiSecret.FromString(SecurityIpmiSim.ReaderPassword, "test"),
                CipherSuites = [3],
                Collectors = [CollectorKind.Security],
                Security = config,
                Workarounds = new HashSet<string>(StringComparer.Ordinal),
            },
        };
        await using var session = await IpmiSession.OpenAsync(IpmiSessionFactory.CreateOptions(target, TimeProvider.System), ct);
        var builder = new SnapshotBuilder(target.Address, "default", new Dictionary<string, string>(), ["security"], TimeProvider.System);
        var context = new CollectContext
        {
            Target = target,
            Channel = session,
            Builder = builder,
            State = new BmcExporter.State.TargetStateStore(null, NullLogger.Instance),
            Stats = new TargetStats(),
            Time = TimeProvider.System,
            Logger = NullLogger.Instance,
        };
        try
        {
            await new SecurityCollector().CollectAsync(context, ct);
        }
        catch (CollectorPartialException)
        {
            // The sample names the failed checks in Problems; the tests assert on it.
        }

        return builder.Build("pending").Security!;
    }

    /// <summary>The suite IDs of <c>ipmitool channel getciphers ipmi 1</c>.</summary>
    private static async Task<IReadOnlyList<int>> IpmitoolSuitesAsync(SecurityIpmiSim sim, CancellationToken ct)
    {
        var output = await sim.IpmitoolAsync(SecurityIpmiSim.Reader, SecurityIpmiSim.ReaderPassword, "USER", ct, "channel", "getciphers", "ipmi", "1");
        return [.. SuiteRow().Matches(output).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order()];
    }

    /// <summary>The union of the User, Operator and Admin rows of <c>ipmitool lan print</c> "Auth Type Enable".</summary>
    private static async Task<Ipmi15AuthTypes> IpmitoolAuthTypesAsync(SecurityIpmiSim sim, CancellationToken ct)
    {
        var output = await sim.IpmitoolAsync(SecurityIpmiSim.Admin, SecurityIpmiSim.AdminPassword, "ADMINISTRATOR", ct, "lan", "print", "1");
        var types = Ipmi15AuthTypes.None;
        foreach (Match row in AuthEnableRow().Matches(output))
        {
            foreach (var word in row.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                types |= word switch
                {
                    "NONE" => Ipmi15AuthTypes.NoAuth,
                    "MD2" => Ipmi15AuthTypes.Md2,
                    "MD5" => Ipmi15AuthTypes.Md5,
                    "PASSWORD" => Ipmi15AuthTypes.Password,
                    "OEM" => Ipmi15AuthTypes.Oem,
                    _ => Ipmi15AuthTypes.None,
                };
            }
        }

        return types;
    }

    /// <summary>The types FreeIPMI's <c>ipmi-config --checkout --section=Lan_Conf_Auth</c> shows enabled for User, Operator or Admin.</summary>
    private static async Task<Ipmi15AuthTypes> FreeIpmiAuthTypesAsync(SecurityIpmiSim sim, CancellationToken ct)
    {
        var output = await sim.IpmiConfigAsync(SecurityIpmiSim.Admin, SecurityIpmiSim.AdminPassword, ct, "--checkout", "--section=Lan_Conf_Auth");
        var rows = FreeIpmiAuthRow().Matches(output);
        Assert.Equal(12, rows.Count); // None, MD2, MD5, Straight_Password for each of User, Operator, Admin
        var types = Ipmi15AuthTypes.None;
        foreach (Match row in rows.Where(r => r.Groups[2].Value == "Yes"))
        {
            types |= row.Groups[1].Value switch
            {
                "None" => Ipmi15AuthTypes.NoAuth,
                "MD2" => Ipmi15AuthTypes.Md2,
                "MD5" => Ipmi15AuthTypes.Md5,
                "Straight_Password" => Ipmi15AuthTypes.Password,
                "OEM_Proprietary" => Ipmi15AuthTypes.Oem,
                _ => Ipmi15AuthTypes.None,
            };
        }

        return types;
    }

    [GeneratedRegex(@"^\s*(?:User|Operator|Admin)_Enable_Auth_Type_(\w+?)\s+(Yes|No)\s*$", RegexOptions.Multiline)]
    private static partial Regex FreeIpmiAuthRow();

    [GeneratedRegex(@"^(\d+)\s+N/A\s", RegexOptions.Multiline)]
    private static partial Regex SuiteRow();

    [GeneratedRegex(@":\s+(?:User|Operator|Admin)\s+:\s*([A-Z0-9 ]*)$", RegexOptions.Multiline)]
    private static partial Regex AuthEnableRow();
}

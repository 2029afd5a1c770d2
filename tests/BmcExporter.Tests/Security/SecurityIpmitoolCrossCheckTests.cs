using System.Globalization;
using BmcExporter.Collectors;
using BmcExporter.Tests.Packaging;

namespace BmcExporter.Tests.Security;

/// <summary>
/// The security collector's channel facts against ipmitool's view of the same simulated BMC: <c>channel authcap</c>
/// (Get Channel Authentication Capabilities, in a session) and <c>channel getciphers</c>. ipmi_sim answers
/// Get Channel Authentication Capabilities only outside a session, so ipmitool's <c>channel authcap</c> cannot read
/// it there; this is where the two are compared.
/// </summary>
public sealed class SecurityIpmitoolCrossCheckTests
{
    [Theory]
    [InlineData("[17, 3]", "")]
    [InlineData("[0, 17, 3]", "security: { nullUserPassword: secret1, ipmi15AuthTypes: [md5, password], perMessageAuthDisabled: true }")]
    [InlineData("[17, 3]", "security: { anonymousLogin: true, ipmi15AuthTypes: [none, md2, oem], userLevelAuthDisabled: true }")]
    public async Task Collect_ChannelFacts_MatchIpmitoolAuthcapAndGetciphers(string suites, string extra)
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile(suites, extra));

        var (_, text) = await SecurityScrape.RunAsync(new SecurityCollector(), fleet.Target());
        var authcap = Fields(Ipmitool(fleet.Port, "channel", "authcap", "1", "4"));
        var ciphers = Ipmitool(fleet.Port, "channel", "getciphers", "ipmi", "1").Split('\n').Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 0).Select(w => w[0]).ToList();

        var types = authcap["IPMI v1.5  auth types"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (ours, theirs) in new[] { ("none", "NONE"), ("md2", "MD2"), ("md5", "MD5"), ("password", "PASSWORD"), ("oem", "OEM") })
        {
            Assert.Contains($"ipmi_security_ipmi15_auth_type_enabled{{type=\"{ours}\"}} {(types.Contains(theirs) ? 1 : 0)}\n", text, StringComparison.Ordinal);
        }

        Assert.Contains($"ipmi_security_per_message_auth_disabled {Flag(authcap["Per message authentication"] == "disabled")}\n", text, StringComparison.Ordinal);
        Assert.Contains($"ipmi_security_user_level_auth_disabled {Flag(authcap["User level authentication"] == "disabled")}\n", text, StringComparison.Ordinal);
        Assert.Contains($"ipmi_security_anonymous_login_enabled {Flag(authcap["Anonymous login enabled"] == "yes")}\n", text, StringComparison.Ordinal);
        Assert.Contains($"ipmi_security_null_user_enabled {Flag(authcap["Null user names exist"] == "yes")}\n", text, StringComparison.Ordinal);
        Assert.NotEmpty(ciphers);
        foreach (var suite in ciphers)
        {
            Assert.Contains($"ipmi_security_cipher_suite_supported{{suite=\"{suite}\"}} 1\n", text, StringComparison.Ordinal);
        }

        Assert.Equal(ciphers.Count, text.Split('\n').Count(l => l.StartsWith("ipmi_security_cipher_suite_supported{", StringComparison.Ordinal)));
    }

    private static int Flag(bool on) => on ? 1 : 0;

    private static string Ipmitool(int port, params string[] command)
    {
        var result = ExternalTool.RunSuccessfully(
            "ipmitool",
            ["-I", "lanplus", "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", SecurityFleet.User, "-P", SecurityFleet.Password, "-L", "USER", "-C", "3", .. command]);
        return result.StandardOutput;
    }

    /// <summary>"Key : value" lines of ipmitool output.</summary>
    private static Dictionary<string, string> Fields(string output) =>
        output.Split('\n').Where(l => l.Contains(" : ", StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf(" : ", StringComparison.Ordinal)].Trim(), l => l[(l.IndexOf(" : ", StringComparison.Ordinal) + 3)..].Trim(), StringComparer.Ordinal);
}

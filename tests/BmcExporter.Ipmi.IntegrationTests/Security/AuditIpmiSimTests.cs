using System.Globalization;
using System.Text.Json;
using BmcExporter.Cli;

namespace BmcExporter.Ipmi.IntegrationTests.Security;

/// <summary>
/// <c>bmc-exporter audit</c> against OpenIPMI's ipmi_sim configured through lan.conf: the most hardened lan.conf it
/// runs with (only MD5 among the IPMI 1.5 types, no null user) and weak ones (anonymous user 1 and every IPMI 1.5
/// type; a factory-default ADMIN/ADMIN user). ipmi_sim accepts cipher suite 0 for any user whatever its configuration
/// (<see cref="SecurityIpmiSimTests"/>), so every ipmi_sim has that finding; the audit must report exactly that and
/// the MD5 warning on the hardened one, exactly the planted weaknesses on top of them on the weak ones, and exit 1 at
/// <c>--fail-on critical</c> (suite 0 is critical). A BMC without critical findings exiting 0 is covered by the
/// simulator tests (AuditCommandTests), whose profiles can turn suite 0 off.
/// </summary>
public sealed class AuditIpmiSimTests
{
    private const string SuiteZero = "cipher_suite_zero_accepted";
    private const string Md5 = "ipmi15_auth_md5";

    [Fact]
    public async Task Audit_HardenedIpmiSim_OnlySuiteZeroAndTheMd5Warning()
    {
        var ct = CancellationToken.None;
        await using var sim = await SecurityIpmiSim.StartAsync("md5", [], ct);

        var (code, findings) = await AuditAsync(sim, ct, "--default-password-check");

        Assert.Equal(1, code);
        Assert.Equal([SuiteZero, Md5], findings);
    }

    [Fact]
    public async Task Audit_AnonymousUserAndWeakAuthTypes_ExactlyThoseFindings()
    {
        var ct = CancellationToken.None;
        await using var sim = await SecurityIpmiSim.StartAsync("none md2 md5 straight", ["user 1 true \"\" \"\" admin 10 none md2 md5 straight"], ct);

        var (code, findings) = await AuditAsync(sim, ct);

        Assert.Equal(1, code);
        Assert.Equal(
            new[] { SuiteZero, "anonymous_login_enabled", "ipmi15_auth_none", "ipmi15_auth_md2", "ipmi15_auth_md5", "ipmi15_auth_password" }.Order(StringComparer.Ordinal),
            findings.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Audit_FactoryDefaultPassword_ThatUserFoundOnlyWithTheCheck()
    {
        var ct = CancellationToken.None;
        await using var sim = await SecurityIpmiSim.StartAsync("md5", ["user 4 true \"ADMIN\" \"ADMIN\" admin 10 md5"], ct);

        var (_, without) = await AuditAsync(sim, ct);
        var (code, with) = await AuditAsync(sim, ct, "--default-password-check");

        Assert.Equal([SuiteZero, Md5], without);
        Assert.Equal(1, code);
        Assert.Equal(new[] { SuiteZero, Md5, "default_password:ADMIN" }.Order(StringComparer.Ordinal), with.Order(StringComparer.Ordinal));
    }

    /// <summary>Runs the audit on <paramref name="sim"/> as its read-only user; the exit code and the finding ids.</summary>
    private static async Task<(int Code, List<string> Findings)> AuditAsync(SecurityIpmiSim sim, CancellationToken ct, params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args =
        [
            "--target", $"{sim.Host}:{sim.Port.ToString(CultureInfo.InvariantCulture)}", "--user", SecurityIpmiSim.Reader, "--password-env", "PW",
            "--cipher-suite", "3", "--timeout", "2", "--output", "json", .. extra,
        ];
        int code = await AuditCommand.RunAsync(args, stdout, stderr, n => n == "PW" ? SecurityIpmiSim.ReaderPassword : null, TimeProvider.System, ct);
        Assert.True(code is 0 or 1, $"exit {code}: {stderr}");
        using var doc = JsonDocument.Parse(stdout.ToString());
        JsonElement bmc = Assert.Single(doc.RootElement.GetProperty("bmcs").EnumerateArray());
        Assert.True(bmc.GetProperty("reached").GetBoolean(), stdout.ToString());
        return (code, bmc.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList());
    }
}

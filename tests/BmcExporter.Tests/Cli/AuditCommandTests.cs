using System.Text.Json;
using BmcExporter.Cli;
using BmcExporter.Tests.Security;

namespace BmcExporter.Tests.Cli;

/// <summary><c>bmc-exporter audit</c> against the project's simulator: exit codes, JSON and table output.</summary>
public sealed class AuditCommandTests
{
    private static string? Env(string name) => name == "PW" ? SecurityFleet.Password : null;

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await AuditCommand.RunAsync(args, stdout, stderr, Env, TimeProvider.System, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string[] Flags(SecurityFleet fleet, params string[] extra) =>
        ["--target", $"127.0.0.1:{fleet.Port}", "--user", SecurityFleet.User, "--password-env", "PW", "--timeout", "0.5", "--retries", "1", .. extra];

    [Fact]
    public async Task RunAsync_Help_ListsEveryAuditFlagAndExitsZero()
    {
        var (code, output, err) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Empty(err);
        foreach (var flag in new[] { "--target", "--targets-file", "--config", "--module", "--user", "--password-file", "--password-env", "--privilege", "--cipher-suite", "--timeout", "--retries", "--default-password-check", "--fail-on", "--parallel", "--deadline", "--output" })
        {
            Assert.Contains(flag, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunAsync_InlinePassword_IsRefusedWithExitTwo()
    {
        var (code, _, err) = await RunAsync("--target", "h", "--user", "u", "--password", "x");

        Assert.Equal(2, code);
        Assert.Contains("--password-file", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HardenedSimulator_NoFindingsExitZero()
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile());

        var (code, output, _) = await RunAsync(Flags(fleet, "--output", "json", "--default-password-check", "--fail-on", "info"));

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var bmc = Assert.Single(doc.RootElement.GetProperty("bmcs").EnumerateArray());
        Assert.True(bmc.GetProperty("reached").GetBoolean());
        Assert.Empty(bmc.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task RunAsync_SuiteZeroSimulator_ExactlyThatFindingExitOne()
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile("[0, 17, 3]"));

        var (code, output, _) = await RunAsync(Flags(fleet, "--output", "json"));

        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        var finding = Assert.Single(doc.RootElement.GetProperty("bmcs")[0].GetProperty("findings").EnumerateArray());
        Assert.Equal("cipher_suite_zero_accepted", finding.GetProperty("id").GetString());
        Assert.Equal("critical", finding.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task RunAsync_PerMessageAuthDisabled_WarningFailsOnlyAtFailOnWarning()
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile(extra: "security: { perMessageAuthDisabled: true }"));

        var (critical, table, _) = await RunAsync(Flags(fleet));
        var (warning, _, _) = await RunAsync(Flags(fleet, "--fail-on", "warning"));

        Assert.Equal(0, critical);
        Assert.Equal(1, warning);
        Assert.Contains("per_message_auth_disabled", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnreachableBmc_CriticalUnreachableFinding()
    {
        var port = BmcExporter.Tests.Security.SecurityFleet.User.Length + 40000;
        var (code, output, _) = await RunAsync("--target", $"127.0.0.1:{port}", "--user", "u", "--password-env", "PW", "--timeout", "0.2", "--retries", "0", "--output", "json");

        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        var bmc = doc.RootElement.GetProperty("bmcs")[0];
        Assert.False(bmc.GetProperty("reached").GetBoolean());
        Assert.Equal("unreachable", bmc.GetProperty("findings")[0].GetProperty("id").GetString());
    }
}

using System.Text.Json;
using BmcExporter.Cli;
using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Ipmi.IntegrationTests.Sim;
using BmcExporter.Ipmi.IntegrationTests.Tools;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>
/// <c>bmc-exporter chassis</c> shows Get System Restart Cause (IPMI v2.0 §28.11) beside the last power event, checked
/// against <c>ipmitool chassis restart_cause</c> on the product's simulator (which answers it) and on ipmi_sim (which
/// refuses it with 0xC1, so the command must show "not supported" and still succeed).
/// </summary>
[Trait("Category", "Integration")]
public sealed class ChassisRestartCauseTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    // ipmitool's wording (lib/ipmi_chassis.c) for the causes the simulator profile can answer, mapped to our names.
    private static readonly Dictionary<string, string> IpmitoolWording = new(StringComparer.Ordinal)
    {
        ["power-up via pushbutton"] = "power_button",
        ["reset via pushbutton"] = "reset_button",
        ["chassis power control command"] = "chassis_control",
        ["watchdog expired"] = "watchdog",
    };

    [Fact]
    public async Task Chassis_Json_RestartCauseMatchesIpmitool()
    {
        var (code, stdout, stderr) = await ChassisCli.RunAsync(simulator, "--output", "json");
        var ipmitool = await Ipmitool.RunAsync(simulator, CancellationToken.None, "chassis", "restart_cause");

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var words = ipmitool.Trim().Split(':', 2)[1].Trim();
        Assert.Equal(IpmitoolWording[words], doc.RootElement.GetProperty("restartCause").GetString());
        Assert.False(doc.RootElement.TryGetProperty("restartCauseError", out _));
        Assert.Equal("none", doc.RootElement.GetProperty("lastPowerEvent").GetString());
    }

    [Fact]
    public async Task Chassis_Table_RestartCauseBesideLastPowerEvent()
    {
        var (code, stdout, stderr) = await ChassisCli.RunAsync(simulator);

        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var last = Array.FindIndex(lines, l => l.StartsWith("Last Power Event", StringComparison.Ordinal));
        Assert.True(last >= 0, stdout);
        Assert.Equal("Restart Cause        : power_button", lines[last + 1]);
    }
}

/// <summary>The same command against ipmi_sim, which has no Get System Restart Cause.</summary>
[Collection(IpmiSimCollection.Name)]
[Trait("Category", "Integration")]
public sealed class IpmiSimChassisRestartCauseTests(IpmiSimFixture sim)
{
    [Fact]
    public async Task Chassis_BmcRefusesRestartCause_ShowsNotSupportedLikeIpmitool()
    {
        var (code, stdout, stderr) = await ChassisCli.RunAsync(sim, "--output", "json");
        var (tableCode, table, _) = await ChassisCli.RunAsync(sim);
        var ipmitool = await Assert.ThrowsAsync<InvalidOperationException>(() => Ipmitool.RunAsync(sim, CancellationToken.None, "chassis", "restart_cause"));

        Assert.True(code == 0, stderr);
        Assert.Contains("Invalid command", ipmitool.Message, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("restartCause").ValueKind);
        Assert.StartsWith("not supported (completion code 0xC1", doc.RootElement.GetProperty("restartCauseError").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, tableCode);
        Assert.Contains("Restart Cause        : not supported (completion code 0xC1", table, StringComparison.Ordinal);
        Assert.Contains("Last Power Event", table, StringComparison.Ordinal);
    }
}

/// <summary>Runs <c>bmc-exporter chassis</c> in-process against a BMC with the harness's reader account.</summary>
internal static class ChassisCli
{
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IBmcTarget bmc, params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = ["--target", $"{bmc.Host}:{bmc.Port}", "--user", SimBmc.ReaderUser, "--password-env", "BMC_PW", "--cipher-suite", "3", .. extra];
        var code = await ClientCommands.RunAsync("chassis", args, stdout, stderr, n => n == "BMC_PW" ? SimBmc.ReaderPassword : null, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

using System.Globalization;
using BmcExporter.Config;
using static BmcExporter.Tests.Config.ConfigTestHelpers;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// <c>ignoreauthcode</c> against a BMC whose sensor replies carry wrong RMCP+ integrity codes (simulator fault
/// <c>wrongIntegrity</c>): FreeIPMI's flag concerns IPMI 1.5 packets only, so <c>ipmi-sensors -W ignoreauthcode</c>
/// over LAN_2_0 fails there as it does without the flag. bmc-exporter loads the flag with a warning saying so and
/// keeps rejecting those replies (login works; every sensor reply is dropped), so the sensors collector fails.
/// </summary>
public sealed partial class UpstreamCollectorToolTests
{
    [Fact]
    public async Task IgnoreAuthCode_SensorRepliesWithWrongIntegrity_StayRejectedAsByFreeIpmiOverLan20()
    {
        await using var sim = await SimulatorFixture.StartAsync(bmcs: 1, faultsYaml: "faults: [ { wrongIntegrity: 1.0 } ]");
        var endpoint = sim.Fleet.Endpoints[0];
        var target = $"{endpoint.Address}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}";

        var cache = Directory.CreateTempSubdirectory("freeipmi-sdr-");
        try
        {
            string[] common = ["-D", "LAN_2_0", "-h", target, "-u", SimulatorFixture.User, "-p", SimulatorFixture.Password, "-l", "USER", "-I", "3",
                "--sdr-cache-directory", cache.FullName, "--quiet-cache", "--session-timeout", "2000"];
            Assert.NotEqual(0, await ExitCodeAsync("ipmi-sensors", [.. common, "-W", "ignoreauthcode"]));
            Assert.NotEqual(0, await ExitCodeAsync("ipmi-sensors", common));
        }
        finally
        {
            cache.Delete(recursive: true);
        }

        var loaded = Load(
            $"modules:\n  default:\n    user: {SimulatorFixture.User}\n    password: {SimulatorFixture.Password}\n    privilege: user\n    collectors: [sensors]\n    workaround_flags: [ignoreauthcode]\n");
        Assert.Contains(loaded.Warnings, w => w.Message.Contains("workaround 'ignoreauthcode' has no effect", StringComparison.Ordinal));
        Assert.False(loaded.Config!.Modules["default"].HasWorkaround("ignoreauthcode"));
        var config = sim.Config(ScrapeMode.OnDemand);
        config = config with { Modules = loaded.Config.Modules, Scrape = config.Scrape with { Timeout = TimeSpan.FromSeconds(3) } };
        await using var served = await ServedExporter.StartAsync(config);
        var client = served.Client;
        var exposition = await client.GetStringAsync($"/ipmi?target={target}&module=default");
        var ours = Series(exposition);

        Assert.True(ours["ipmi_up{collector=\"ipmi\"}"] == "0", exposition);
        Assert.DoesNotContain(ours.Keys, k => k.StartsWith("ipmi_temperature_celsius{", StringComparison.Ordinal));
        Assert.True(sim.Fleet.Statistics.WrongAuthCodes >= 1);
    }
}

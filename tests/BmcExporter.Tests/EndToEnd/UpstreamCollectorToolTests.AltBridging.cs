using System.Globalization;
using BmcExporter.Config;
using static BmcExporter.Tests.Config.ConfigTestHelpers;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// <c>altbridging</c> against the simulator's Lenovo SR650 v3 quirk: a BMC that owns "Rear Temp" on LUN 1 and NAKs
/// Send Message to itself. FreeIPMI's usual bridging fails there and ipmitool (LUN in the request header) reads it;
/// bmc-exporter reads it the header way with or without the flag, and never sends Send Message for it.
/// </summary>
public sealed partial class UpstreamCollectorToolTests
{
    private const string RearTempOnLun1 =
        "sensors:\n  - name: Rear Temp\n    number: 0x01\n    lun: 1\n    type: temperature\n    unit: degreesC\n    entity: 0x07\n    behaviour: { base: 31 }\n";

    [Theory]
    [InlineData("[altbridging]")]
    [InlineData("[]")]
    public async Task AltBridging_BmcSensorOnLun1_ReadThroughTheHeaderWhereFreeIpmiBridgingFails(string flags)
    {
        await using var sim = await SimulatorFixture.StartAsync(
            bmcs: 1, extraYaml: "quirks: [altbridging]\n", editProfile: y => y.Replace("sensors:\n", RearTempOnLun1, StringComparison.Ordinal));
        var endpoint = sim.Fleet.Endpoints[0];
        var target = $"{endpoint.Address}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}";

        // Independent clients: ipmitool puts LUN 1 in the request header; FreeIPMI 1.6.10 bridges it with Send Message
        // under --bridge-sensors (refused here: the run fails) and lists it N/A without.
        Assert.Matches(@"(?m)^Rear Temp\s*\|\s*01h\s*\|\s*ok\s*\|[^|]*\|\s*31 degrees C", await IpmitoolAsync(endpoint.Port, "sdr", "elist"));
        var cache = Directory.CreateTempSubdirectory("freeipmi-sdr-");
        try
        {
            string[] common = ["-D", "LAN_2_0", "-h", target, "-u", SimulatorFixture.User, "-p", SimulatorFixture.Password, "-l", "USER", "-I", "3",
                "--sdr-cache-directory", cache.FullName, "--quiet-cache", "--comma-separated-output", "--no-header-output"];
            Assert.Contains("Rear Temp,Temperature,N/A,", await RunAsync("ipmi-sensors", common), StringComparison.Ordinal);
            Assert.NotEqual(0, await ExitCodeAsync("ipmi-sensors", [.. common, "--bridge-sensors"]));
        }
        finally
        {
            cache.Delete(recursive: true);
        }

        var sendMessagesByTools = sim.Fleet.Statistics.SendMessages;
        Assert.True(sendMessagesByTools >= 1, "FreeIPMI --bridge-sensors should have tried Send Message");

        // bmc-exporter, module from YAML: bridge_sensors on (as --bridge-sensors), with and without the flag.
        var loaded = LoadOk($"modules:\n  default:\n    user: {SimulatorFixture.User}\n    password: {SimulatorFixture.Password}\n    privilege: user\n    collectors: [sensors]\n    bridge_sensors: true\n    workaround_flags: {flags}\n");
        var config = sim.Config(ScrapeMode.OnDemand) with { Modules = loaded.Modules };
        await using var served = await ServedExporter.StartAsync(config);
        var client = served.Client;
        var exposition = await client.GetStringAsync($"/ipmi?target={target}&module=default");
        var ours = Series(exposition);

        Assert.True(ours["ipmi_up{collector=\"ipmi\"}"] == "1", exposition);
        var rear = ours.Single(s => s.Key.StartsWith("ipmi_temperature_celsius{", StringComparison.Ordinal) && s.Key.Contains("name=\"Rear Temp\"", StringComparison.Ordinal));
        Assert.Equal("31", rear.Value);
        Assert.Equal(sendMessagesByTools, sim.Fleet.Statistics.SendMessages);
    }
}

using System.Globalization;
using System.Text.Json;
using BmcExporter.Cli;
using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Simulator.Profiles;
using BmcExporter.Tests.Fakes;
using BmcExporter.Tests.Packaging;

namespace BmcExporter.Tests.Fru;

/// <summary>
/// <c>bmc-exporter fru</c> against the simulator's gpu-dense profile (FRU 0; locators of FRU 1 and 2 with data and of
/// FRU 3, not present): every device the SDR lists, as the collector reads them, cross-checked with ipmitool
/// <c>fru print</c> on the same BMC.
/// </summary>
public sealed class FruCliTests
{
    private static readonly string[] Labels =
    [
        "Board Mfg", "Board Product", "Board Serial", "Board Part Number", "Product Manufacturer", "Product Name",
        "Product Part Number", "Product Version", "Product Serial", "Product Asset Tag", "Chassis Part Number", "Chassis Serial",
    ];

    [Fact]
    public async Task Fru_Table_EveryLocatorDeviceAsIpmitoolFruPrintShowsIt()
    {
        var (fleet, target) = await OneSimulatedBmc.StartAsync("gpu-dense", [CollectorKind.Fru]);
        await using var _ = fleet;

        var (code, stdout, stderr) = await RunAsync(target.Port);
        var tool = ExternalTool.Run("ipmitool", ["-I", "lanplus", "-H", "127.0.0.1", "-p", target.Port.ToString(CultureInfo.InvariantCulture), "-U", OneSimulatedBmc.User, "-P", OneSimulatedBmc.Password, "-L", "USER", "-C", "3", "fru", "print"]);

        Assert.True(code == 0, stderr);
        var ours = Blocks(stdout);
        var theirs = Blocks(tool.StandardOutput + tool.StandardError);
        Assert.Equal(
            ["Builtin FRU Device (ID 0)", "GPU Baseboard (ID 1)", "PSU FRU (ID 2)", "PSU2 FRU (ID 3)"],
            ours.Select(b => b["FRU Device Description"]));
        Assert.Equal(theirs.Select(b => b["FRU Device Description"]).Take(4), ours.Select(b => b["FRU Device Description"]).Take(4));
        for (var i = 0; i < 3; i++)
        {
            foreach (var label in Labels)
            {
                Assert.Equal(theirs[i].GetValueOrDefault(label, string.Empty), ours[i].GetValueOrDefault(label, string.Empty));
            }
        }

        Assert.Contains(" Device not present (completion code 0xCB", stdout, StringComparison.Ordinal);
        Assert.Contains("Device not present", tool.StandardOutput + tool.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fru_Json_OneObjectPerDeviceWithTheProfilesData()
    {
        var (fleet, target) = await OneSimulatedBmc.StartAsync("gpu-dense", [CollectorKind.Fru]);
        await using var _ = fleet;
        var profile = ProfileLoader.LoadShipped("gpu-dense");
        FruDefinition[] expected = [profile.Fru, .. profile.Locators.Where(l => !l.IsMc && l.Present).Select(l => l.Fru!)];

        var (code, stdout, stderr) = await RunAsync(target.Port, "--output", "json");

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var devices = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3], devices.Select(d => d.GetProperty("fruId").GetInt32()));
        Assert.Equal([FruDevices.BuiltinName, "GPU Baseboard", "PSU FRU", "PSU2 FRU"], devices.Select(d => d.GetProperty("name").GetString()));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(devices[i].GetProperty("present").GetBoolean());
            Assert.True(devices[i].GetProperty("checksumsValid").GetBoolean());
            Assert.Equal(FruDefinition.Expand(expected[i].BoardSerial, 0), devices[i].GetProperty("boardSerial").GetString());
            Assert.Equal(expected[i].BoardProduct, devices[i].GetProperty("boardProduct").GetString());
            Assert.Equal(expected[i].ProductName, devices[i].GetProperty("productName").GetString());
        }

        Assert.False(devices[3].GetProperty("present").GetBoolean());
        Assert.StartsWith("completion code 0xCB", devices[3].GetProperty("notPresent").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fru_NoDeviceHasFruData_NoTableAndOneLineNamingEachDevicesAnswer()
    {
        await using var scrape = await FruScrape.StartAsync("gpu-dense", CollectorKind.Fru);
        scrape.Channel.FailAll = 0xCB; // every FRU command: "requested sensor, data or record not present"
        var port = scrape.Fleet.Endpoints[0].Port;
        var options = ClientCommandOptions.Parse(["--target", $"127.0.0.1:{port}", "--user", OneSimulatedBmc.User, "--password-env", "PW"], n => n == "PW" ? OneSimulatedBmc.Password : null);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await ClientCommands.FruAsync(scrape.Channel, options, stdout, stderr, CancellationToken.None);

        Assert.Equal(ClientCommands.BmcError, code);
        Assert.Empty(stdout.ToString());
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"bmc-exporter fru: 127.0.0.1:{port} has no FRU data (FRU device 0 ({FruDevices.BuiltinName}): completion code 0xCB, ", line, StringComparison.Ordinal);
        foreach (var device in new[] { "FRU device 1 (GPU Baseboard)", "FRU device 2 (PSU FRU)", "FRU device 3 (PSU2 FRU)" })
        {
            Assert.Contains($"; {device}: completion code 0xCB, ", line, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("netfn", line, StringComparison.Ordinal); // no completion code of a command that was not sent
        Assert.DoesNotContain(OneSimulatedBmc.Password, line, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(int port, params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = ["--target", $"127.0.0.1:{port}", "--user", OneSimulatedBmc.User, "--password-env", "PW", .. extra];
        var code = await ClientCommands.RunAsync("fru", args, stdout, stderr, n => n == "PW" ? OneSimulatedBmc.Password : null, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>ipmitool's <c>fru print</c> layout: a block per "FRU Device Description" line, then "Key : value" lines.</summary>
    private static List<Dictionary<string, string>> Blocks(string output)
    {
        var blocks = new List<Dictionary<string, string>>();
        foreach (var line in output.Split('\n'))
        {
            var colon = line.IndexOf(" : ", StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            if (key == "FRU Device Description")
            {
                blocks.Add(new Dictionary<string, string>(StringComparer.Ordinal));
            }

            if (blocks.Count > 0)
            {
                blocks[^1][key] = line[(colon + 3)..].Trim();
            }
        }

        return blocks;
    }
}

using System.Text.Json;
using BmcExporter.Cli;
using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Ipmi.IntegrationTests.Sim;
using BmcExporter.Ipmi.IntegrationTests.Tools;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>
/// <c>bmc-exporter sensors|info|chassis|sel|fru</c> against ipmi_sim: the command line a person debugging a
/// BMC runs, checked field by field against the harness's oracle.
/// </summary>
[Collection(IpmiSimCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CliIntegrationTests(IpmiSimFixture sim)
{
    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(string verb, string password, params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = ["--target", $"{sim.Host}:{sim.Port}", "--user", SimBmc.ReaderUser, "--password-env", "BMC_PW", "--cipher-suite", "3", .. extra];
        var code = await ClientCommands.RunAsync(verb, args, stdout, stderr, n => n == "BMC_PW" ? password : null, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Sensors_Json_EverySensorMatchesOracle()
    {
        var (code, stdout, stderr) = await RunAsync("sensors", SimBmc.ReaderPassword, "--output", "json");

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var bySensor = doc.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("sensorNumber").GetInt32());
        foreach (var s in SimBmc.Analog)
        {
            var e = bySensor[s.Number];
            Assert.Equal(s.Name, e.GetProperty("name").GetString());
            Assert.Equal(s.EntityId, e.GetProperty("entityId").GetInt32());
            Assert.Equal(s.EntityInstance, e.GetProperty("entityInstance").GetInt32());
            var value = e.GetProperty("value");
            if (s.Value is { } expected)
            {
                Assert.Equal(expected, value.GetDouble(), 6);
                Assert.Equal(s.UnitName, e.GetProperty("unit").GetString());
                Assert.Equal(s.Status.ToString().ToLowerInvariant(), e.GetProperty("status").GetString());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, value.ValueKind);
                Assert.Equal("unavailable", e.GetProperty("status").GetString());
            }

            var t = e.GetProperty("thresholds");
            AssertThreshold(s.ThresholdValues.LowerNonRecoverable, t.GetProperty("lowerNonRecoverable"), s.Name);
            AssertThreshold(s.ThresholdValues.LowerCritical, t.GetProperty("lowerCritical"), s.Name);
            AssertThreshold(s.ThresholdValues.LowerNonCritical, t.GetProperty("lowerNonCritical"), s.Name);
            AssertThreshold(s.ThresholdValues.UpperNonCritical, t.GetProperty("upperNonCritical"), s.Name);
            AssertThreshold(s.ThresholdValues.UpperCritical, t.GetProperty("upperCritical"), s.Name);
            AssertThreshold(s.ThresholdValues.UpperNonRecoverable, t.GetProperty("upperNonRecoverable"), s.Name);
            Assert.Empty(e.GetProperty("assertedStates").EnumerateArray());
        }

        foreach (var s in SimBmc.Discrete)
        {
            var e = bySensor[s.Number];
            Assert.Equal(JsonValueKind.Null, e.GetProperty("value").ValueKind);
            Assert.Equal(s.AssertedOffsets, e.GetProperty("assertedStates").EnumerateArray().Select(x => x.GetInt32()).ToArray());
            Assert.Equal(s.AssertedOffsets.Count, e.GetProperty("stateNames").GetArrayLength());
        }
    }

    [Fact]
    public async Task Sensors_Table_OneRowPerSensorWithHeader()
    {
        var (code, stdout, stderr) = await RunAsync("sensors", SimBmc.ReaderPassword);

        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Equal(SimBmc.AllSensors.Count(), lines.Length - 1);
        Assert.Contains(lines, l => l.Contains(SimBmc.Analog[0].Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Info_Json_DeviceIdentityMatchesOracle()
    {
        var (code, stdout, stderr) = await RunAsync("info", SimBmc.ReaderPassword, "--output", "json");

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(SimBmc.DeviceId, doc.RootElement.GetProperty("deviceId").GetInt32());
        Assert.Equal(SimBmc.ManufacturerId, doc.RootElement.GetProperty("manufacturerId").GetInt32());
        Assert.Equal(SimBmc.ProductId, doc.RootElement.GetProperty("productId").GetInt32());
        Assert.Equal($"{SimBmc.FirmwareMajor}.{SimBmc.FirmwareMinorBcd:x2}", doc.RootElement.GetProperty("firmwareRevision").GetString());
    }

    [Fact]
    public async Task Sel_Json_ListsEveryEntry()
    {
        var (code, stdout, stderr) = await RunAsync("sel", SimBmc.ReaderPassword, "--output", "json");

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(SimBmc.Sel.Count, doc.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Fru_Table_EveryFruDeviceOfTheSdrMatchesIpmitoolFruPrint()
    {
        var (code, stdout, stderr) = await RunAsync("fru", SimBmc.ReaderPassword);
        var tool = IpmitoolBlocks.Parse(await Ipmitool.RunAsync(sim, CancellationToken.None, "fru", "print"), "FRU Device Description");

        Assert.True(code == 0, stderr);
        var ours = IpmitoolBlocks.Parse(stdout, "FRU Device Description");
        Assert.Equal(2, tool.Count); // FRU 0 and the locator's FRU 1, as the configuration defines
        Assert.Equal(tool.Count, ours.Count);
        for (int i = 0; i < tool.Count; i++)
        {
            Assert.Equal(tool[i]["FRU Device Description"], ours[i]["FRU Device Description"]);
            foreach (string label in FruLabels)
            {
                Assert.Equal(tool[i].GetValueOrDefault(label, string.Empty), ours[i].GetValueOrDefault(label, string.Empty));
            }
        }
    }

    [Fact]
    public async Task Fru_Json_BothDevicesWithTheConfiguredBoards()
    {
        var (code, stdout, stderr) = await RunAsync("fru", SimBmc.ReaderPassword, "--output", "json");

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var devices = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal([0, 1], devices.Select(d => d.GetProperty("fruId").GetInt32()));
        Assert.Equal(["Builtin FRU Device", "PSU FRU"], devices.Select(d => d.GetProperty("name").GetString()));
        Assert.All(devices, d => Assert.True(d.GetProperty("present").GetBoolean()));
        Assert.Equal(SimBmc.Product.AssetTag, devices[0].GetProperty("productAssetTag").GetString());
        Assert.Equal(SimBmc.SecondaryBoard.Serial, devices[1].GetProperty("boardSerial").GetString());
        Assert.False(devices[1].TryGetProperty("productName", out _)); // FRU 1 has a board area only
    }

    private static readonly string[] FruLabels =
    [
        "Chassis Part Number", "Chassis Serial", "Board Mfg", "Board Product", "Board Serial", "Board Part Number",
        "Product Manufacturer", "Product Name", "Product Part Number", "Product Version", "Product Serial", "Product Asset Tag",
    ];

    [Fact]
    public async Task WrongPassword_OneLineOnStderrExitOne()
    {
        var (code, stdout, stderr) = await RunAsync("info", "not-the-password");

        Assert.Equal(ClientCommands.BmcError, code);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("wrong password", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
    }

    private static void AssertThreshold(double? expected, JsonElement actual, string sensor)
    {
        if (expected is { } v)
        {
            Assert.True(actual.ValueKind == JsonValueKind.Number, $"{sensor}: threshold missing");
            Assert.Equal(v, actual.GetDouble(), 6);
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, actual.ValueKind);
        }
    }
}

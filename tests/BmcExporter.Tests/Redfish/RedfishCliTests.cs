using System.Text.Json;
using BmcExporter.Cli;

namespace BmcExporter.Tests.Redfish;

/// <summary><c>bmc-exporter sensors|sel|info|chassis|fru --protocol redfish</c> against a simulated BMC over HTTPS.</summary>
public sealed class RedfishCliTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(string verb, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ClientCommands.RunAsync(verb, args, stdout, stderr, name => name == "PW" ? RedfishHostFixture.Password : null, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Sensors_ProtocolRedfishJson_SameReadingsAsTheExporter()
    {
        await using var fx = await RedfishHostFixture.StartAsync();
        var (code, output, error) = await RunAsync("sensors", "--protocol", "redfish", "--target", fx.Fleet.RedfishEndpoints[0].ToString(), "--user", RedfishHostFixture.User, "--password-env", "PW", "--ca-file", fx.CaFile, "--output", "json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var sensors = json.RootElement.EnumerateArray().ToList();
        Assert.Contains(sensors, s => s.GetProperty("name").GetString() == "Inlet Temp" && s.GetProperty("sensorType").GetString() == "Temperature" && s.GetProperty("value").ValueKind == JsonValueKind.Number);
        Assert.All(sensors, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("id").GetString())));
    }

    [Theory]
    [InlineData("sel", "Temperature")]
    [InlineData("info", "Firmware")]
    [InlineData("fru", "Serial")]
    [InlineData("chassis", "Power")]
    public async Task Verb_ProtocolRedfishTable_Prints(string verb, string expected)
    {
        await using var fx = await RedfishHostFixture.StartAsync();
        var (code, output, error) = await RunAsync(verb, "--protocol=redfish", "--target", fx.Fleet.RedfishEndpoints[0].ToString(), "--user", RedfishHostFixture.User, "--password-env", "PW", "--ca-file", fx.CaFile);

        Assert.True(code == 0, error);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--protocol", "snmp")]
    [InlineData("--protocol", "redfish", "--target", "127.0.0.1", "--user", "u", "--password-env", "PW", "--ca-file", "x.pem", "--insecure")]
    [InlineData("--protocol", "redfish", "--target", "127.0.0.1", "--user", "u", "--password-env", "PW", "--cipher-suite", "3")]
    public async Task Usage_BadFlags_ExitCode2(params string[] args)
    {
        var (code, _, error) = await RunAsync("sensors", args);

        Assert.Equal(ClientCommands.UsageError, code);
        Assert.StartsWith("bmc-exporter sensors: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sensors_NoCaFile_OneLineTlsErrorExitCode1()
    {
        await using var fx = await RedfishHostFixture.StartAsync();
        var (code, _, error) = await RunAsync("sensors", "--protocol", "redfish", "--target", fx.Fleet.RedfishEndpoints[0].ToString(), "--user", RedfishHostFixture.User, "--password-env", "PW");

        Assert.Equal(ClientCommands.BmcError, code);
        Assert.Contains("ca_file", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}

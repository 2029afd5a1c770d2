using BmcExporter.Config;
using BmcExporter.Redfish;
using static BmcExporter.Tests.Config.ConfigTestHelpers;

namespace BmcExporter.Tests.Config;

/// <summary><c>protocol:</c> and <c>redfish:</c> in a module: every key read, every wrong value located.</summary>
public sealed class RedfishModuleSettingsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "redfish-config-" + Guid.NewGuid().ToString("N"));

    public RedfishModuleSettingsTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "bmc-ca.pem"), "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    }

    private string Yaml(string module) => $"modules:\n  rf:\n    user: monitor\n    password_env: BMC_PW\n{module}";

    private ConfigLoadResult Load(string module, string password = "pw") =>
        ConfigLoader.LoadFromText(Yaml(module), Path.Combine(_dir, "exporter.yaml"), Env(("BMC_PW", password)));

    private ModuleConfig LoadModule(string module)
    {
        var result = Load(module);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return result.Config!.Modules["rf"];
    }

    [Fact]
    public void Defaults_IpmiWithDefaultRedfishSettings()
    {
        var m = LoadModule(string.Empty);

        Assert.Equal(ModuleProtocol.Ipmi, m.Protocol);
        Assert.Equal(RedfishModuleConfig.Default, m.Redfish);
        Assert.Null(m.Redfish.Port);
        Assert.Null(m.Redfish.CaFile);
        Assert.False(m.Redfish.InsecureSkipVerify);
        Assert.Equal(RedfishAuthMode.Session, m.Redfish.Auth);
        Assert.Equal(4, m.Redfish.MaxInFlight);
        Assert.True(m.Redfish.Expand);
        Assert.Equal(ModuleConfig.DefaultCollectors, m.Collectors);
    }

    [Fact]
    public void EveryKey_IsRead()
    {
        var m = LoadModule("""
                protocol: redfish
                redfish:
                  port: 8443
                  ca_file: bmc-ca.pem
                  auth: basic
                  max_in_flight: 2
                  expand: false

            """);

        Assert.Equal(ModuleProtocol.Redfish, m.Protocol);
        Assert.Equal(8443, m.Redfish.Port);
        Assert.Equal(Path.Combine(_dir, "bmc-ca.pem"), m.Redfish.CaFile);
        Assert.Equal(RedfishAuthMode.Basic, m.Redfish.Auth);
        Assert.Equal(2, m.Redfish.MaxInFlight);
        Assert.False(m.Redfish.Expand);
        Assert.Equal(ModuleConfig.RedfishCollectors, m.Collectors);
    }

    [Theory]
    [InlineData("ipmi", ModuleProtocol.Ipmi)]
    [InlineData("redfish", ModuleProtocol.Redfish)]
    [InlineData("auto", ModuleProtocol.Auto)]
    public void Protocol_EachValue_IsRead(string text, ModuleProtocol expected) =>
        Assert.Equal(expected, LoadModule($"    protocol: {text}\n").Protocol);

    [Theory]
    [InlineData("    protocol: http\n", "/exporter.yaml:5 modules.rf.protocol: 'http' is not one of ipmi, redfish, auto")]
    [InlineData("    protocol: redfish\n    redfish: { port: 70000 }\n", "/exporter.yaml:6 modules.rf.redfish.port: 70000 is out of range 1..65535")]
    [InlineData("    protocol: redfish\n    redfish: { max_in_flight: 0 }\n", "/exporter.yaml:6 modules.rf.redfish.max_in_flight: 0 is out of range 1..64")]
    [InlineData("    protocol: redfish\n    redfish: { auth: token }\n", "/exporter.yaml:6 modules.rf.redfish.auth: 'token' is not one of session, basic")]
    [InlineData("    protocol: redfish\n    redfish: { ca_file: missing.pem }\n", "/exporter.yaml:6 modules.rf.redfish.ca_file: file ")]
    [InlineData("    protocol: redfish\n    redfish: { ca_file: bmc-ca.pem, insecure_skip_verify: true }\n", "/exporter.yaml:6 modules.rf.redfish.insecure_skip_verify: insecure_skip_verify: true and ca_file exclude each other")]
    [InlineData("    redfish: { port: 443 }\n", "/exporter.yaml:5 modules.rf.redfish: a redfish block needs protocol: redfish or auto")]
    [InlineData("    protocol: redfish\n    collectors: [sensors, bmc-watchdog]\n", "/exporter.yaml:6 modules.rf.collectors[1]: collector 'bmc-watchdog' is IPMI-only, and protocol redfish reads over Redfish")]
    [InlineData("    protocol: redfish\n    redfish: { ca_fle: x }\n", "/exporter.yaml:6 modules.rf.redfish.ca_fle")]
    [InlineData("    protocol: redfish\n    redfish: { expand: maybe }\n", "/exporter.yaml:6 modules.rf.redfish.expand")]
    public void WrongValue_IsRejectedWithFileLineAndKey(string module, string expected)
    {
        var result = Load(module);

        Assert.False(result.Success);
        var error = Assert.Single(result.Errors).ToString();
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void InsecureSkipVerify_IsAcceptedWithAStartupWarning()
    {
        var result = Load("    protocol: redfish\n    redfish:\n      insecure_skip_verify: true\n");

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.True(result.Config!.Modules["rf"].Redfish.InsecureSkipVerify);
        var warning = Assert.Single(result.Warnings).ToString();
        Assert.Contains("/exporter.yaml:7 modules.rf.redfish.insecure_skip_verify: TLS certificates of this module's BMCs are not verified", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void LongPassword_AcceptedForRedfishRejectedWhereIpmiMayBeUsed()
    {
        var longPassword = new string('p', 40);

        var redfish = Load("    protocol: redfish\n", longPassword);
        var auto = Load("    protocol: auto\n", longPassword);

        Assert.True(redfish.Success, string.Join("\n", redfish.Errors));
        Assert.Equal(40, redfish.Config!.Modules["rf"].Password.Length);
        Assert.Contains("IPMI allows at most 20", Assert.Single(auto.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ModuleProtocol.Redfish, null, 623, 443)]
    [InlineData(ModuleProtocol.Redfish, null, 8443, 8443)]
    [InlineData(ModuleProtocol.Redfish, 9443, 8443, 9443)]
    [InlineData(ModuleProtocol.Auto, null, 1623, 443)]
    [InlineData(ModuleProtocol.Auto, 8443, 623, 8443)]
    public void PortFor_TargetAndSetting_DocumentedPort(ModuleProtocol protocol, int? port, int targetPort, int expected) =>
        Assert.Equal(expected, new RedfishModuleConfig { Port = port }.PortFor(protocol, targetPort));

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

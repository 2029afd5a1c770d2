using BmcExporter.Config;
using static BmcExporter.Tests.Config.ConfigTestHelpers;

namespace BmcExporter.Tests.Config;

public sealed class IpmiExporterCompatTests
{
    // Shaped like ipmi_exporter's ipmi_remote.yml example: tab-free, deep indentation, every key it knows.
    private const string RemoteConfig = """
        modules:
                default:
                        user: "default_user"
                        pass: "example_pw"
                        driver: "LAN_2_0"
                        privilege: "user"
                        timeout: 10000
                        collectors:
                        - bmc
                        - ipmi
                        - chassis
                        exclude_sensor_ids:
                        - 2
                        - 29
                dcmi:
                        user: "admin_user"
                        pass: "another_pw"
                        privilege: "admin"
                        driver: "LAN_2_0"
                        collectors:
                        - dcmi
                thatspecialhost:
                        user: "some_user"
                        pass: "secret_pw"
                        privilege: "admin"
                        driver: "LAN"
                        collectors:
                        - ipmi
                        - sel
                        workaround_flags:
                        - discretereading
                        custom_args:
                                ipmi:
                                - "--bridge-sensors"
                                - "-I"
                                - "3"
                advanced:
                        user: "some_user"
                        pass: "secret_pw"
                        collectors:
                        - ipmi
                        - sel-events
                        collector_cmd:
                                ipmi: sudo
                        custom_args:
                                ipmi:
                                - "ipmimonitoring"
                        sel_events:
                        - name: correctable_memory_error
                          regex: Correctable memory error.*
        """;

    [Fact]
    public void RemoteExample_IsAcceptedAndMapped()
    {
        var result = Load(RemoteConfig);

        Assert.True(result.Success, string.Join("\n", result.Errors));
        var config = result.Config!;
        Assert.True(config.IsIpmiExporterFormat);

        var d = config.Modules["default"];
        Assert.Equal("default_user", d.User);
        Assert.Equal("example_pw"u8.ToArray(), d.Password.Reveal().ToArray());
        Assert.Equal(PrivilegeLevel.User, d.Privilege);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), d.Timeout); // 10 s session budget over 1 + 3 attempts
        Assert.Equal([CollectorKind.Bmc, CollectorKind.Sensors, CollectorKind.Chassis], d.Collectors);
        Assert.Equal(new HashSet<int> { 2, 29 }, d.Sensors.ExcludeRecordIds);
        Assert.False(d.Sensors.Allows("x", 1, 29));

        var dcmi = config.Modules["dcmi"];
        Assert.Equal(PrivilegeLevel.Admin, dcmi.Privilege);
        Assert.Equal([CollectorKind.Dcmi], dcmi.Collectors);

        var special = config.Modules["thatspecialhost"];
        Assert.True(special.BridgeSensors);
        Assert.Equal([3], special.CipherSuites);
        Assert.True(special.HasWorkaround("discretereading"));

        var advanced = config.Modules["advanced"];
        var selEvent = Assert.Single(advanced.SelEvents);
        Assert.Equal("correctable_memory_error", selEvent.Name);
        Assert.Matches(selEvent.Regex, "Correctable memory error at DIMM A1");
    }

    [Fact]
    public void RemoteExample_WarnsOncePerMeaninglessItem()
    {
        var result = Load(RemoteConfig);

        var warnings = result.Warnings.Select(w => $"{w.Line} {w.Key}").ToList();
        Assert.Equal(
            [
                "4 modules.default.pass",
                "17 modules.dcmi.pass",
                "24 modules.thatspecialhost.pass",
                "26 modules.thatspecialhost.driver",
                "39 modules.advanced.pass",
                "44 modules.advanced.collector_cmd",
                "47 modules.advanced.custom_args.ipmi[0]",
            ],
            warnings);
        Assert.Contains("driver LAN (IPMI 1.5) is not supported", result.Warnings[3].Message, StringComparison.Ordinal);
        Assert.Contains("'ipmimonitoring' has no meaning", result.Warnings[6].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalExample_WithoutCredentials_WarnsAboutInBand()
    {
        var result = Load("modules:\n  default:\n    collectors: [bmc, ipmi, dcmi, chassis, sel]\n    exclude_sensor_ids: [2]\n");

        Assert.True(result.Success);
        Assert.Contains("in-band", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IpmiExporterModuleWithoutCollectors_GetsItsDefaultCollectors()
    {
        var config = LoadOk("modules:\n  default:\n    user: a\n");

        Assert.True(config.IsIpmiExporterFormat);
        Assert.Equal([CollectorKind.Sensors, CollectorKind.Dcmi, CollectorKind.Bmc, CollectorKind.Chassis], config.Modules["default"].Collectors);
    }

    [Theory]
    [InlineData("[\"-I\", \"17\"]", 17)]
    [InlineData("[\"-I3\"]", 3)]
    [InlineData("[\"--cipher-suite-id=17\"]", 17)]
    [InlineData("[\"--cipher-suite-id\", \"3\"]", 3)]
    public void CustomArgs_CipherSuiteSpellings_BecomeCipherSuite(string args, int suite)
    {
        var config = LoadOk($"modules:\n  default:\n    user: a\n    custom_args:\n      ipmi: {args}\n");

        Assert.Equal([suite], config.Modules["default"].CipherSuites);
    }

    [Fact]
    public void CustomArgs_PasswordOption_IsWarnedWithoutItsValue()
    {
        var result = Load("modules:\n  default:\n    user: a\n    custom_args:\n      ipmi: [\"-p\", \"leaked-pw\", \"-W\", \"authcap,idzero\"]\n");

        Assert.True(result.Success);
        Assert.All(result.Warnings, w => Assert.DoesNotContain("leaked-pw", w.ToString(), StringComparison.Ordinal));
        Assert.Equal(2, result.Warnings.Count);
        Assert.Contains("'-p' on the FreeIPMI command line is ignored", result.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("'idzero' applies to IPMI 1.5", result.Warnings[1].Message, StringComparison.Ordinal);
        Assert.True(result.Config!.Modules["default"].HasWorkaround("authcap"));
    }

    [Fact]
    public void CustomArgs_InvalidCipherSuite_IsAnError()
    {
        var error = SingleError("modules:\n  default:\n    user: a\n    custom_args:\n      ipmi: [\"-I\", \"9\"]\n");

        Assert.Equal("/etc/bmc/exporter.yaml:5 modules.default.custom_args.ipmi[0]: cipher suite '9' is not one of 0, 1, 2, 3, 15, 16, 17", error);
    }

    [Fact]
    public void IpmiExporterTimeout_IsMillisecondsWhileNativeTimeoutIsSeconds()
    {
        var ipmi = LoadOk("modules:\n  default:\n    user: a\n    timeout: 2000\n");
        var native = LoadOk("modules:\n  default:\n    user: a\n    timeout: 2\n    retries: 1\n");

        Assert.Equal(TimeSpan.FromMilliseconds(500), ipmi.Modules["default"].Timeout);
        Assert.Equal(TimeSpan.FromSeconds(2), native.Modules["default"].Timeout);
    }

    [Fact]
    public void UnknownDriver_IsAnError()
    {
        var error = SingleError("modules:\n  default:\n    driver: SERIAL\n");

        Assert.Equal("/etc/bmc/exporter.yaml:3 modules.default.driver: 'SERIAL' is not a FreeIPMI driver (LAN_2_0, LAN, KCS, SSIF, OPENIPMI, SUNBMC, INTELDCMI)", error);
    }

    [Fact]
    public void UnknownIpmiExporterKey_IsAnError()
    {
        var error = SingleError("modules:\n  default:\n    passwrd: x\n");

        Assert.Equal("/etc/bmc/exporter.yaml:3 modules.default.passwrd: unknown key; did you mean 'password'?", error);
    }
}

using BmcExporter.Config;
using BmcExporter.Ipmi.Session;
using static BmcExporter.Tests.Config.ConfigTestHelpers;

namespace BmcExporter.Tests.Config;

/// <summary>ipmi_exporter's <c>custom_args</c>: FreeIPMI options become settings, or warnings that say why not.</summary>
public sealed class CustomArgsTests
{
    private const string F = "/etc/bmc/exporter.yaml";

    [Theory]
    [InlineData("[\"-I\", \"17\"]", 17)]
    [InlineData("[\"-I17\"]", 17)]
    [InlineData("[\"-I 17\"]", 17)]
    [InlineData("[\"--cipher-suite-id=3\"]", 3)]
    [InlineData("[\"--cipher-suite-id\", \"3\"]", 3)]
    [InlineData("\"-I 3\"", 3)]
    [InlineData("\"--bridge-sensors -I '17'\"", 17)]
    public void CipherSuite_EverySpelling_BecomesTheModulesSuite(string args, int suite)
    {
        var config = LoadOk($"modules:\n  default:\n    user: a\n    custom_args:\n      ipmi: {args}\n");

        Assert.Equal([suite], config.Modules["default"].CipherSuites);
    }

    [Fact]
    public void SessionOptions_BecomeModuleSettings()
    {
        var result = Load("modules:\n  default:\n    collectors: [ipmi, sel]\n    custom_args:\n      ipmi: [\"-l\", \"ADMIN\", \"-W\", \"discretereading,authcap\", \"-D\", \"lanplus\", \"-b\", \"--session-timeout=4000\"]\n      sel: [\"-u\", \"reader\", \"-p\", \"pw-from-args\", \"-k\", \"0x0102\"]\n");

        Assert.True(result.Success, string.Join("\n", result.Errors));
        var m = result.Config!.Modules["default"];
        Assert.Equal(PrivilegeLevel.Administrator, m.Privilege);
        SetEqual(new HashSet<string> { "discretereading", "authcap" }, m.Workarounds);
        Assert.True(m.BridgeSensors);
        Assert.Equal(TimeSpan.FromSeconds(1), m.Timeout);
        Assert.Equal("reader", m.User);
        Assert.Equal("pw-from-args"u8.ToArray(), m.Password.Span.ToArray());
        Assert.Equal(new byte[] { 1, 2 }, m.Kg!.Span.ToArray());
        Assert.All(result.Warnings, w => Assert.DoesNotContain("pw-from-args", w.ToString(), StringComparison.Ordinal));
        Assert.Equal(["the password is written in the config file; prefer password_file or password_env", "K_g is written in the config file; prefer kg_file or kg_env"],
            result.Warnings.Select(w => w.Message));
    }

    [Fact]
    public void KgOption_TextWithoutPrefix_IsTheKeyText()
    {
        var config = LoadOk("modules:\n  default:\n    user: a\n    custom_args:\n      bmc: [\"--k-g=abc\"]\n");

        Assert.Equal("abc"u8.ToArray(), config.Modules["default"].Kg!.Span.ToArray());
    }

    [Fact]
    public void SensorOptions_BecomeTheSensorFilter()
    {
        var config = LoadOk("modules:\n  default:\n    user: a\n    custom_args:\n      ipmi:\n        - --sensor-types=Temperature,fan\n        - -T\n        - Power_Supply OEM_Reserved\n        - --record-ids=7,11\n        - -R\n        - \"12\"\n        - --ignore-not-available-sensors\n        - --shared-sensors\n");

        var m = config.Modules["default"];
        SetEqual(new HashSet<byte> { 0x01, 0x04 }, m.Sensors.IncludeTypes);
        Assert.Equal(65, m.Sensors.ExcludeTypes.Count); // Power Supply and every OEM type C0h-FFh
        Assert.Contains((byte)0x08, m.Sensors.ExcludeTypes);
        SetEqual(new HashSet<int> { 7, 11 }, m.Sensors.IncludeRecordIds);
        SetEqual(new HashSet<int> { 12 }, m.Sensors.ExcludeRecordIds);
        Assert.True(m.Sensors.IgnoreNotAvailable);
        Assert.Equal(SharedSensorNames.Expanded, m.SharedSensorNames);
    }

    [Fact]
    public void SensorOptions_AllAndNone_MeanNoFilter()
    {
        var config = LoadOk("modules:\n  default:\n    user: a\n    custom_args:\n      ipmi: [\"-t\", \"all\", \"-T\", \"none\", \"-r\", \"all\", \"-R\", \"none\"]\n");

        Assert.True(config.Modules["default"].Sensors.IsEmpty);
    }

    [Fact]
    public void SensorOptions_ForAnotherCollector_AreWarned()
    {
        var result = Load("modules:\n  default:\n    user: a\n    collectors: [ipmi, sel]\n    custom_args:\n      sel: [\"--sensor-types=Temperature\"]\n");

        Assert.True(result.Config!.Modules["default"].Sensors.IsEmpty);
        Assert.Equal(F + ":6 modules.default.custom_args.sel[0]: '--sensor-types' is honoured for the ipmi (sensors) collector only; for sel it has no effect",
            Assert.Single(result.Warnings).ToString());
    }

    [Theory]
    [InlineData("[\"-h\", \"10.0.0.9\"]", "'-h' has no effect: it names the BMC, which here comes from the target")]
    [InlineData("[\"--quiet-cache\"]", "'--quiet-cache' has no effect: it concerns FreeIPMI's SDR cache")]
    [InlineData("[\"--entity-sensor-names\"]", "'--entity-sensor-names' has no effect: it changes sensor names")]
    [InlineData("[\"--frobnicate\"]", "'--frobnicate' is not a FreeIPMI option bmc-exporter knows; it has no effect")]
    [InlineData("[\"ipmimonitoring\"]", "'ipmimonitoring' is a program for collector_cmd to run")]
    [InlineData("[\"--passwrd\", \"not-echoed\"]", "an argument that follows no option has no effect here")]
    public void OptionsWithoutEffect_AreWarnedWithTheReason(string args, string warning)
    {
        var result = Load($"modules:\n  default:\n    user: a\n    custom_args:\n      ipmi: {args}\n");

        Assert.True(result.Success);
        Assert.Contains(result.Warnings, w => w.Message.StartsWith(warning, StringComparison.Ordinal));
        Assert.All(result.Warnings, w => Assert.DoesNotContain("not-echoed", w.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void ConflictingValues_AcrossCollectors_FirstWinsWithAWarning()
    {
        var result = Load("modules:\n  default:\n    user: a\n    collectors: [ipmi, bmc]\n    custom_args:\n      ipmi: [\"-I\", \"3\"]\n      bmc: [\"-I\", \"17\", \"-p\", \"one\"]\n      chassis: [\"-p\", \"two\"]\n");

        Assert.Equal([3], result.Config!.Modules["default"].CipherSuites);
        Assert.Contains(result.Warnings, w => w.Key == "modules.default.custom_args.bmc[1]" && w.Message == "'-I 17' differs from '3' given before; one session serves every collector, so '3' is used");
        Assert.Contains(result.Warnings, w => w.Key == "modules.default.custom_args.chassis" && w.Message.StartsWith("the chassis collector is not enabled", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownCollectorKey_IsWarnedNotFatal()
    {
        var result = Load("modules:\n  default:\n    user: a\n    custom_args:\n      fru: [\"-I\", \"3\"]\n");

        Assert.True(result.Success);
        Assert.StartsWith("'fru' is not an ipmi_exporter collector", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
        Assert.Equal(ModuleConfig.DefaultCipherSuites, result.Config!.Modules["default"].CipherSuites);
    }

    [Fact]
    public void OptionBeatsModuleKey_AsOnFreeIpmisCommandLine()
    {
        var result = Load("modules:\n  default:\n    user: a\n    privilege: user\n    custom_args:\n      ipmi: [\"-l\", \"operator\"]\n");

        Assert.Equal(PrivilegeLevel.Operator, result.Config!.Modules["default"].Privilege);
        Assert.Equal(F + ":6 modules.default.custom_args.ipmi[1]: replaces modules.default.privilege ('user'), as in ipmi_exporter (FreeIPMI options beat its config file)",
            Assert.Single(result.Warnings).ToString());
    }

    [Theory]
    [InlineData("[\"-I\", \"7\"]", F + ":5 modules.default.custom_args.ipmi[1]: cipher suite '7' is not one bmc-exporter supports (0, 1, 2, 3, 15, 16, 17)")]
    [InlineData("[\"-I\"]", F + ":5 modules.default.custom_args.ipmi[0]: '-I' needs a value")]
    [InlineData("\"-I '3\"", F + ":5 modules.default.custom_args.ipmi: has a quote that is not closed")]
    [InlineData("{a: b}", F + ":5 modules.default.custom_args.ipmi: must be a list of arguments or one string of them")]
    [InlineData("[\"-l\", \"root\"]", F + ":5 modules.default.custom_args.ipmi[1]: 'root' is not one of user, operator, admin")]
    [InlineData("[\"-W\", \"speedup\"]", F + ":5 modules.default.custom_args.ipmi[1]: 'speedup' is not a FreeIPMI workaround flag (see docs/configuration.md)")]
    [InlineData("[\"-D\", \"serial\"]", F + ":5 modules.default.custom_args.ipmi[1]: 'serial' is not a FreeIPMI driver (LAN_2_0 or lan20/lanplus, LAN, KCS, SSIF, OPENIPMI, SUNBMC, INTELDCMI)")]
    [InlineData("[\"-k\", \"0x123\"]", F + ":5 modules.default.custom_args.ipmi[1]: is not an even number of hex digits (optionally prefixed 0x)")]
    public void InvalidValues_AreLocatedErrors(string args, string expected)
    {
        Assert.Equal(expected, SingleError($"modules:\n  default:\n    user: a\n    custom_args:\n      ipmi: {args}\n"));
    }
}

using BmcExporter.Config;
using BmcExporter.Ipmi.Session;
using static BmcExporter.Tests.Config.ConfigTestHelpers;

namespace BmcExporter.Tests.Config;

/// <summary>ipmi_exporter config shapes load with ipmi_exporter's meaning (format detection, drivers, timeouts, names).</summary>
public sealed class IpmiExporterCompatTests
{
    [Theory]
    [InlineData("LAN_2_0")]
    [InlineData("lan_2_0")]
    [InlineData("lan20")]
    [InlineData("LAN20")]
    [InlineData("lan_20")]
    [InlineData("lan2_0")]
    [InlineData("lanplus")]
    [InlineData("LANPLUS")]
    public void Driver_Lan20Spellings_AreAcceptedSilently(string driver)
    {
        var result = Load($"modules:\n  default:\n    user: a\n    driver: {driver}\n");

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("LAN", "driver LAN is IPMI 1.5")]
    [InlineData("lan", "driver LAN is IPMI 1.5")]
    [InlineData("KCS", "reads the local BMC in-band")]
    [InlineData("open", "reads the local BMC in-band")]
    [InlineData("bmc", "reads the local BMC in-band")]
    [InlineData("INTELDCMI", "reads the local BMC in-band")]
    public void Driver_NotLan20_LoadsWithAWarningSayingWhat(string driver, string warning)
    {
        var result = Load($"modules:\n  default:\n    user: a\n    driver: {driver}\n");

        Assert.True(result.Success);
        Assert.Contains(warning, Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Driver_Unknown_IsAnError()
    {
        Assert.Equal(
            "/etc/bmc/exporter.yaml:3 modules.default.driver: 'SERIAL' is not a FreeIPMI driver (LAN_2_0 or lan20/lanplus, LAN, KCS, SSIF, OPENIPMI, SUNBMC, INTELDCMI)",
            SingleError("modules:\n  default:\n    driver: SERIAL\n"));
    }

    [Theory]
    [InlineData("10000", 2500, null)]
    [InlineData("2000", 500, null)]
    [InlineData("0", 2000, null)]
    [InlineData("3600000", 60_000, "timeout 3600000 ms for a request with its 3 retransmits, 15m per attempt, is outside 100ms..1m per attempt; using 1m")]
    [InlineData("200", 100, "timeout 200 ms for a request with its 3 retransmits, 50ms per attempt, is outside 100ms..1m per attempt; using 100ms")]
    [InlineData("3s", 3000, null)]
    public void Timeout_InIpmiExporterFile_IsMillisecondsForARequest(string timeout, int expectedMs, string? warning)
    {
        var result = Load($"modules:\n  default:\n    user: a\n    pass: b\n    timeout: {timeout}\n");

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), result.Config!.Modules["default"].Timeout);
        var warnings = result.Warnings.Where(w => w.Key == "modules.default.timeout").Select(w => w.Message);
        Assert.Equal(warning is null ? [] : [warning], warnings);
    }

    [Theory]
    [InlineData("2", 2000, null)]
    [InlineData("0", 2000, null)]
    [InlineData("10000", 60_000, "timeout 2h46m40s is outside 100ms..1m per attempt; using 1m")]
    [InlineData("50ms", 100, "timeout 50ms is outside 100ms..1m per attempt; using 100ms")]
    public void Timeout_InBmcExporterFile_IsPerAttemptSeconds(string timeout, int expectedMs, string? warning)
    {
        var result = Load($"listen_address: \":9290\"\nmodules:\n  default:\n    user: a\n    timeout: {timeout}\n");

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), result.Config!.Modules["default"].Timeout);
        Assert.Equal(warning is null ? [] : [warning], result.Warnings.Select(w => w.Message));
    }

    [Fact]
    public void Timeout_SplitsOverTheModulesRetries()
    {
        var config = LoadOk("modules:\n  default:\n    pass: b\n    timeout: 3000\n    retries: 2\n");

        Assert.Equal(TimeSpan.FromSeconds(1), config.Modules["default"].Timeout);
    }

    [Fact]
    public void Format_UnknownKeyInIpmiExporterFile_DoesNotTurnMillisecondsIntoSeconds()
    {
        var result = Load("modules:\n  default:\n    pass: b\n    timeout: 10000\n    passwrd: x\n");

        Assert.Equal("/etc/bmc/exporter.yaml:5 modules.default.passwrd: unknown key; did you mean 'password'?", Assert.Single(result.Errors).ToString());
        Assert.DoesNotContain(result.Warnings, w => w.Key == "modules.default.timeout");
    }

    [Fact]
    public void Format_BmcExporterKeysElsewhere_KeepIpmiExporterModulesInMilliseconds()
    {
        var config = LoadOk("listen_address: \":9290\"\nmodules:\n  peer:\n    pass: b\n    timeout: 10000\n  native:\n    password_env: PW\n    timeout: 3\n", Env(("PW", "x")));

        Assert.False(config.IsIpmiExporterFormat);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), config.Modules["peer"].Timeout);
        Assert.Equal(TimeSpan.FromSeconds(3), config.Modules["native"].Timeout);
        Assert.Equal(SharedSensorNames.Base, config.Modules["peer"].SharedSensorNames);
        Assert.Equal(SharedSensorNames.Expanded, config.Modules["native"].SharedSensorNames);
    }

    [Fact]
    public void Format_IpmiExporterModule_GetsItsDefaults()
    {
        var peer = LoadOk("modules:\n  default:\n    user: a\n").Modules["default"];
        var native = LoadOk("modules:\n  default:\n    user: a\n    retries: 3\n").Modules["default"];

        Assert.Equal([CollectorKind.Sensors, CollectorKind.Dcmi, CollectorKind.Bmc, CollectorKind.Chassis], peer.Collectors);
        Assert.Equal(PrivilegeLevel.Operator, peer.Privilege);
        Assert.Equal(SharedSensorNames.Base, peer.SharedSensorNames);
        Assert.True(peer.AllowAnyTarget);
        Assert.Equal(ModuleConfig.DefaultCollectors, native.Collectors);
        Assert.Equal(PrivilegeLevel.User, native.Privilege);
        Assert.Equal(SharedSensorNames.Expanded, native.SharedSensorNames);
        Assert.False(native.AllowAnyTarget);
    }

    [Theory]
    [InlineData("10.1.2.23:623")]
    [InlineData("rack1/node1")]
    [InlineData("Node A")]
    [InlineData("ünïcode")]
    public void ModuleName_AnyText_IsAcceptedAndReachableFromTargets(string name)
    {
        var config = LoadOk($"modules:\n  \"{name}\":\n    user: a\ntargets:\n  - host: 10.0.0.1\n    module: \"{name}\"\n");

        Assert.Equal(name, config.Modules[name].Name);
        Assert.Equal(name, Assert.Single(config.Targets).Module);
    }

    [Fact]
    public void SelEvents_GoNamedGroups_AreTranslated()
    {
        var config = LoadOk("modules:\n  default:\n    collectors: [sel-events]\n    sel_events:\n      - name: dimm\n        regex: 'DIMM (?P<slot>[A-Z][0-9])'\n");

        var match = config.Modules["default"].SelEvents[0].Regex.Match("Correctable ECC at DIMM B2");
        Assert.Equal("B2", match.Groups["slot"].Value);
    }

    [Fact]
    public void Workarounds_EveryFlagOfTheCatalogue_LoadsWithItsDocumentedEffect()
    {
        foreach (var flag in ModuleConfig.RecognizedWorkarounds.Values)
        {
            var result = Load($"modules:\n  default:\n    user: a\n    workaround_flags: [{flag.Name}]\n");

            Assert.True(result.Success, flag.Name);
            var enabled = result.Config!.Modules["default"].HasWorkaround(flag.Name);
            Assert.Equal(flag.Support != WorkaroundSupport.NotApplicable, enabled);
            var warned = result.Warnings.Any(w => w.Message.Contains($"'{flag.Name}'", StringComparison.Ordinal));
            Assert.Equal(flag.Support == WorkaroundSupport.NotApplicable, warned);
        }
    }

    [Fact]
    public void Workarounds_CaseAndCommas_AreAcceptedLikeFreeIpmi()
    {
        var config = LoadOk("modules:\n  default:\n    workarounds: [\"Discretereading,authcap\", none]\n");

        SetEqual(new HashSet<string> { "discretereading", "authcap" }, config.Modules["default"].Workarounds);
    }

    [Theory]
    [InlineData("ignoreauthcode", "has no effect: it skips the auth code check of IPMI 1.5 session packets only")]
    [InlineData("assumeio", "has no effect: it concerns in-band drivers")]
    [InlineData("ipmiping", "has no effect: it concerns ipmipower's discovery pings")]
    [InlineData("idzero", "has no effect: it concerns IPMI 1.5 sessions only")]
    public void Workarounds_WithoutEffect_AreWarnedWithTheReason(string flag, string reason)
    {
        var result = Load($"modules:\n  default:\n    workarounds: [{flag}]\n");

        Assert.Contains(reason, Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workarounds_IgnoreAuthCode_LoadsButIsNotKept()
    {
        var result = Load("modules:\n  default:\n    user: a\n    workaround_flags: [ignoreauthcode]\n");

        Assert.True(result.Success);
        Assert.False(result.Config!.Modules["default"].HasWorkaround("ignoreauthcode"));
        Assert.Contains("bmc-exporter always uses IPMI 2.0 (RMCP+)", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workarounds_AltBridging_IsBuiltInAndLoadsWithoutWarning()
    {
        var result = Load("modules:\n  default:\n    user: a\n    bridge_sensors: true\n    workaround_flags: [altbridging]\n");

        Assert.Empty(result.Warnings);
        Assert.Equal(WorkaroundSupport.BuiltIn, ModuleConfig.RecognizedWorkarounds["altbridging"].Support);
    }

    [Theory]
    [InlineData("intel20")]
    [InlineData("assumesystemevent")]
    [InlineData("assumemaxsdrrecordcount")]
    public void Workarounds_Applied_LoadWithoutWarning(string flag)
    {
        var result = Load($"modules:\n  default:\n    workarounds: [{flag}]\n");

        Assert.Empty(result.Warnings);
        Assert.True(result.Config!.Modules["default"].HasWorkaround(flag));
    }
}

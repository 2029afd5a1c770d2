using BmcExporter.Cli;
using BmcExporter.Config;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Session;
using BmcExporter.Snapshots;

namespace BmcExporter.Tests.Cli;

/// <summary>
/// The probe's rules on observed facts: each warning appears when the fact shows the setting does nothing, and not
/// when the fact shows it acts or was not observed. The simulator and ipmi_sim tests show the facts are read right.
/// </summary>
public sealed class ConfigProbeRulesTests
{
    private static ModuleConfig Module(params string[] workarounds) => new()
    {
        Name = "m",
        User = "reader",
        Workarounds = workarounds.ToHashSet(StringComparer.Ordinal),
    };

    private static List<string> Warn(ModuleConfig module, ConfigProbeFacts facts) => ConfigProbeRules.Warnings(module, facts).ToList();

    [Fact]
    public void Warnings_SuiteNotListed_NamesItAndTheChange()
    {
        var module = Module() with { CipherSuites = [17, 3] };

        var warning = Assert.Single(Warn(module, new ConfigProbeFacts { ListedSuites = [0, 1, 2, 3], NegotiatedSuite = 3 }));

        Assert.Equal("modules.m.cipher_suites: suite 17 is not offered by this BMC (Get Channel Cipher Suites lists [0, 1, 2, 3]), so every login tries it in vain; remove 17 from modules.m.cipher_suites", warning);
    }

    [Fact]
    public void Warnings_EverySuiteListedOrUnknown_Nothing()
    {
        var module = Module() with { CipherSuites = [17, 3] };

        Assert.Empty(Warn(module, new ConfigProbeFacts { ListedSuites = [1, 2, 3, 17], NegotiatedSuite = 17 }));
        Assert.Empty(Warn(module, new ConfigProbeFacts()));
    }

    [Fact]
    public void Warnings_NegotiatedSuiteTheBmcDoesNotList_NotWarned()
    {
        // The BMC's list is incomplete: the suite that logged in works, whatever the list says.
        var module = Module() with { CipherSuites = [17, 3] };

        Assert.Empty(Warn(module, new ConfigProbeFacts { ListedSuites = [17], NegotiatedSuite = 3 }));
    }

    [Fact]
    public void Warnings_NoSuiteOfferedAndNoSession_SuggestsListedSuites()
    {
        var module = Module() with { CipherSuites = [16] };
        var facts = new ConfigProbeFacts { SessionFailure = new IpmiCipherSuiteException("h", "none"), ListedSuites = [1, 2, 3, 17] };

        var warning = Assert.Single(Warn(module, facts));

        Assert.Equal("modules.m.cipher_suites [16]: none is offered by this BMC (Get Channel Cipher Suites lists [1, 2, 3, 17]), so no session opens; set modules.m.cipher_suites to suites it lists, e.g. [17, 3, 2, 1]", warning);
    }

    [Fact]
    public void Warnings_PrivilegeRefused_NamesPrivilegeAndUser()
    {
        var module = Module() with { Privilege = PrivilegeLevel.Administrator };
        var facts = new ConfigProbeFacts { SessionFailure = new IpmiPrivilegeException("h", "RAKP 2 status 0x09") };

        var warning = Assert.Single(Warn(module, facts));

        Assert.StartsWith("modules.m.privilege admin is above what this BMC grants user 'reader' (RAKP 2 status 0x09); lower modules.m.privilege", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_SessionBelowRequestedPrivilege_WarnsOnlyWhenLower()
    {
        var module = Module() with { Privilege = PrivilegeLevel.Operator };

        Assert.Equal(
            ["modules.m.privilege operator has no effect on this BMC because the session runs at user (Get Session Info); set modules.m.privilege to user"],
            Warn(module, new ConfigProbeFacts { GrantedPrivilege = PrivilegeLevel.User }));
        Assert.Empty(Warn(module, new ConfigProbeFacts { GrantedPrivilege = PrivilegeLevel.Operator }));
    }

    [Fact]
    public void Warnings_UnsupportedCollector_NamesConfigNameAndChange()
    {
        var module = Module() with { Collectors = [CollectorKind.Sensors, CollectorKind.Dcmi] };
        var facts = new ConfigProbeFacts
        {
            Collectors = [new CollectorOutcome("ipmi", false, "no SDR", TimeSpan.Zero) { Unsupported = true }, new CollectorOutcome("dcmi", true, null, TimeSpan.Zero)],
        };

        Assert.Equal(["collector 'sensors' does nothing on this BMC: no SDR; remove 'sensors' from modules.m.collectors"], Warn(module, facts));
    }

    [Fact]
    public void Warnings_SelEventsWithUnsupportedSel_WarnsSelEventsSetting()
    {
        var module = Module() with
        {
            Collectors = [CollectorKind.SelEvents],
            SelEvents = [new SelEventMatcher("x", new System.Text.RegularExpressions.Regex("x"))],
        };
        var unsupported = new ConfigProbeFacts { Collectors = [new CollectorOutcome("sel-events", false, "0xC1", TimeSpan.Zero) { Unsupported = true }] };
        var supported = new ConfigProbeFacts { Collectors = [new CollectorOutcome("sel-events", true, null, TimeSpan.Zero)] };

        Assert.Contains(Warn(module, unsupported), w => w.StartsWith("modules.m.sel_events has no effect on this BMC because its SEL cannot be read", StringComparison.Ordinal));
        Assert.Empty(Warn(module, supported));
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    [InlineData(null, 0)]
    public void Warnings_NoChecksumCheck_OnlyWhenAStrictSessionWorked(bool? valid, int expected)
    {
        Assert.Equal(expected, Warn(Module("nochecksumcheck"), new ConfigProbeFacts { ChecksumsValid = valid }).Count(w => w.Contains("'nochecksumcheck'", StringComparison.Ordinal)));
    }

    [Fact]
    public void Warnings_Intel20BreakingTheLogin_NamesManufacturer()
    {
        var facts = new ConfigProbeFacts { LoginWorksWithoutIntel20 = true, Device = new DeviceIdInfo { ManufacturerId = 4753 } };

        var warning = Assert.Single(Warn(Module("intel20"), facts));

        Assert.StartsWith("workaround 'intel20' makes the login fail on this BMC (manufacturer ", warning, StringComparison.Ordinal);
        Assert.EndsWith("remove it from modules.m.workarounds", warning, StringComparison.Ordinal);
        Assert.Empty(Warn(Module("intel20"), new ConfigProbeFacts { LoginWorksWithoutIntel20 = false }));
    }

    [Fact]
    public void Warnings_ScanningDisabled_OnlyWhenNoSensorShowsTheBit()
    {
        Assert.Single(Warn(Module("ignorescanningdisabled"), new ConfigProbeFacts { ScanningDisabled = (40, 0) }));
        Assert.Empty(Warn(Module("ignorescanningdisabled"), new ConfigProbeFacts { ScanningDisabled = (40, 3) }));
        Assert.Empty(Warn(Module("ignorescanningdisabled"), new ConfigProbeFacts { ScanningDisabled = (0, 0) }));
    }

    [Fact]
    public void Warnings_AssumeSystemEvent_OnlyWhenRecordsAndNoneInvalid()
    {
        Assert.Single(Warn(Module("assumesystemevent"), new ConfigProbeFacts { SelRecordTypes = (3, false) }));
        Assert.Empty(Warn(Module("assumesystemevent"), new ConfigProbeFacts { SelRecordTypes = (3, true) }));
        Assert.Empty(Warn(Module("assumesystemevent"), new ConfigProbeFacts { SelRecordTypes = (0, false) }));
    }

    [Fact]
    public void Warnings_AssumeMaxSdrRecordCount_OnlyWhenTheWalkEndsByItself()
    {
        Assert.Single(Warn(Module("assumemaxsdrrecordcount"), new ConfigProbeFacts { SdrEnd = (50, true) }));
        Assert.Empty(Warn(Module("assumemaxsdrrecordcount"), new ConfigProbeFacts { SdrEnd = (50, false) }));
    }

    [Fact]
    public void Warnings_FlagsHandledElsewhere_NeverJudged()
    {
        var facts = new ConfigProbeFacts { ChecksumsValid = true, ScanningDisabled = (4, 0), SelRecordTypes = (4, false), SdrEnd = (4, true) };

        Assert.Empty(Warn(Module("altbridging", "ignoreauthcode"), facts));
    }

    [Fact]
    public void Notes_SuiteListRefused_ANoteAndNoWarning()
    {
        var module = Module() with { CipherSuites = [17, 3] };
        var facts = new ConfigProbeFacts { NegotiatedSuite = 17, ListedSuitesProblem = "Get Channel Cipher Suites failed: not supported" };

        Assert.Empty(Warn(module, facts));
        Assert.Equal(["modules.m.cipher_suites not checked: Get Channel Cipher Suites failed: not supported"], ConfigProbeRules.Notes(module, facts));
        Assert.Empty(ConfigProbeRules.Notes(module, new ConfigProbeFacts { ListedSuites = [3, 17] }));
    }

    private static ModuleConfig WithKg(string kg) => Module() with { Kg = Ipmi.Crypto.IpmiSecret.FromString(kg) };

    [Fact]
    public void Warnings_KgAndALoginWithoutItWorksToo_SaysNoEffect()
    {
        var warning = Assert.Single(Warn(WithKg("key"), new ConfigProbeFacts { LoginWorksWithoutKg = true, KgReportedSet = false }));

        Assert.Equal("modules.m K_g has no effect on this BMC: a login without it succeeds too; Get Channel Authentication Capabilities reports no K_g; remove kg_file, kg_env or kg_hex from modules.m", warning);
    }

    [Fact]
    public void Warnings_KgRefusedAndALoginWithoutItWorks_SaysItBreaksTheLogin()
    {
        var facts = new ConfigProbeFacts
        {
            SessionFailure = new IpmiAuthenticationException("h", "RAKP 4") { Rakp4IntegrityMismatch = true },
            LoginWorksWithoutKg = true,
            KgReportedSet = false,
        };

        var warning = Assert.Single(Warn(WithKg("key"), facts));

        Assert.Equal("modules.m K_g makes the login fail on this BMC: it has no K_g, so the login fails at RAKP 4 with it and succeeds without it; Get Channel Authentication Capabilities reports no K_g; remove kg_file, kg_env or kg_hex from modules.m", warning);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    public void Warnings_KgAndNoLoginWithoutIt_Nothing(bool? worksWithout)
    {
        // The K_g is needed (or that is unknown): whatever the status bit says, it is no finding.
        Assert.Empty(Warn(WithKg("key"), new ConfigProbeFacts { LoginWorksWithoutKg = worksWithout, KgReportedSet = false }));
    }

    [Fact]
    public void Warnings_AllZeroKg_NotJudgedByTheProbe()
    {
        // An all-zero K_g is no K_g (IPMI v2.0 §13.31); check-config warns about it without a probe.
        Assert.Empty(Warn(Module() with { Kg = Ipmi.Crypto.IpmiSecret.FromBytes(new byte[20]) }, new ConfigProbeFacts { LoginWorksWithoutKg = true }));
    }

    [Theory]
    [InlineData(true, true, 1)]
    [InlineData(true, false, 0)]
    [InlineData(true, null, 0)]
    [InlineData(false, true, 0)]
    public void Warnings_NoKgAndRakp4Mismatch_KgNeededOnlyWithTheStatusBitSet(bool rakp4Mismatch, bool? reported, int expected)
    {
        var facts = new ConfigProbeFacts
        {
            SessionFailure = new IpmiAuthenticationException("h", "refused") { Rakp4IntegrityMismatch = rakp4Mismatch },
            KgReportedSet = reported,
        };

        var warnings = Warn(Module(), facts);

        Assert.Equal(expected, warnings.Count);
        if (expected == 1)
        {
            Assert.Equal("modules.m needs a K_g on this BMC: the password is right (RAKP 2) but the session keys differ (RAKP 4); Get Channel Authentication Capabilities reports a K_g set (two-key login); set modules.m.kg_file or kg_env to the BMC's key", warnings[0]);
        }
    }
}

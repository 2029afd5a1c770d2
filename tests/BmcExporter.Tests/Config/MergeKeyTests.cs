using BmcExporter.Config;
using static BmcExporter.Tests.Config.ConfigTestHelpers;

namespace BmcExporter.Tests.Config;

/// <summary>YAML anchors, aliases and merge keys, with YAML's precedence rules and located errors.</summary>
public sealed class MergeKeyTests
{
    private const string F = "/etc/bmc/exporter.yaml";

    [Fact]
    public void Merge_KeysWrittenInTheMapping_BeatMergedOnes_WhereverTheyStand()
    {
        var config = LoadOk("""
            modules:
              default: &base
                user: reader
                pass: base-pw
                timeout: 10000
                collectors: [ipmi]
              after:
                <<: *base
                user: after
              before:
                user: before
                <<: *base
            """);

        Assert.Equal("after", config.Modules["after"].User);
        Assert.Equal("before", config.Modules["before"].User);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), config.Modules["before"].Timeout);
        Assert.Equal([CollectorKind.Sensors], config.Modules["before"].Collectors);
        Assert.True(config.IsIpmiExporterFormat);
    }

    [Fact]
    public void Merge_ListOfSources_FirstSourceWins()
    {
        var config = LoadOk("""
            modules:
              a: &a { user: from-a, privilege: admin }
              b: &b { user: from-b, retries: 5 }
              c:
                <<: [*a, *b]
            """);

        var c = config.Modules["c"];
        Assert.Equal("from-a", c.User);
        Assert.Equal(BmcExporter.Ipmi.Session.PrivilegeLevel.Administrator, c.Privilege);
        Assert.Equal(5, c.Retries);
    }

    [Fact]
    public void Merge_IntoLabels_AndAliasOfAList()
    {
        var config = LoadOk("""
            modules:
              default:
                labels: &common { site: fra1, tier: gold }
                collectors: &cols [sensors, sel]
            targets:
              - host: 10.0.0.1
                labels:
                  <<: *common
                  tier: silver
            """);

        var labels = config.Targets[0].Labels;
        Assert.Equal("fra1", labels["site"]);
        Assert.Equal("silver", labels["tier"]);
        Assert.Equal([CollectorKind.Sensors, CollectorKind.Sel], config.Modules["default"].Collectors);
    }

    [Fact]
    public void Merge_UnknownKeyFromTheAnchor_IsReportedWhereTheAnchorWritesIt()
    {
        var result = Load("""
            defaults: &d { user: a, usr: b }
            modules:
              default: { <<: *d }
            """);

        Assert.Equal(
            [
                F + ":1 defaults: unknown key (known keys: listen_address, state_dir, scrape, sharding, modules, targets, target_files, otlp)",
                F + ":1 modules.default.usr: unknown key; did you mean 'user'?",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("x: &s 1\nmodules:\n  default:\n    <<: *s\n", F + ":4: '<<' merges mappings: it takes an alias of a mapping (*name, where &name is on a mapping) or a list of such aliases")]
    [InlineData("modules:\n  default:\n    <<: [a, b]\n", F + ":3: '<<' merges mappings: it takes an alias of a mapping (*name, where &name is on a mapping) or a list of such aliases")]
    [InlineData("modules:\n  default:\n    <<: *nothing\n", F + ":3: '*nothing' refers to no anchor: '&nothing' must come before it")]
    [InlineData("modules:\n  default:\n    user: *nothing\n", F + ":3: '*nothing' refers to no anchor: '&nothing' must come before it")]
    [InlineData("modules:\n  default: &m\n    collectors: *m\n", F + ":3 modules.default.collectors: this alias refers to a value of another kind than this key takes")]
    public void Merge_BadSources_AreLocatedErrors(string yaml, string expected)
    {
        Assert.Equal(expected, SingleError(yaml));
    }
}

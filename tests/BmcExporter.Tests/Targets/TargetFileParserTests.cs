using BmcExporter.Config;
using BmcExporter.Targets;

namespace BmcExporter.Tests.Targets;

public sealed class TargetFileParserTests
{
    private static readonly Dictionary<string, ModuleConfig> Modules = new(StringComparer.Ordinal)
    {
        ["default"] = ModuleConfig.Unauthenticated,
        ["dell"] = new ModuleConfig { Name = "dell" },
    };

    [Fact]
    public void Parse_LineFormat_ReadsHostsPortsModulesAndSkipsComments()
    {
        var result = TargetFileParser.Parse("/t/fleet.txt", "# rack 12\n10.0.0.1\n\n10.0.0.2:6230 dell   # the odd one\n  bmc-3.example.com  \n[fd00::7]:624\n", Modules);

        Assert.True(result.Success);
        Assert.Equal(["10.0.0.1:623", "10.0.0.2:6230", "bmc-3.example.com:623", "[fd00::7]:624"], result.Targets.Select(t => t.Key));
        Assert.Equal(["default", "dell", "default", "default"], result.Targets.Select(t => t.Module));
        Assert.All(result.Targets, t => Assert.Equal("/t/fleet.txt", t.Origin));
    }

    [Theory]
    [InlineData("10.0.0.1\n10.0.0.2 nosuch\n", "/t/f.txt:2: module 'nosuch' is not defined (modules: default, dell)")]
    [InlineData("10.0.0.1 dell extra\n", "/t/f.txt:1: '10.0.0.1 dell extra' should be 'host[:port]' or 'host[:port] module'")]
    [InlineData("\n\n10.0.0.1:x\n", "/t/f.txt:3: port 'x' is not a number in 1..65535")]
    public void Parse_LineFormatError_NamesLineAndGivesNoTargets(string text, string expected)
    {
        var result = TargetFileParser.Parse("/t/f.txt", text, Modules);

        Assert.False(result.Success);
        Assert.Empty(result.Targets);
        Assert.Equal(expected, Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Parse_LineFormatDuplicate_WarnsAndKeepsFirst()
    {
        var result = TargetFileParser.Parse("/t/f.txt", "10.0.0.1\n10.0.0.1:623 dell\n", Modules);

        Assert.Equal("default", Assert.Single(result.Targets).Module);
        Assert.Equal("/t/f.txt:2: target 10.0.0.1:623 is listed twice; the first entry is used", Assert.Single(result.Warnings).ToString());
    }

    [Fact]
    public void Parse_YamlWithTargetsKey_ReadsLabelsAndModules()
    {
        var result = TargetFileParser.Parse("/t/fleet.yaml", "targets:\n  - host: 10.0.0.1\n    module: dell\n    labels: { rack: r1 }\n  - 10.0.0.2:700\n", Modules);

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal("dell", result.Targets[0].Module);
        Assert.Equal("r1", result.Targets[0].Labels["rack"]);
        Assert.Equal(700, result.Targets[1].Port);
        Assert.Equal("/t/fleet.yaml", result.Targets[1].Origin);
    }

    [Fact]
    public void Parse_YamlBareList_WithoutExtension_IsDetected()
    {
        var result = TargetFileParser.Parse("/t/fleet", "# generated\n- host: 10.0.0.9\n", Modules);

        Assert.Equal("10.0.0.9:623", Assert.Single(result.Targets).Key);
    }

    [Fact]
    public void Parse_YamlError_NamesFileLineAndKey()
    {
        var result = TargetFileParser.Parse("/t/fleet.yaml", "targets:\n  - host: 10.0.0.1\n    modul: dell\n", Modules);

        Assert.Empty(result.Targets);
        Assert.Equal("/t/fleet.yaml:3 targets[0].modul: unknown key; did you mean 'module'?", Assert.Single(result.Errors).ToString());
    }
}

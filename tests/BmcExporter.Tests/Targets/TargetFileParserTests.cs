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
    [InlineData("10.0.0.1\n10.0.0.2 nosuch\n", "/t/f.txt:2: the module named in the second word is not defined (modules: default, dell)")]
    [InlineData("10.0.0.1\n10.0.0.2 dell extra\n", "/t/f.txt:2: expected 'host[:port]' or 'host[:port] module', but the line has 3 words")]
    [InlineData("10.0.0.1\n\n10.0.0.2:x\n", "/t/f.txt:3: the port is not a number in 1..65535")]
    [InlineData("10.0.0.1\nbad!host\n", "/t/f.txt:2: the host is not a valid name or IP address")]
    public void Parse_LineFormatError_NamesLineQuotesNothingAndGivesNoTargets(string text, string expected)
    {
        var result = TargetFileParser.Parse("/t/f.txt", text, Modules);

        Assert.False(result.Success);
        Assert.Empty(result.Targets);
        Assert.Equal(expected, Assert.Single(result.Errors).ToString());
    }

    [Theory]
    [InlineData("/t/passwd", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n")]
    [InlineData("/t/key.pem", "-----BEGIN PRIVATE KEY-----\nMIIEv+QIBADANBgkqhkiG9w0BAQEFAASC/secretbody\n-----END PRIVATE KEY-----\n")]
    [InlineData("/t/creds.txt", "admin hunter2 extra\nroot s3cr3t! more words\n")]
    [InlineData("/t/secret.yaml", "apiVersion: v1\nkind: Secret\ndata:\n  password: aHVudGVyMg==\n")]
    [InlineData("/t/list.yaml", "hunter2\n")]
    public void Parse_NotATargetFile_SaysSoWithoutQuotingIt(string path, string text)
    {
        var result = TargetFileParser.Parse(path, text, Modules);

        var error = Assert.Single(result.Errors).ToString();
        Assert.Contains("is not a valid target file", error, StringComparison.Ordinal);
        foreach (var word in text.Split([' ', '\n', ':', '/'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3))
        {
            Assert.DoesNotContain(word, error.Replace(path, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("targets: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")]
    [InlineData("- host: 10.0.0.1\n- {")]
    public void Parse_BrokenYaml_IsALocatedError(string text)
    {
        var result = TargetFileParser.Parse("/t/fleet.yaml", text, Modules);

        var error = Assert.Single(result.Errors);
        Assert.True(error.Line > 0);
        Assert.Empty(result.Targets);
    }

    [Fact]
    public void Parse_DepthBomb_IsALocatedError()
    {
        var result = TargetFileParser.Parse("/t/fleet.yaml", "targets: " + new string('[', 40_000), Modules);

        Assert.Equal("/t/fleet.yaml:1: the document is nested more than 64 levels deep", Assert.Single(result.Errors).ToString());
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

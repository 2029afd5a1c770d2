using System.Text.RegularExpressions;
using BmcExporter.Ipmi.Tables;

namespace BmcExporter.Tests.Packaging;

/// <summary>
/// Every sensor <c>type</c> a shipped rule, rule test, dashboard or runbook matches on is a name the exporter writes
/// (FreeIPMI's type names, as ipmi_exporter labels them): a rule on a name the exporter never writes can never fire.
/// </summary>
[Trait("Category", "Packaging")]
public sealed partial class LabelValueTests
{
    public static TheoryData<string> FilesWithTypeMatchers()
    {
        var data = new TheoryData<string>();
        var files = PackagingPaths.RuleFiles
            .Concat(Directory.GetFiles(PackagingPaths.RuleTestsDirectory, "*.yml"))
            .Concat(Directory.GetFiles(PackagingPaths.DashboardsDirectory, "*.json"))
            .Concat(Directory.GetFiles(Path.Combine(PackagingPaths.RepoRoot, "docs", "runbooks"), "*.md"))
            .Concat(Directory.GetFiles(PackagingPaths.ChartRulesDirectory, "*.yml"));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(PackagingPaths.RepoRoot, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FilesWithTypeMatchers))]
    public void SensorTypeMatchers_NameTypesTheExporterWrites(string file)
    {
        var written = Enumerable.Range(0, 256).Select(c => SensorTypeNames.Name((byte)c)).ToHashSet(StringComparer.Ordinal);
        var text = File.ReadAllText(Path.Combine(PackagingPaths.RepoRoot, file));
        var matcher = file.EndsWith(".md", StringComparison.Ordinal) ? ProseTypeMatcher() : TypeMatcher();
        var matched = matcher.Matches(text).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToList();

        Assert.All(matched, type => Assert.True(written.Contains(type), $"{file} matches type=\"{type}\", a type name the exporter never writes"));
    }

    [Fact]
    public void SensorTypeMatchers_FoundInTheRules()
    {
        // The matcher itself must see the rules' type filters, or the theory above could pass on nothing.
        var rules = File.ReadAllText(PackagingPaths.RulesFile);
        Assert.Contains(TypeMatcher().Matches(rules), m => m.Groups[1].Value == "Drive Slot");
    }

    // type="X" inside a selector of a sensor family (PromQL, series notation, also in JSON strings as type=\"X\").
    // Other families' type labels (authentication types) are not sensor types.
    [GeneratedRegex(@"ipmi_sensor_\w+\{[^}\n]*?\btype\s*=\s*\\?""([^""\\{]+)\\?""")]
    private static partial Regex TypeMatcher();

    // A runbook's "(type X)" or a selector in a code span.
    [GeneratedRegex(@"\(type ([^)]+)\)|ipmi_sensor_\w+\{[^}\n]*?\btype\s*=\s*""([^""{]+)""")]
    private static partial Regex ProseTypeMatcher();
}

using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace BmcExporter.Tests.Packaging;

/// <summary>A Prometheus rule file (<c>groups:</c> of recording and alerting rules).</summary>
internal sealed class RuleFile
{
    public List<RuleGroup> Groups { get; set; } = [];

    public IEnumerable<Rule> Rules => Groups.SelectMany(g => g.Rules);

    public IEnumerable<Rule> Alerts => Rules.Where(r => r.Alert is not null);

    public IReadOnlySet<string> RecordedNames => Rules.Where(r => r.Record is not null).Select(r => r.Record!).ToHashSet(StringComparer.Ordinal);

    public static RuleFile Load(string path) => new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build()
        .Deserialize<RuleFile>(File.ReadAllText(path));

    /// <summary>The groups of every shipped rule file, in <see cref="PackagingPaths.RuleFiles"/> order.</summary>
    public static RuleFile LoadShipped() => new() { Groups = PackagingPaths.RuleFiles.SelectMany(f => Load(f).Groups).ToList() };
}

internal sealed class RuleGroup
{
    public string Name { get; set; } = string.Empty;

    public string? Interval { get; set; }

    public List<Rule> Rules { get; set; } = [];
}

internal sealed class Rule
{
    public string? Record { get; set; }

    public string? Alert { get; set; }

    public string Expr { get; set; } = string.Empty;

    public string? For { get; set; }

    public Dictionary<string, string> Labels { get; set; } = [];

    public Dictionary<string, string> Annotations { get; set; } = [];
}

/// <summary>A <c>promtool test rules</c> file, read only as far as which alerts it expects to fire.</summary>
internal sealed class RuleTestFile
{
    public List<string> RuleFiles { get; set; } = [];

    public List<RuleTestGroup> Tests { get; set; } = [];

    /// <summary>Alert names some case of the file expects to be firing.</summary>
    public IEnumerable<string> AlertsExpectedToFire => Tests
        .SelectMany(t => t.AlertRuleTest)
        .Where(c => c.ExpAlerts.Count > 0)
        .Select(c => c.Alertname);

    /// <summary>Alert names some case of the file expects to be silent.</summary>
    public IEnumerable<string> AlertsExpectedSilent => Tests
        .SelectMany(t => t.AlertRuleTest)
        .Where(c => c.ExpAlerts.Count == 0)
        .Select(c => c.Alertname);

    public static RuleTestFile Load(string path) => new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build()
        .Deserialize<RuleTestFile>(File.ReadAllText(path));
}

internal sealed class RuleTestGroup
{
    public List<AlertRuleCase> AlertRuleTest { get; set; } = [];
}

internal sealed class AlertRuleCase
{
    public string Alertname { get; set; } = string.Empty;

    public List<Dictionary<string, object>> ExpAlerts { get; set; } = [];
}

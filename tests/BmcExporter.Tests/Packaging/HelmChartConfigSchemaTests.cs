using System.Reflection;
using System.Text.Json.Nodes;
using BmcExporter.Config;
using BmcExporter.Config.Settings;
using BmcExporter.Config.Yaml;

namespace BmcExporter.Tests.Packaging;

/// <summary>
/// The <c>config:</c> part of helm/bmc-exporter/values.schema.json (exporter.yaml) lists exactly the keys the exporter's
/// own settings types accept, at every level, so a misspelt key is refused by <c>helm</c> instead of rendering a
/// config the pod then rejects at boot (a crash loop), and no key the exporter accepts is refused by the chart.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class HelmChartConfigSchemaTests
{
    /// <summary>Keys of exporter.yaml the chart sets itself and refuses in <c>config:</c>.</summary>
    private static readonly string[] ChartSetKeys = ["listen_address", "state_dir", "sharding"];

    [Fact]
    public void ValuesSchema_Config_ListsExactlyTheKeysOfTheExportersSettingsAtEveryLevel()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(PackagingPaths.Chart, "values.schema.json")))!;
        var config = schema["properties"]!["config"]!;
        var mismatches = new List<string>();

        var topLevel = SettingsNode.KeysOf(typeof(FileSettings)).Keys.Except(ChartSetKeys).Order(StringComparer.Ordinal);
        Expect("config", config, topLevel, mismatches);
        Compare("config.scrape", config["properties"]!["scrape"]!, typeof(ScrapeSettings), mismatches);
        Compare("config.modules.<name>", config["properties"]!["modules"]!["additionalProperties"]!, typeof(ModuleSettings), mismatches);
        var targetForms = config["properties"]!["targets"]!["items"]!["oneOf"]!.AsArray();
        Assert.Contains(targetForms, f => f!["type"]?.ToString() == "string"); // "host[:port]" targets
        Compare("config.targets[]", targetForms.Single(f => f!["type"]?.ToString() == "object")!, typeof(TargetSettings), mismatches);
        Compare("config.otlp", config["properties"]!["otlp"]!, typeof(OtlpSettings), mismatches);

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Theory]
    [InlineData("config.scrape.intervl=30s", "at '/config/scrape': additional properties 'intervl' not allowed")]
    [InlineData("config.modules.rack.pasword_file=/x", "at '/config/modules/rack': additional properties 'pasword_file' not allowed")]
    [InlineData("config.modules.rack.sensors.exclud_types={Memory}", "at '/config/modules/rack/sensors': additional properties 'exclud_types' not allowed")]
    [InlineData("config.targets[0].hots=10.0.0.1", "additional properties 'hots' not allowed")]
    [InlineData("config.otlp.retry.max_atempts=3", "at '/config/otlp/retry': additional properties 'max_atempts' not allowed")]
    public void Template_ConfigTypo_IsRefusedByHelm(string set, string message)
    {
        Assert.Contains(message, RenderedChart.RenderFailure(set), StringComparison.Ordinal);
    }

    [Fact]
    public void Template_EveryFormTheSchemaAllows_IsAcceptedByTheExporter()
    {
        var values = Path.Combine(Path.GetTempPath(), $"bmc-values-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(values, """
            config:
              scrape: { mode: background, interval: 60s, timeout: 20s, max_concurrency: 8 }
              modules:
                rack:
                  user: reader
                  password_env: BMC_PASSWORD
                  sensors: { exclude_types: [Memory] }
                  sel_events: [{ name: psu, regex: "Power Supply" }]
                  security: { default_password_check: false }
                  labels: { site: lab }
                bare:
              targets:
                - "10.0.0.5"
                - { host: "10.0.0.1", module: rack, labels: { rack: r1 } }
              otlp: { enabled: false, retry: { max_attempts: 3 }, queue: { max_records: 1000 } }
            """);
        try
        {
            var yaml = RenderedChart.RenderFiles(values).Single("ConfigMap").At("data").Scalar("exporter.yaml")!;
            var result = ConfigLoader.LoadFromText(
                yaml, "/etc/bmc-exporter/config/exporter.yaml", new ConfigLoadOptions { GetEnvironmentVariable = name => name == "BMC_PASSWORD" ? "s3cret" : null });

            Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors) + "\n" + yaml);
            Assert.Equal(2, result.Config!.Targets.Count);
            Assert.Contains("bare", result.Config.Modules.Keys);
        }
        finally
        {
            File.Delete(values);
        }
    }

    /// <summary>Checks one object of the schema against a settings type, then each nested settings object.</summary>
    private static void Compare(string path, JsonNode node, Type settings, List<string> mismatches)
    {
        var keys = SettingsNode.KeysOf(settings);
        Expect(path, node, keys.Keys.Order(StringComparer.Ordinal), mismatches);
        foreach (var (key, property) in keys)
        {
            var child = node["properties"]?[key];
            if (child is null)
            {
                continue;
            }

            if (IsSettings(property.PropertyType))
            {
                Compare($"{path}.{key}", child, property.PropertyType, mismatches);
            }
            else if (ListItem(property.PropertyType) is { } item && IsSettings(item))
            {
                Compare($"{path}.{key}[]", child["items"]!, item, mismatches);
            }
        }
    }

    private static void Expect(string path, JsonNode node, IEnumerable<string> keys, List<string> mismatches)
    {
        if (node["additionalProperties"]?.GetValueKind() != System.Text.Json.JsonValueKind.False)
        {
            mismatches.Add($"{path}: additionalProperties is not false, so a typo renders");
        }

        var listed = node["properties"]?.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList() ?? [];
        var expected = keys.ToList();
        foreach (var missing in expected.Except(listed))
        {
            mismatches.Add($"{path}: the exporter accepts '{missing}', the schema refuses it");
        }

        foreach (var extra in listed.Except(expected))
        {
            mismatches.Add($"{path}: the schema allows '{extra}', the exporter rejects it");
        }
    }

    private static bool IsSettings(Type type) => typeof(SettingsNode).IsAssignableFrom(type);

    private static Type? ListItem(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;
}

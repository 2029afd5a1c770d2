using BmcExporter.Config;

namespace BmcExporter.Tests.Config;

internal static class ConfigTestHelpers
{
    public static ConfigLoadOptions Env(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return new ConfigLoadOptions { GetEnvironmentVariable = name => map.GetValueOrDefault(name) };
    }

    /// <summary>Loads YAML as if from /etc/bmc/exporter.yaml with an empty environment.</summary>
    public static ConfigLoadResult Load(string yaml, ConfigLoadOptions? options = null) =>
        ConfigLoader.LoadFromText(yaml, "/etc/bmc/exporter.yaml", options ?? Env());

    public static ExporterConfig LoadOk(string yaml, ConfigLoadOptions? options = null)
    {
        var result = Load(yaml, options);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return result.Config!;
    }

    /// <summary>Asserts two collections hold the same members, in any order.</summary>
    public static void SetEqual<T>(IEnumerable<T> expected, IEnumerable<T> actual) => Assert.Equal(expected.Order(), actual.Order());

    /// <summary>The single error's text, asserting there is exactly one.</summary>
    public static string SingleError(string yaml, ConfigLoadOptions? options = null)
    {
        var result = Load(yaml, options);
        Assert.Null(result.Config);
        var error = Assert.Single(result.Errors);
        return error.ToString();
    }
}

using BmcExporter.Config.Settings;
using BmcExporter.Config.Yaml;

namespace BmcExporter.Config;

/// <summary>
/// Reads <c>exporter.yaml</c> (or an ipmi_exporter config) into a validated <see cref="ExporterConfig"/>: strict
/// UTF-8, a bounded pre-scan, deserialisation into the settings classes (YamlDotNet, with anchors, aliases and
/// merge keys), then validation into the immutable records. Every problem is reported with file, line, key and
/// reason; secrets are resolved here and never appear in any message. Never throws for bad input.
/// </summary>
public static class ConfigLoader
{
    /// <summary>The largest config file read.</summary>
    public const int MaxFileBytes = 16 << 20;

    /// <summary>Every key the loader accepts, by section (docs and the example are checked against this).</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyCollection<string>> KnownKeys { get; } = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal)
    {
        [string.Empty] = [.. SettingsNode.KeysOf(typeof(FileSettings)).Keys],
        ["scrape"] = [.. SettingsNode.KeysOf(typeof(ScrapeSettings)).Keys],
        ["sharding"] = [.. SettingsNode.KeysOf(typeof(ShardingSettings)).Keys],
        ["modules.NAME"] = [.. SettingsNode.KeysOf(typeof(ModuleSettings)).Keys],
        ["modules.NAME.sensors"] = [.. SettingsNode.KeysOf(typeof(SensorSettings)).Keys],
        ["modules.NAME.redfish"] = [.. SettingsNode.KeysOf(typeof(RedfishSettings)).Keys],
        ["modules.NAME.sel_events[]"] = [.. SettingsNode.KeysOf(typeof(SelEventSettings)).Keys],
        ["modules.NAME.security"] = [.. SettingsNode.KeysOf(typeof(SecuritySettings)).Keys],
        ["targets[]"] = [.. SettingsNode.KeysOf(typeof(TargetSettings)).Keys],
        ["otlp"] = [.. SettingsNode.KeysOf(typeof(OtlpSettings)).Keys],
    };

    /// <summary>Loads and validates the file at <paramref name="path"/>.</summary>
    public static ConfigLoadResult Load(string path, ConfigLoadOptions? options = null)
    {
        var diagnostics = new ConfigDiagnostics(path);
        var bytes = YamlText.ReadFile(path, MaxFileBytes, diagnostics, "the config file");
        var text = bytes is null ? null : YamlText.Decode(bytes, diagnostics, "the config file");
        return text is null ? diagnostics.Result(null) : LoadFromText(text, path, options);
    }

    /// <summary>
    /// Loads and validates YAML <paramref name="yaml"/> as if read from <paramref name="path"/> (used in
    /// messages and to resolve relative paths).
    /// </summary>
    public static ConfigLoadResult LoadFromText(string yaml, string path, ConfigLoadOptions? options = null)
    {
        var diagnostics = new ConfigDiagnostics(path);
        try
        {
            // Settings read despite errors are still validated, so every problem of the file shows at once.
            var settings = YamlSettingsReader.Read<FileSettings>(yaml, diagnostics);
            var config = settings is null
                ? ExporterConfig.Default with { SourcePath = path }
                : settings.Build(new BuildContext(diagnostics, path, options ?? ConfigLoadOptions.Default), path);
            return diagnostics.Result(config);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A defect here must not take down a running exporter on reload; say so and keep the old config.
            diagnostics.FileError($"could not be loaded ({ex.GetType().Name}); please report this as a bug");
            return diagnostics.Result(null);
        }
    }
}

/// <summary>Environment seams for <see cref="ConfigLoader"/> (tests substitute the environment).</summary>
public sealed class ConfigLoadOptions
{
    /// <summary>Uses the process environment.</summary>
    public static ConfigLoadOptions Default { get; } = new();

    /// <summary>Looks up an environment variable (<c>password_env</c>, <c>kg_env</c>). Default: the process environment.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
}

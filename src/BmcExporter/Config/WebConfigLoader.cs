using BmcExporter.Config.Settings;
using BmcExporter.Config.Yaml;

namespace BmcExporter.Config;

/// <summary>Reads and validates a <c>--web.config.file</c> (exporter-toolkit format); every problem with file:line.</summary>
public static class WebConfigLoader
{
    private const int MaxFileBytes = 1 << 20;

    /// <summary>Loads <paramref name="path"/>; the result holds the config or the located errors.</summary>
    public static WebConfigLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new ConfigDiagnostics(path);
        try
        {
            var bytes = YamlText.ReadFile(path, MaxFileBytes, diagnostics, "the web config file");
            var text = bytes is null ? null : YamlText.Decode(bytes, diagnostics, "the web config file");
            var settings = text is null ? null : YamlSettingsReader.Read<WebFileSettings>(text, diagnostics);
            var config = settings is null ? WebConfig.None : settings.Build(new BuildContext(diagnostics, path, ConfigLoadOptions.Default));
            config = config with { WatchedFiles = [Path.GetFullPath(path), .. config.WatchedFiles] };
            return new WebConfigLoadResult(diagnostics.HasErrors ? null : config, diagnostics.Errors, diagnostics.Warnings);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            diagnostics.FileError($"could not be loaded ({ex.GetType().Name}); please report this as a bug");
            return new WebConfigLoadResult(null, diagnostics.Errors, diagnostics.Warnings);
        }
    }
}

/// <summary>The outcome of <see cref="WebConfigLoader.Load"/>.</summary>
/// <param name="Config">The config; <c>null</c> when there are errors.</param>
/// <param name="Errors">What is wrong, with file:line.</param>
/// <param name="Warnings">Settings that have no effect.</param>
public sealed record WebConfigLoadResult(WebConfig? Config, IReadOnlyList<ConfigDiagnostic> Errors, IReadOnlyList<ConfigDiagnostic> Warnings);

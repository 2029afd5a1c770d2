using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary>What turning settings into config records needs: the diagnostics, the file's directory, the environment.</summary>
internal sealed class BuildContext(ConfigDiagnostics diagnostics, string file, ConfigLoadOptions options)
{
    private readonly string _baseDirectory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? Directory.GetCurrentDirectory();

    public ConfigDiagnostics Diagnostics { get; } = diagnostics;

    public ConfigLoadOptions Options { get; } = options;

    /// <summary>Relative paths are relative to the config file's directory.</summary>
    public string ResolvePath(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(_baseDirectory, path));

    public void Error(ILocated at, string message) => Diagnostics.Error(at, message);

    public void Warn(ILocated at, string message) => Diagnostics.Warn(at, message);
}

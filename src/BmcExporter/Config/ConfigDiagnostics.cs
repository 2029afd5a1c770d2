using BmcExporter.Config.Yaml;
using YamlDotNet.Core;

namespace BmcExporter.Config;

/// <summary>Collects the errors and warnings of one file while it is read, each with line, column and key path.</summary>
internal sealed class ConfigDiagnostics(string file)
{
    private readonly List<ConfigDiagnostic> _errors = [];
    private readonly List<ConfigDiagnostic> _warnings = [];

    public string File { get; } = file;

    public bool HasErrors => _errors.Count > 0;

    public void Error(Mark at, string path, string message) => _errors.Add(Make(at, path, message));

    public void Error(ILocated at, string message) => Error(at.Start, at.Path, message);

    /// <summary>An error about the whole file (no line).</summary>
    public void FileError(string message) => _errors.Add(new ConfigDiagnostic(File, 0, 0, string.Empty, message));

    public void Warn(Mark at, string path, string message) => _warnings.Add(Make(at, path, message));

    public void Warn(ILocated at, string message) => Warn(at.Start, at.Path, message);

    /// <summary>The outcome, diagnostics in file order.</summary>
    public ConfigLoadResult Result(ExporterConfig? config) => new(HasErrors ? null : config, Sorted(_errors), Sorted(_warnings));

    public IReadOnlyList<ConfigDiagnostic> Errors => Sorted(_errors);

    public IReadOnlyList<ConfigDiagnostic> Warnings => Sorted(_warnings);

    private ConfigDiagnostic Make(Mark at, string path, string message) =>
        new(File, (int)Math.Min(at.Line, int.MaxValue), (int)Math.Min(at.Column, int.MaxValue), path, message);

    private static ConfigDiagnostic[] Sorted(List<ConfigDiagnostic> list) =>
        [.. list.Distinct().OrderBy(d => d.Line).ThenBy(d => d.Column)];
}

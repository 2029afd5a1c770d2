namespace BmcExporter.Config;

/// <summary>
/// One error or warning found while loading a config or target file, pinned to file, line and key.
/// Its text never contains a secret value.
/// </summary>
/// <param name="File">The file as named by the user.</param>
/// <param name="Line">1-based line, 0 when not tied to a line.</param>
/// <param name="Column">1-based column, 0 when not tied to a line.</param>
/// <param name="Key">Dotted key path, e.g. <c>modules.default.privilege</c>; empty for the whole file.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ConfigDiagnostic(string File, int Line, int Column, string Key, string Message)
{
    /// <summary><c>file:line key: message</c>, e.g. <c>exporter.yaml:14 modules.default.privilege: 'root' is not one of user, operator, admin</c>.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        return Key.Length > 0 ? $"{where} {Key}: {Message}" : $"{where}: {Message}";
    }
}

/// <summary>The outcome of loading a config: the config, or the errors; warnings either way.</summary>
public sealed class ConfigLoadResult
{
    internal ConfigLoadResult(ExporterConfig? config, IReadOnlyList<ConfigDiagnostic> errors, IReadOnlyList<ConfigDiagnostic> warnings)
    {
        Config = errors.Count == 0 ? config : null;
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>The loaded config; <c>null</c> when <see cref="Errors"/> is not empty.</summary>
    public ExporterConfig? Config { get; }

    /// <summary>Everything that makes the file unusable. Empty on success.</summary>
    public IReadOnlyList<ConfigDiagnostic> Errors { get; }

    /// <summary>Things accepted but worth knowing (inline passwords, ignored ipmi_exporter settings...).</summary>
    public IReadOnlyList<ConfigDiagnostic> Warnings { get; }

    /// <summary><c>true</c> when <see cref="Config"/> is set.</summary>
    public bool Success => Config is not null;
}

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BmcExporter.Config;

/// <summary>
/// Reads <c>exporter.yaml</c> (or an unmodified ipmi_exporter config) into a validated <see cref="ExporterConfig"/>.
/// Every problem is reported with file, line, key and reason; secrets are resolved here (files read,
/// environment variables looked up) and never appear in any message.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Loads and validates the file at <paramref name="path"/>. Never throws for bad input.</summary>
    public static ConfigLoadResult Load(string path, ConfigLoadOptions? options = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ConfigLoadResult(null, [new ConfigDiagnostic(path, 0, 0, string.Empty, $"cannot read config file: {ex.Message}")], []);
        }

        return LoadFromText(text, path, options);
    }

    /// <summary>
    /// Loads and validates YAML <paramref name="yaml"/> as if read from <paramref name="path"/> (used in
    /// messages and to resolve relative paths).
    /// </summary>
    public static ConfigLoadResult LoadFromText(string yaml, string path, ConfigLoadOptions? options = null)
    {
        options ??= ConfigLoadOptions.Default;
        var parser = new ConfigParser(path, options);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var reason = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            parser.Error(ex.Start.Line, ex.Start.Column, string.Empty, $"invalid YAML: {StripMark(reason)}");
            return parser.Result(null);
        }

        if (stream.Documents.Count == 0)
        {
            // An empty file is a valid config: every default.
            return parser.Result(ExporterConfig.Default with { SourcePath = path });
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            parser.Error(second.Start.Line, second.Start.Column, string.Empty, "the file holds more than one YAML document");
            return parser.Result(null);
        }

        var config = parser.Parse(stream.Documents[0].RootNode);
        return parser.Result(config);
    }

    private static string StripMark(string message)
    {
        // YamlDotNet prefixes "(Line: a, Col: b, Idx: c) - (Line: ...): "; the diagnostic already says where.
        var i = message.LastIndexOf("): ", StringComparison.Ordinal);
        return i >= 0 && message.StartsWith('(') ? message[(i + 3)..] : message;
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

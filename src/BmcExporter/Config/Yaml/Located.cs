using YamlDotNet.Core;

namespace BmcExporter.Config.Yaml;

/// <summary>Something read from a file: its dotted key path (<c>modules.default.timeout</c>) and where it starts.</summary>
internal interface ILocated
{
    string Path { get; }

    Mark Start { get; }
}

/// <summary>A scalar as written in the file, converted to <typeparamref name="T"/> (string, int or bool), with its position.</summary>
internal sealed record Located<T>(T Value, string Path, Mark Start) : ILocated;

/// <summary>A settings type that may also be written as one scalar (a target as <c>"host[:port] [module]"</c>).</summary>
internal interface IScalarForm
{
    Located<string>? Inline { get; set; }
}

/// <summary>A command line given as one string (split like a shell would) or as a list of arguments.</summary>
internal sealed class ArgList : ILocated
{
    public string Path { get; init; } = string.Empty;

    public Mark Start { get; init; }

    /// <summary>The one-string form.</summary>
    public Located<string>? Line { get; init; }

    /// <summary>The list form: one argument per item, as a program's argv.</summary>
    public IReadOnlyList<Located<string>?>? Items { get; init; }
}

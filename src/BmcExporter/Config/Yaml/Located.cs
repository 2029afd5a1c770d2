using YamlDotNet.Core;

namespace BmcExporter.Config.Yaml;

/// <summary>Something read from a file: its dotted key path (<c>modules.default.timeout</c>) and where it starts.</summary>
internal interface ILocated
{
    string Path { get; }

    Mark Start { get; }
}

/// <summary>A settings type that may also be written as one scalar (a target as <c>"host[:port] [module]"</c>).</summary>
internal interface IScalarForm
{
    Located<string>? Inline { get; set; }
}

/// <summary>A scalar as written in the file, converted to <typeparamref name="T"/> (string, int or bool), with its position.</summary>
internal sealed record Located<T>(T Value, string Path, Mark Start) : ILocated;

/// <summary>A command line given as one string (<see cref="Line"/>, split like a shell would) or as a list (<see cref="Items"/>, one argument each).</summary>
internal sealed record ArgList(string Path, Mark Start, Located<string>? Line, IReadOnlyList<Located<string>?>? Items) : ILocated;

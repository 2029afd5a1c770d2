namespace BmcExporter.Tests.Packaging;

/// <summary>
/// The tests that run a whole <c>dotnet publish</c> or <c>dotnet pack</c> of the exporter: one at a time, so two full
/// release builds never compete for the build machine's two cores (each builds into a private artifacts path).
/// </summary>
[CollectionDefinition(Name)]
public sealed class DotnetBuildCollection
{
    public const string Name = "dotnet builds";
}

namespace BmcExporter.Tests.Packaging;

/// <summary>
/// The install path of the README: <c>dotnet pack</c> makes a .NET tool, <c>dotnet tool install</c> installs it from
/// the local folder, and the installed command runs. Built into a temporary artifacts path, so it never touches the
/// build the other tests run from.
/// </summary>
[Collection(DotnetBuildCollection.Name)]
public sealed class ToolInstallTests
{
    [Fact]
    public async Task PackAndInstall_FromLocalFolder_InstalledToolPrintsItsVersion()
    {
        var root = Path.Combine(Path.GetTempPath(), "bmc-exporter-tool-" + Guid.NewGuid().ToString("N"));
        try
        {
            var project = Path.Combine(PackagingPaths.RepoRoot, "src", "BmcExporter", "BmcExporter.csproj");
            var feed = Path.Combine(root, "feed");
            var tools = Path.Combine(root, "tools");
            await ExternalTool.RunLongSuccessfullyAsync("dotnet", ["pack", project, "-c", "Release", "-o", feed, "--artifacts-path", Path.Combine(root, "artifacts")]);
            Assert.Single(Directory.GetFiles(feed, "bmc-exporter.0.1.0.nupkg"));

            await ExternalTool.RunLongSuccessfullyAsync("dotnet", ["tool", "install", "bmc-exporter", "--version", "0.1.0", "--tool-path", tools, "--add-source", feed]);
            var output = await ExternalTool.RunLongSuccessfullyAsync(Path.Combine(tools, "bmc-exporter"), ["--version"]);

            Assert.StartsWith("bmc-exporter 0.1.0", output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}

namespace BmcExporter.Redfish.Tests;

/// <summary>Where the shared DMTF mockups are: ../shared/redfish-mockups beside the repository (CI), else /work/shared.</summary>
internal static class Paths
{
    public static string Mockups { get; } = Find();

    public static string Mockup(string name) => Path.Combine(Mockups, name);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BmcExporter.sln")))
            {
                var beside = Path.Combine(dir.FullName, "..", "shared", "redfish-mockups");
                if (Directory.Exists(beside))
                {
                    return Path.GetFullPath(beside);
                }
            }
        }

        const string fallback = "/work/shared/redfish-mockups";
        return Directory.Exists(fallback)
            ? fallback
            : throw new InvalidOperationException("The DMTF mockups (shared/redfish-mockups) are missing: the mockup tests need them.");
    }
}

using System.Reflection;

namespace BmcExporter.Ipmi.IntegrationTests.Sim;

internal static class RepoPaths
{
    /// <summary>The repository root, recorded at build time (the artifacts path puts the binaries outside the tree).</summary>
    public static string Root
    {
        get
        {
            string? root = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
            if (root is null || !File.Exists(Path.Combine(root, "BmcExporter.sln")))
            {
                throw new InvalidOperationException($"repository root not found (assembly metadata RepoRoot = '{root}')");
            }

            return Path.GetFullPath(root);
        }
    }

    public static string DockerDirectory => Path.Combine(Root, "tests", "docker");

    /// <summary>Finds an executable on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        string[] dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        return dirs.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }
}

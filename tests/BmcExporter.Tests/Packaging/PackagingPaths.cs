using System.Runtime.CompilerServices;

namespace BmcExporter.Tests.Packaging;

/// <summary>
/// Locations of the operator-facing files (alerts, dashboards, Helm chart) in the source tree. Found from this
/// file's compile-time path, so tests work with any <c>--artifacts-path</c>.
/// </summary>
internal static class PackagingPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string AlertsDirectory => Path.Combine(RepoRoot, "alerts");

    public static string RulesFile => Path.Combine(AlertsDirectory, "bmc-exporter.rules.yml");

    public static string AnomalyRulesFile => Path.Combine(AlertsDirectory, "bmc-anomaly.rules.yml");

    /// <summary>Every shipped rule file (alerts/*.rules.yml), in the order helm's Files.Glob reads their chart copies.</summary>
    public static IReadOnlyList<string> RuleFiles => Directory.GetFiles(AlertsDirectory, "*.rules.yml").Order(StringComparer.Ordinal).ToList();

    public static string RuleTestsDirectory => Path.Combine(AlertsDirectory, "tests");

    public static string DashboardsDirectory => Path.Combine(RepoRoot, "dashboards");

    public static string Chart => Path.Combine(RepoRoot, "helm", "bmc-exporter");

    public static string ChartRulesDirectory => Path.Combine(Chart, "files");

    public static string ChartCopyOf(string rulesFile) => Path.Combine(ChartRulesDirectory, Path.GetFileName(rulesFile));

    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile)!);
        for (var depth = 0; dir is not null && depth < 10; depth++, dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BmcExporter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"BmcExporter.sln not found above {thisFile}");
    }
}

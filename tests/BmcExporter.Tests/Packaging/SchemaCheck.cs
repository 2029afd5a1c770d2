namespace BmcExporter.Tests.Packaging;

/// <summary>
/// Runs tests/schema-check/check.mjs (Node): Kubernetes objects against kubernetes-models and
/// @kubernetes-models/prometheus-operator (validate() plus a TypeScript excess-property check), dashboards against
/// @grafana/schema. Node or the npm packages missing is a failure naming the install script, never a skip.
/// </summary>
internal static class SchemaCheck
{
    public static string Directory => Path.Combine(PackagingPaths.RepoRoot, "tests", "schema-check");

    /// <summary>Checks <paramref name="files"/> in <paramref name="mode"/> (<c>kubernetes</c> or <c>grafana</c>).</summary>
    public static ToolResult Run(string mode, params IEnumerable<string> files)
    {
        var node = ExternalTool.Require("node", "apt-get install nodejs, or run scripts/install-test-deps.sh");
        foreach (var package in new[] { "typescript", "yaml", "kubernetes-models", "@kubernetes-models/prometheus-operator", "@grafana/schema" })
        {
            Assert.True(
                System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", package)),
                $"npm package {package} is not installed in {Directory}; run scripts/install-test-deps.sh (npm ci there).");
        }

        return ExternalTool.Run(node, [Path.Combine(Directory, "check.mjs"), mode, .. files], Directory);
    }
}

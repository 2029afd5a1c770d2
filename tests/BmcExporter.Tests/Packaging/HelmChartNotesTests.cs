namespace BmcExporter.Tests.Packaging;

/// <summary>
/// helm/bmc-exporter's NOTES.txt, rendered by <c>helm install --dry-run=client</c> (helm template does not render it):
/// it names the next step the install still needs, and stops asking for what the values already give.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class HelmChartNotesTests
{
    [Fact]
    public void Notes_DefaultValues_AskForModuleSecretMonitorAndRules()
    {
        var notes = Notes();

        Assert.Contains("runs as 1 shard(s) in StatefulSet monitoring/fleet-bmc-exporter", notes, StringComparison.Ordinal);
        Assert.Contains("NEXT STEP: no module is configured", notes, StringComparison.Ordinal);
        Assert.Contains("kubectl -n monitoring create secret generic bmc-credentials", notes, StringComparison.Ordinal);
        Assert.Contains("NEXT STEP: enable serviceMonitor (or podMonitor)", notes, StringComparison.Ordinal);
        Assert.Contains("NEXT STEP: set prometheusRule.enabled=true", notes, StringComparison.Ordinal);
        Assert.Contains("kubectl -n monitoring port-forward pod/fleet-bmc-exporter-0 9290", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_ConfiguredInstall_NamesWhatRunsAndAsksForNothingGiven()
    {
        var notes = Notes(
            "shards=3", "image.tag=0.1.0-rc1", "existingSecret=bmc-creds",
            "config.modules.default.user=reader", "config.modules.default.password_file=/etc/bmc-exporter/secret/password",
            "serviceMonitor.enabled=true", "prometheusRule.enabled=true", "dashboards.enabled=true");

        Assert.Contains("bmc-exporter 0.1.0-rc1 runs as 3 shard(s)", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("NEXT STEP", notes, StringComparison.Ordinal);
        Assert.Contains("Secret bmc-creds was not found (or this was a dry run)", notes, StringComparison.Ordinal);
        Assert.Contains("The ServiceMonitor does", notes, StringComparison.Ordinal);
        Assert.Contains("each links to its runbook under https://github.com/bmc-exporter/bmc-exporter/blob/main/docs/runbooks/", notes, StringComparison.Ordinal);
        Assert.Contains("labelled grafana_dashboard=1 for the Grafana sidecar", notes, StringComparison.Ordinal);
    }

    private static string Notes(params string[] sets)
    {
        var result = ExternalTool.RunSuccessfully(
            ExternalTool.Helm,
            ["install", RenderedChart.Release, PackagingPaths.Chart, "--namespace", "monitoring", "--dry-run=client", .. sets.SelectMany(s => new[] { "--set", s })]);
        var at = result.StandardOutput.IndexOf("NOTES:", StringComparison.Ordinal);
        Assert.True(at >= 0, "helm printed no NOTES:\n" + result.StandardOutput);
        return result.StandardOutput[at..];
    }
}

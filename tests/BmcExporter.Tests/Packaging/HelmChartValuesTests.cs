using BmcExporter.Config;
using YamlDotNet.RepresentationModel;

namespace BmcExporter.Tests.Packaging;

/// <summary>helm/bmc-exporter values: config, secrets, target files, monitoring resources, persistence, bad values.</summary>
[Trait("Category", "Packaging")]
public sealed class HelmChartValuesTests
{
    private const string FullName = RenderedChart.Release + "-bmc-exporter";

    [Fact]
    public void Template_DefaultConfig_IsAcceptedByTheExporterAndReadsThePasswordFromTheMountedSecret()
    {
        var chart = RenderedChart.Render();
        var yaml = chart.Single("ConfigMap").At("data").Scalar("exporter.yaml")!;
        var pod = chart.Single("StatefulSet").At("spec", "template", "spec");

        // The password file lives in the mounted Secret "bmc-credentials".
        var mount = Assert.Single(Assert.Single(pod.At("containers").Items()).At("volumeMounts").Items(), m => m.Scalar("name") == "secret-bmc-credentials");
        Assert.Equal("true", mount.Scalar("readOnly"));
        var volume = Assert.Single(pod.At("volumes").Items(), v => v.Scalar("name") == "secret-bmc-credentials");
        Assert.Equal("bmc-credentials", volume.At("secret").Scalar("secretName"));
        var passwordFile = mount.Scalar("mountPath") + "/password";
        Assert.Contains("password_file: " + passwordFile, yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("password:", yaml, StringComparison.Ordinal);

        // Loaded by the exporter's own parser, with the secret file standing in at a temporary path.
        var secretDir = Directory.CreateTempSubdirectory("bmc-chart-");
        try
        {
            var secret = Path.Combine(secretDir.FullName, "password");
            File.WriteAllText(secret, "s3cret\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            var result = ConfigLoader.LoadFromText(yaml.Replace(passwordFile, secret, StringComparison.Ordinal), "/etc/bmc-exporter/exporter.yaml");

            Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors));
            Assert.Empty(result.Warnings);
            Assert.True(result.Config!.Modules.ContainsKey("default"));
        }
        finally
        {
            secretDir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Template_TargetFiles_GetTheirOwnConfigMapMountedAndReferenced()
    {
        var chart = RenderedChart.Render("targetFiles.rack-r12\\.yaml=- host: 10.0.12.1");

        var targets = chart.Named("ConfigMap", FullName + "-targets");
        Assert.Contains("10.0.12.1", targets.At("data").Scalar("rack-r12.yaml"), StringComparison.Ordinal);
        var config = new YamlStream();
        config.Load(new StringReader(chart.Named("ConfigMap", FullName).At("data").Scalar("exporter.yaml")!));
        Assert.Equal(["/etc/bmc-exporter/targets.d/*"], config.Documents[0].RootNode.At("target_files").Strings());
        var mount = Assert.Single(Assert.Single(chart.Single("StatefulSet").At("spec", "template", "spec", "containers").Items()).At("volumeMounts").Items(), m => m.Scalar("name") == "targets");
        Assert.Equal("/etc/bmc-exporter/targets.d", mount.Scalar("mountPath"));
    }

    [Fact]
    public void Template_MonitoringDisabled_RendersNoOperatorResources()
    {
        var chart = RenderedChart.Render();

        Assert.Empty(chart.OfKind("ServiceMonitor"));
        Assert.Empty(chart.OfKind("PodMonitor"));
        Assert.Empty(chart.OfKind("PrometheusRule"));
    }

    [Fact]
    public void Template_MonitoringEnabled_RendersMonitorsAndTheShippedRules()
    {
        var chart = RenderedChart.Render("serviceMonitor.enabled=true", "podMonitor.enabled=true", "prometheusRule.enabled=true", "prometheusRule.labels.release=kube-prometheus");

        Assert.Equal("/metrics", Assert.Single(chart.Single("ServiceMonitor").At("spec", "endpoints").Items()).Scalar("path"));
        Assert.Equal("http", Assert.Single(chart.Single("PodMonitor").At("spec", "podMetricsEndpoints").Items()).Scalar("port"));
        var rule = chart.Single("PrometheusRule");
        Assert.Equal("kube-prometheus", rule.At("metadata", "labels").Scalar("release"));
        var renderedAlerts = rule.At("spec", "groups").Items()
            .SelectMany(g => g.At("rules").Items())
            .Where(r => r.Has("alert"))
            .Select(r => (r.Scalar("alert") ?? string.Empty, (r.Scalar("expr") ?? string.Empty).Trim()))
            .ToList();
        var shipped = RuleFile.Load(PackagingPaths.RulesFile).Alerts.Select(a => (a.Alert ?? string.Empty, a.Expr.Trim())).ToList();
        Assert.Equal(shipped, renderedAlerts);
    }

    [Fact]
    public void Template_Persistence_UsesAVolumeClaimTemplatePerShard()
    {
        var spec = RenderedChart.Render("persistence.enabled=true", "shards=2").Single("StatefulSet").At("spec");

        var claim = Assert.Single(spec.At("volumeClaimTemplates").Items());
        Assert.Equal("state", claim.At("metadata").Scalar("name"));
        Assert.DoesNotContain(spec.At("template", "spec", "volumes").Items(), v => v.Scalar("name") == "state");
    }

    [Theory]
    [InlineData("shards=0", "shards must be at least 1")]
    [InlineData("config.sharding.shards=2", "config.sharding is set by the chart")]
    public void Template_InvalidValues_FailWithAClearMessage(string set, string message)
    {
        Assert.Contains(message, RenderedChart.RenderFailure(set), StringComparison.Ordinal);
    }
}

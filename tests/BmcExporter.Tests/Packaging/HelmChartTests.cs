using BmcExporter.Config;
using YamlDotNet.RepresentationModel;

namespace BmcExporter.Tests.Packaging;

/// <summary>helm/bmc-exporter: lints, renders, and the rendered StatefulSet shards the fleet by pod ordinal.</summary>
[Trait("Category", "Packaging")]
public sealed class HelmChartTests
{
    private const string FullName = RenderedChart.Release + "-bmc-exporter";

    [Fact]
    public void Lint_Chart_Passes()
    {
        var result = ExternalTool.RunSuccessfully(ExternalTool.Helm, "lint", "--strict", PackagingPaths.Chart, "--set", "shards=3");

        Assert.Contains("0 chart(s) failed", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_ThreeShards_StatefulSetRunsThreePodsEachPassingShardsAndOrdinal()
    {
        var chart = RenderedChart.Render("shards=3");

        var set = chart.Single("StatefulSet");
        var spec = set.At("spec");
        Assert.Equal("3", spec.Scalar("replicas"));
        Assert.Equal("Parallel", spec.Scalar("podManagementPolicy"));
        var container = Assert.Single(spec.At("template", "spec", "containers").Items());
        var args = container.At("args").Strings();
        Assert.Contains("--shards=3", args);
        Assert.Contains("--shard=auto", args);
        var hostname = Assert.Single(container.At("env").Items(), e => e.Scalar("name") == "HOSTNAME");
        Assert.Equal("metadata.name", hostname.At("valueFrom", "fieldRef").Scalar("fieldPath"));

        // The pods are <statefulset>-0..2, and the exporter reads exactly that ordinal back from HOSTNAME.
        var podName = set.At("metadata").Scalar("name") + "-2";
        Assert.True(PodOrdinal.TryParse(podName, out var ordinal));
        Assert.Equal(2, ordinal);
        var options = ServeOptionsParser.Parse(args.ToList());
        Assert.Null(options.Error);
        var applied = options.Options!.Apply(ExporterConfig.Default, name => name == "HOSTNAME" ? podName : null);
        Assert.Null(applied.Error);
        Assert.Equal((2, 3), (applied.Config!.Sharding.Shard, applied.Config.Sharding.Shards));
    }

    [Fact]
    public void Template_DefaultShards_IsOneReplica()
    {
        var set = RenderedChart.Render().Single("StatefulSet");

        Assert.Equal("1", set.At("spec").Scalar("replicas"));
        Assert.Contains("--shards=1", Assert.Single(set.At("spec", "template", "spec", "containers").Items()).At("args").Strings());
    }

    [Fact]
    public void Template_Probes_UseHealthzAndReadyzOnTheHttpPort()
    {
        var container = Assert.Single(RenderedChart.Render().Single("StatefulSet").At("spec", "template", "spec", "containers").Items());

        Assert.Equal("/healthz", container.At("livenessProbe", "httpGet").Scalar("path"));
        Assert.Equal("/readyz", container.At("readinessProbe", "httpGet").Scalar("path"));
        Assert.Equal("http", container.At("livenessProbe", "httpGet").Scalar("port"));
        var port = Assert.Single(container.At("ports").Items());
        Assert.Equal(("http", "9290"), (port.Scalar("name"), port.Scalar("containerPort")));
        Assert.Contains("--web.listen-address=:9290", container.At("args").Strings());
    }

    [Fact]
    public void Template_Services_HeadlessForTheStatefulSetAndOneForScraping()
    {
        var chart = RenderedChart.Render("shards=2");

        var headless = chart.Named("Service", FullName + "-headless");
        Assert.Equal("None", headless.At("spec").Scalar("clusterIP"));
        Assert.Equal(FullName + "-headless", chart.Single("StatefulSet").At("spec").Scalar("serviceName"));
        var scrape = chart.Named("Service", FullName);
        Assert.Equal("http", Assert.Single(scrape.At("spec", "ports").Items()).Scalar("name"));
        Assert.Equal(
            chart.Single("StatefulSet").At("spec", "selector", "matchLabels").ToString(),
            scrape.At("spec", "selector").ToString());
    }

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

using BmcExporter.Config;
using YamlDotNet.RepresentationModel;

namespace BmcExporter.Tests.Packaging;

/// <summary>helm/bmc-exporter values: config, secrets, target files, monitoring resources, persistence, bad values.</summary>
[Trait("Category", "Packaging")]
public sealed class HelmChartValuesTests
{
    private const string FullName = RenderedChart.Release + "-bmc-exporter";

    [Fact]
    public void Template_DefaultConfig_IsAcceptedByTheExporterAndShipsNoModule()
    {
        var yaml = RenderedChart.Render().Single("ConfigMap").At("data").Scalar("exporter.yaml")!;

        Assert.DoesNotContain("password", yaml, StringComparison.Ordinal);
        var result = ConfigLoader.LoadFromText(yaml, "/etc/bmc-exporter/config/exporter.yaml");
        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors));
        Assert.Empty(result.Config!.Targets);
    }

    [Theory]
    [InlineData("password_file: /etc/bmc-exporter/secret/ipmi-pass", "bmc-creds")]
    [InlineData("password_env: BMC_PASSWORD", "")]
    [InlineData("pass: inline-s3cret", "")]
    public void Template_UserModule_IsTheOnlyModuleAndLoadsWithoutTheChartsExample(string passwordLine, string secret)
    {
        var values = Path.Combine(Path.GetTempPath(), $"bmc-values-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(values, $$"""
            existingSecret: "{{secret}}"
            config:
              modules:
                rack:
                  user: reader
                  {{passwordLine}}
              targets:
                - { host: "10.0.0.1", module: rack }
            """);
        var secretDir = Directory.CreateTempSubdirectory("bmc-chart-");
        try
        {
            var chart = RenderedChart.RenderFiles(values);
            var yaml = chart.Single("ConfigMap").At("data").Scalar("exporter.yaml")!;
            var modules = new YamlStream();
            modules.Load(new StringReader(yaml));
            var names = ((YamlMappingNode)modules.Documents[0].RootNode.At("modules")).Children.Keys.Select(k => k.Scalar()).ToList();
            Assert.Equal(["rack"], names);

            // The secret is mounted where password_file points; loaded by the exporter's own parser.
            var pod = chart.Single("StatefulSet").At("spec", "template", "spec");
            var mounts = Assert.Single(pod.At("containers").Items()).At("volumeMounts").Items();
            if (secret.Length > 0)
            {
                Assert.Equal("/etc/bmc-exporter/secret", Assert.Single(mounts, m => m.Scalar("name") == "secret").Scalar("mountPath"));
                Assert.Equal(secret, Assert.Single(pod.At("volumes").Items(), v => v.Scalar("name") == "secret").At("secret").Scalar("secretName"));
            }
            else
            {
                Assert.DoesNotContain(mounts, m => m.Scalar("name") == "secret");
            }

            var file = Path.Combine(secretDir.FullName, "ipmi-pass");
            File.WriteAllText(file, "s3cret\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            var result = ConfigLoader.LoadFromText(
                yaml.Replace("/etc/bmc-exporter/secret/ipmi-pass", file, StringComparison.Ordinal),
                "/etc/bmc-exporter/config/exporter.yaml",
                new ConfigLoadOptions { GetEnvironmentVariable = name => name == "BMC_PASSWORD" ? "s3cret" : null });
            Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors));
            Assert.Equal(["rack"], result.Config!.Modules.Keys.Where(k => k != "default"));
        }
        finally
        {
            File.Delete(values);
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
        var chart = RenderedChart.Render("serviceMonitor.enabled=true", "prometheusRule.enabled=true", "prometheusRule.labels.release=kube-prometheus");
        var pods = RenderedChart.Render("podMonitor.enabled=true");

        Assert.Equal("/metrics", Assert.Single(chart.Single("ServiceMonitor").At("spec", "endpoints").Items()).Scalar("path"));
        Assert.Equal("http", Assert.Single(pods.Single("PodMonitor").At("spec", "podMetricsEndpoints").Items()).Scalar("port"));
        var rule = chart.Single("PrometheusRule");
        Assert.Equal("kube-prometheus", rule.At("metadata", "labels").Scalar("release"));
        var renderedAlerts = rule.At("spec", "groups").Items()
            .SelectMany(g => g.At("rules").Items())
            .Where(r => r.Has("alert"))
            .Select(r => (r.Scalar("alert") ?? string.Empty, (r.Scalar("expr") ?? string.Empty).Trim()))
            .ToList();
        var shipped = RuleFile.LoadShipped().Alerts.Select(a => (a.Alert ?? string.Empty, a.Expr.Trim())).ToList();
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
    [InlineData("shards=0", "/shards': minimum: got 0, want 1")]
    [InlineData("config.sharding.shards=2", "additional properties 'sharding' not allowed")]
    [InlineData("serviceMonitr.enabled=true", "additional properties 'serviceMonitr' not allowed")]
    [InlineData("configChange=restart", "configChange")]
    [InlineData("networkPolicy.enabled=true", "networkPolicy.bmcCidrs must list")]
    [InlineData("prometheusRule.enabled=true,prometheusRule.disabledAlerts={BmcNoSuchAlert}", "no shipped alert is named BmcNoSuchAlert")]
    public void Template_InvalidValues_FailWithAClearMessage(string set, string message)
    {
        Assert.Contains(message, RenderedChart.RenderFailure(set.Split(',')), StringComparison.Ordinal);
    }
}

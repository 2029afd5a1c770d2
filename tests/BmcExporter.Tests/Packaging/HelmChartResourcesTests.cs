namespace BmcExporter.Tests.Packaging;

/// <summary>helm/bmc-exporter: scrape objects, names, config mount, network policy, rules and dashboards.</summary>
[Trait("Category", "Packaging")]
public sealed class HelmChartResourcesTests
{
    private const string FullName = RenderedChart.Release + "-bmc-exporter";

    [Fact]
    public void Template_ServiceMonitor_SelectsOnlyTheScrapeServiceSoEachPodIsScrapedOnce()
    {
        var chart = RenderedChart.Render("serviceMonitor.enabled=true", "shards=3");

        var selector = chart.Single("ServiceMonitor").At("spec", "selector", "matchLabels");
        var services = chart.OfKind("Service").Where(s => Labels(selector).All(l => Labels(s.At("metadata", "labels")).Contains(l))).ToList();
        var selected = Assert.Single(services);
        Assert.Equal(FullName, selected.At("metadata").Scalar("name"));
        Assert.Equal(2, chart.OfKind("Service").Count());
    }

    [Theory]
    [InlineData("serviceMonitor", "ServiceMonitor", "endpoints")]
    [InlineData("podMonitor", "PodMonitor", "podMetricsEndpoints")]
    public void Template_Monitor_InstanceIsThePodNameThenTheUsersRelabelings(string key, string kind, string endpoints)
    {
        var chart = RenderedChart.Render($"{key}.enabled=true", $"{key}.relabelings[0].targetLabel=site", $"{key}.relabelings[0].replacement=lab");

        var relabelings = Assert.Single(chart.Single(kind).At("spec", endpoints).Items()).At("relabelings").Items();
        Assert.Equal(2, relabelings.Count);
        // A recreated StatefulSet pod keeps its name (not its IP): BmcExporterDown keeps the instance's history.
        Assert.Equal(["__meta_kubernetes_pod_name"], relabelings[0].At("sourceLabels").Strings());
        Assert.Equal("instance", relabelings[0].Scalar("targetLabel"));
        Assert.Equal("site", relabelings[1].Scalar("targetLabel"));
    }

    [Fact]
    public void Template_ServiceAndPodMonitorTogether_AreRefused()
    {
        Assert.Contains("not both", RenderedChart.RenderFailure("serviceMonitor.enabled=true", "podMonitor.enabled=true"), StringComparison.Ordinal);
    }

    [Fact]
    public void Template_ScrapeConfig_DiscoversEachShardsSdAndKeepsOnlyExporterFamiliesOnTheMonitor()
    {
        var chart = RenderedChart.Render("scrapeConfig.enabled=true", "serviceMonitor.enabled=true", "shards=2");

        var spec = chart.Single("ScrapeConfig").At("spec");
        Assert.Equal("/ipmi", spec.Scalar("metricsPath"));
        Assert.Equal(
            [$"http://{FullName}-0.{FullName}-headless.monitoring.svc:9290/sd", $"http://{FullName}-1.{FullName}-headless.monitoring.svc:9290/sd"],
            spec.At("httpSDConfigs").Items().Select(i => i.Scalar("url")));
        var keep = Assert.Single(Assert.Single(chart.Single("ServiceMonitor").At("spec", "endpoints").Items()).At("metricRelabelings").Items());
        Assert.Equal("keep", keep.Scalar("action"));
        Assert.StartsWith("bmc_exporter_.*", keep.Scalar("regex"), StringComparison.Ordinal);
    }

    [Fact]
    public void Template_LongReleaseName_EveryNameFitsKubernetesLimits()
    {
        var chart = RenderedChart.Render("fullnameOverride=" + new string('a', 70), "podDisruptionBudget.enabled=true", "dashboards.enabled=true", "targetFiles.r\\.yaml=- host: 10.0.0.1");

        Assert.All(chart.Objects, o => Assert.True(o.At("metadata").Scalar("name")!.Length <= 63, o.At("metadata").Scalar("name")));
        // Pods carry controller-revision-hash=<statefulset>-<10 characters>, a label value of at most 63.
        Assert.True(chart.Single("StatefulSet").At("metadata").Scalar("name")!.Length + 11 <= 63);
        Assert.EndsWith("-headless", chart.Single("StatefulSet").At("spec").Scalar("serviceName"), StringComparison.Ordinal);
        // Truncation must not make two objects of one kind (the dashboards' ConfigMaps) the same object.
        var names = chart.Objects.Select(o => o.Scalar("kind") + "/" + o.At("metadata").Scalar("name")).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(4 + 2, chart.OfKind("ConfigMap").Count()); // exporter.yaml, target files, four dashboards
    }

    [Theory]
    [InlineData("rollout", true, 1)]
    [InlineData("reload", false, 2)]
    public void Template_ConfigChange_MountsTheConfigDirectoryWithoutSubPathAndRollsOrReloads(string mode, bool checksum, int containers)
    {
        var pod = RenderedChart.Render("configChange=" + mode).Single("StatefulSet").At("spec", "template");

        Assert.Equal(checksum, pod.At("metadata").Has("annotations") && pod.At("metadata", "annotations").Has("checksum/config"));
        var all = pod.At("spec", "containers").Items();
        Assert.Equal(containers, all.Count);
        var exporter = all[0];
        var mount = Assert.Single(exporter.At("volumeMounts").Items(), m => m.Scalar("name") == "config");
        Assert.False(mount.Has("subPath"));
        Assert.Contains("--config.file=" + mount.Scalar("mountPath") + "/exporter.yaml", exporter.At("args").Strings());
        Assert.Contains("--web.listen-address=[::]:9290", exporter.At("args").Strings());
        if (mode == "reload")
        {
            Assert.Contains("--webhook-url=http://127.0.0.1:9290/-/reload", all[1].At("args").Strings());
        }
    }

    [Fact]
    public void Template_NetworkPolicy_AllowsBmcPortsToTheCidrsAndPrometheusIn()
    {
        var spec = RenderedChart.Render("networkPolicy.enabled=true", "networkPolicy.bmcCidrs={10.10.0.0/16,fd00::/64}").Single("NetworkPolicy").At("spec");

        var egress = spec.At("egress").Items();
        var bmc = Assert.Single(egress, e => e.At("to").Items().Any(t => t.Has("ipBlock")));
        Assert.Equal(["10.10.0.0/16", "fd00::/64"], bmc.At("to").Items().Select(t => t.At("ipBlock").Scalar("cidr")));
        Assert.Equal(["623/UDP", "443/TCP"], bmc.At("ports").Items().Select(p => p.Scalar("port") + "/" + p.Scalar("protocol")));
        Assert.Equal("http", Assert.Single(Assert.Single(spec.At("ingress").Items()).At("ports").Items()).Scalar("port"));
    }

    [Fact]
    public void Template_PrometheusRule_DisablesAlertsAddsLabelsAndMovesRunbooks()
    {
        var rule = RenderedChart.Render(
            "prometheusRule.enabled=true", "prometheusRule.disabledAlerts={BmcChassisIntrusion}",
            "prometheusRule.alertLabels.team=hw", "prometheusRule.runbookUrlBase=https://wiki.example/bmc/").Single("PrometheusRule");

        var alerts = rule.At("spec", "groups").Items().SelectMany(g => g.At("rules").Items()).Where(r => r.Has("alert")).ToList();
        Assert.DoesNotContain(alerts, a => a.Scalar("alert") == "BmcChassisIntrusion");
        Assert.Equal(RuleFile.LoadShipped().Alerts.Count() - 1, alerts.Count);
        Assert.All(alerts, a =>
        {
            Assert.Equal("hw", a.At("labels").Scalar("team"));
            Assert.StartsWith("https://wiki.example/bmc/", a.At("annotations").Scalar("runbook_url"), StringComparison.Ordinal);
        });
        Assert.Equal("critical", Assert.Single(alerts, a => a.Scalar("alert") == "BmcFanFailure").At("labels").Scalar("severity"));
    }

    [Fact]
    public void Template_PrometheusRule_AnomalyGroupKeepsItsIntervalAndCanBeLeftOut()
    {
        static IReadOnlyList<YamlDotNet.RepresentationModel.YamlNode> Groups(params string[] sets) =>
            RenderedChart.Render(["prometheusRule.enabled=true", .. sets]).Single("PrometheusRule").At("spec", "groups").Items();

        var anomaly = Assert.Single(Groups(), g => g.Scalar("name") == "bmc-anomaly");
        Assert.Equal("5m", anomaly.Scalar("interval"));
        Assert.Contains(anomaly.At("rules").Items(), r => r.Has("alert") && r.Scalar("alert") == "BmcSensorAbovePeers");

        var without = Groups("prometheusRule.anomalyRules=false");
        Assert.DoesNotContain(without, g => g.Scalar("name") == "bmc-anomaly");
        var others = Directory.GetFiles(Path.GetDirectoryName(PackagingPaths.RulesFile)!, "*.rules.yml")
            .Where(f => !f.EndsWith("bmc-anomaly.rules.yml", StringComparison.Ordinal)).Sum(f => RuleFile.Load(f).Groups.Count);
        Assert.Equal(others, without.Count);
        Assert.All(without, g => Assert.False(g.Has("interval")));
    }

    [Fact]
    public void Template_Dashboards_OneConfigMapPerDashboardLabelledForTheSidecar()
    {
        var maps = RenderedChart.Render("dashboards.enabled=true").OfKind("ConfigMap").Where(m => m.At("metadata", "labels").Has("grafana_dashboard")).ToList();

        Assert.Equal(Dashboards.Files.Count, maps.Count);
        Assert.All(maps, m => Assert.Equal("1", m.At("metadata", "labels").Scalar("grafana_dashboard")));
        var shipped = Dashboards.Files.ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        foreach (var map in maps)
        {
            var (file, json) = ((YamlDotNet.RepresentationModel.YamlMappingNode)map.At("data")).Children.Select(c => (c.Key.Scalar()!, c.Value.Scalar()!)).Single();
            Assert.Equal(shipped[file].TrimEnd(), json.TrimEnd());
        }
    }

    [Fact]
    public void ChartDashboardCopies_MatchTheDashboardsDirectory()
    {
        var copies = Directory.GetFiles(Path.Combine(PackagingPaths.Chart, "files", "dashboards"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(Dashboards.Files.Select(Path.GetFileName), copies);
        Assert.All(Dashboards.Files, f => Assert.True(
            File.ReadAllText(f) == File.ReadAllText(Path.Combine(PackagingPaths.Chart, "files", "dashboards", Path.GetFileName(f))),
            $"helm/bmc-exporter/files/dashboards/{Path.GetFileName(f)} differs from dashboards/; copy it over"));
    }

    private static HashSet<string> Labels(YamlDotNet.RepresentationModel.YamlNode map) =>
        ((YamlDotNet.RepresentationModel.YamlMappingNode)map).Children.Select(c => c.Key.Scalar() + "=" + c.Value.Scalar()).ToHashSet(StringComparer.Ordinal);
}

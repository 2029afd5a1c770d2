using BmcExporter.Config;

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
        Assert.Contains("--web.listen-address=[::]:9290", container.At("args").Strings());
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
}

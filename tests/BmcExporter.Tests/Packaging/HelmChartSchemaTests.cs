namespace BmcExporter.Tests.Packaging;

/// <summary>
/// Every object <c>helm template</c> renders, over a matrix of values a user would write, is valid against the
/// upstream Kubernetes and prometheus-operator schemas, unknown fields included (tests/schema-check).
/// </summary>
[Trait("Category", "Packaging")]
public sealed class HelmChartSchemaTests
{
    /// <summary>Values sets: the defaults, then what users write for monitoring, sharding, security and secrets.</summary>
    public static TheoryData<string, string> ValueSets() => new()
    {
        { "defaults", "" },
        {
            "kube-prometheus-stack",
            """
            serviceMonitor: { enabled: true, labels: { release: kube-prometheus } }
            prometheusRule:
              enabled: true
              labels: { release: kube-prometheus }
              disabledAlerts: [BmcChassisIntrusion]
              alertLabels: { team: hardware }
            dashboards: { enabled: true, folder: Hardware }
            """
        },
        {
            "sharded-secured",
            """
            shards: 3
            persistence: { enabled: true, storageClassName: fast }
            podMonitor: { enabled: true }
            networkPolicy: { enabled: true, bmcCidrs: ["10.20.0.0/16", "fd00:20::/48"] }
            configChange: reload
            service: { ipFamilyPolicy: PreferDualStack }
            resources: { requests: { cpu: 200m, memory: 256Mi }, limits: { memory: 512Mi } }
            """
        },
        {
            "per-bmc-scrape-with-secret",
            """
            existingSecret: bmc-creds
            scrapeConfig: { enabled: true, labels: { release: kube-prometheus } }
            config:
              modules:
                rack:
                  user: reader
                  password_file: /etc/bmc-exporter/secret/password
              targets:
                - { host: "10.0.0.1", module: rack, labels: { rack: r1 } }
            targetFiles:
              rack-r12.yaml: |
                - host: "10.0.12.1"
            extraEnv:
              - name: BMC_PASSWORD
                valueFrom: { secretKeyRef: { name: bmc-creds, key: password } }
            nodeSelector: { kubernetes.io/os: linux }
            tolerations: [{ key: dedicated, operator: Equal, value: monitoring, effect: NoSchedule }]
            """
        },
    };

    [Theory]
    [MemberData(nameof(ValueSets))]
    public void Template_ValueSet_EveryObjectIsValidAgainstTheUpstreamSchemas(string name, string values)
    {
        var rendered = Path.Combine(Path.GetTempPath(), $"bmc-chart-{name}-{Guid.NewGuid():N}.yaml");
        var valuesFile = Path.Combine(Path.GetTempPath(), $"bmc-values-{name}-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(valuesFile, values);
        try
        {
            File.WriteAllText(rendered, ExternalTool.RunSuccessfully(
                ExternalTool.Helm, "template", RenderedChart.Release, PackagingPaths.Chart, "--namespace", "monitoring", "-f", valuesFile).StandardOutput);

            var result = SchemaCheck.Run("kubernetes", rendered);

            Assert.True(result.ExitCode == 0, $"values '{name}': {result.Describe()}");
            Assert.Matches(@"^OK: \d+ Kubernetes objects valid", result.StandardOutput);
        }
        finally
        {
            File.Delete(rendered);
            File.Delete(valuesFile);
        }
    }

    [Fact]
    public void Template_AllResources_IncludesEveryKindTheChartCanRender()
    {
        var kinds = RenderedChart.Render(
            "serviceMonitor.enabled=true", "prometheusRule.enabled=true", "dashboards.enabled=true", "scrapeConfig.enabled=true",
            "networkPolicy.enabled=true", "networkPolicy.bmcCidrs={10.0.0.0/8}").Objects.Select(o => o.Scalar("kind")).ToHashSet();
        var podMonitor = RenderedChart.Render("podMonitor.enabled=true").OfKind("PodMonitor");

        Assert.Superset(
            new HashSet<string?> { "StatefulSet", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor", "PrometheusRule", "ScrapeConfig" },
            kinds);
        Assert.Single(podMonitor);
    }

    [Theory]
    [InlineData("imagePullPolicy: IfNotPresent", "imagePullPolicyy: IfNotPresent", "'\"imagePullPolicyy\"' does not exist in type 'IContainer'")]
    [InlineData("replicas: 1", "replicas: \"1\"", "data/spec/replicas must be integer")]
    [InlineData("maxUnavailable: 1", "maxUnavailable: 1\n  minAvailble: 1", "'\"minAvailble\"' does not exist")]
    public void Check_BrokenObject_IsRejectedWithTheField(string original, string broken, string expected)
    {
        var text = RenderedChart.RenderText("serviceMonitor.enabled=true");
        Assert.Contains(original, text, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"bmc-chart-broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, text.Replace(original, broken, StringComparison.Ordinal));
        try
        {
            var result = SchemaCheck.Run("kubernetes", file);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains(expected, result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

using System.Net;
using BmcExporter.Config;
using static BmcExporter.Tests.Config.ConfigTestHelpers;

namespace BmcExporter.Tests.Config;

/// <summary>Settings the output and on-demand work reads: parsed, validated, defaulted.</summary>
public sealed class NewModuleSettingsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var config = LoadOk("modules:\n  default:\n    retries: 3\n");
        var m = config.Modules["default"];

        Assert.Equal(OptionalMetrics.None, m.Metrics);
        Assert.True(m.ServeFromCache);
        Assert.Empty(m.AllowedTargets);
        Assert.False(m.AllowAnyTarget);
        Assert.Equal(SharedSensorNames.Expanded, m.SharedSensorNames);
        Assert.False(m.Sensors.IgnoreNotAvailable);
        Assert.Equal(1000, config.Scrape.OnDemandMaxTargets);
        Assert.Equal(16, config.Scrape.OnDemandMaxConcurrency);
    }

    [Fact]
    public void Values_AreRead()
    {
        var config = LoadOk("""
            scrape: { on_demand_max_targets: 250, on_demand_max_concurrency: 4 }
            modules:
              default:
                metrics: [thresholds, sensor_info, sensor_status]
                serve_from_cache: false
                allowed_targets: [10.0.0.0/8, "fd00::/64", 192.168.1.7, bmc-1.example.com, "*.bmc.example.net"]
                shared_sensor_names: base
                sensors: { ignore_not_available: true }
            """);
        var m = config.Modules["default"];

        Assert.Equal(OptionalMetrics.Thresholds | OptionalMetrics.SensorInfo | OptionalMetrics.SensorStatus, m.Metrics);
        Assert.False(m.ServeFromCache);
        Assert.Equal(SharedSensorNames.Base, m.SharedSensorNames);
        Assert.True(m.Sensors.IgnoreNotAvailable);
        Assert.Equal(250, config.Scrape.OnDemandMaxTargets);
        Assert.Equal(4, config.Scrape.OnDemandMaxConcurrency);
        Assert.Equal(["10.0.0.0/8", "fd00::/64", "192.168.1.7", "bmc-1.example.com", "*.bmc.example.net"], m.AllowedTargets.Select(t => t.Text));
    }

    [Theory]
    [InlineData("10.20.30.40", true)]
    [InlineData("11.0.0.1", false)]
    [InlineData("fd00::abcd", true)]
    [InlineData("fd00:0:0:1::1", false)]
    [InlineData("192.168.1.7", true)]
    [InlineData("192.168.1.8", false)]
    [InlineData("BMC-1.example.com", true)]
    [InlineData("bmc-1.example.com.", true)]
    [InlineData("x.bmc.example.net", true)]
    [InlineData("bmc.example.net", false)]
    [InlineData("evil-bmc.example.net", false)]
    public void AllowedTargets_MatchAddressesRangesAndNames(string host, bool allowed)
    {
        var m = LoadOk("modules:\n  default:\n    allowed_targets: [10.0.0.0/8, \"fd00::/64\", 192.168.1.7, bmc-1.example.com, \"*.bmc.example.net\"]\n").Modules["default"];

        Assert.Equal(allowed, m.AllowsTarget(host));
    }

    [Fact]
    public void AllowAnyTarget_AllowsEverything_AndOverridesTheListWithAWarning()
    {
        var result = Load("modules:\n  default:\n    allow_any_target: true\n    allowed_targets: [10.0.0.0/8]\n");

        Assert.True(result.Config!.Modules["default"].AllowsTarget("203.0.113.9"));
        Assert.Contains("allowed_targets has no effect", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowedTargets_MappedIpv4Address_MatchesItsIpv4Range()
    {
        var m = LoadOk("modules:\n  default:\n    allowed_targets: [10.0.0.0/8]\n").Modules["default"];

        Assert.True(m.AllowedTargets[0].Matches(IPAddress.Parse("::ffff:10.1.2.3")));
    }

    [Fact]
    public void Metrics_ListedTwice_IsAWarning()
    {
        var result = Load("modules:\n  default:\n    metrics: [thresholds, thresholds]\n");

        Assert.Equal("/etc/bmc/exporter.yaml:3 modules.default.metrics[1]: metric family 'thresholds' is listed twice", Assert.Single(result.Warnings).ToString());
    }

    [Fact]
    public void SensorFilterKeys_IncludeTypesAndRecordIds_AreRead()
    {
        var m = LoadOk("modules:\n  default:\n    sensors:\n      include_types: [temperature, \"0x04\", 010]\n      include_record_ids: [5, 6]\n").Modules["default"];

        SetEqual(new byte[] { 0x01, 0x04, 0x08 }, m.Sensors.IncludeTypes);
        SetEqual([5, 6], m.Sensors.IncludeRecordIds);
    }
}

using System.Runtime.CompilerServices;
using BmcExporter.Config;

namespace BmcExporter.Tests.Config;

/// <summary>The shipped example and docs must stay true to the loader.</summary>
public sealed class ExampleConfigTests
{
    [Fact]
    public void ExampleFile_LoadsWithoutErrorsOrWarnings()
    {
        var result = ConfigLoader.Load(RepoFile("exporter.yaml.example"), ConfigTestHelpers.Env(("BMC_PASSWORD", "pw1"), ("DELL_BMC_PASSWORD", "pw2")));

        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void ExampleFile_ShowsTheDefaults()
    {
        var config = ConfigLoader.Load(RepoFile("exporter.yaml.example"), ConfigTestHelpers.Env(("BMC_PASSWORD", "pw1"), ("DELL_BMC_PASSWORD", "pw2"))).Config!;
        var defaults = new ModuleConfig { Name = "default" };
        var m = config.Modules["default"];

        Assert.Equal(ExporterConfig.Default.ListenAddress, config.ListenAddress);
        Assert.Equal(ExporterConfig.Default.StateDir, config.StateDir);
        Assert.Equal(ExporterConfig.Default.Scrape, config.Scrape);
        Assert.Equal(ExporterConfig.Default.Sharding, config.Sharding);
        Assert.Equal(ExporterConfig.Default.Otlp.Enabled, config.Otlp.Enabled);
        Assert.Equal(ExporterConfig.Default.Otlp.Endpoint, config.Otlp.Endpoint);
        Assert.Equal(ExporterConfig.Default.Otlp.Protocol, config.Otlp.Protocol);
        Assert.Equal(ExporterConfig.Default.Otlp.Interval, config.Otlp.Interval);
        Assert.Equal(ExporterConfig.Default.Otlp, config.Otlp);
        Assert.Equal(defaults.Protocol, m.Protocol);
        Assert.Equal(defaults.Privilege, m.Privilege);
        Assert.Equal(defaults.CipherSuites, m.CipherSuites);
        Assert.Equal(defaults.AllowCipherSuite0, m.AllowCipherSuite0);
        Assert.Equal(defaults.Timeout, m.Timeout);
        Assert.Equal(defaults.Retries, m.Retries);
        Assert.Equal(defaults.SessionKeepalive, m.SessionKeepalive);
        Assert.Equal(defaults.Collectors, m.Collectors);
        Assert.Equal(defaults.BridgeSensors, m.BridgeSensors);
        Assert.True(m.Sensors.IsEmpty);
        Assert.Equal(defaults.Sensors, m.Sensors);
        Assert.Equal(defaults.Workarounds, m.Workarounds);
        Assert.Equal(defaults.Metrics, m.Metrics);
        Assert.Equal(defaults.ServeFromCache, m.ServeFromCache);
        Assert.Equal(defaults.AllowedTargets, m.AllowedTargets);
        Assert.Equal(defaults.AllowAnyTarget, m.AllowAnyTarget);
        Assert.Equal(defaults.SharedSensorNames, m.SharedSensorNames);
        Assert.Equal("pw1"u8.ToArray(), m.Password.Span.ToArray());
    }

    [Fact]
    public void ExampleFile_SecondModule_MergesTheFirst()
    {
        var config = ConfigLoader.Load(RepoFile("exporter.yaml.example"), ConfigTestHelpers.Env(("BMC_PASSWORD", "pw1"), ("DELL_BMC_PASSWORD", "pw2"))).Config!;
        var dell = config.Modules["dell"];

        Assert.Equal("monitor", dell.User);
        Assert.Equal("pw2"u8.ToArray(), dell.Password.Span.ToArray());
        Assert.Equal([17], dell.CipherSuites);
        Assert.Equal(config.Modules["default"].SessionKeepalive, dell.SessionKeepalive);
        Assert.True(dell.AllowsTarget("10.0.0.77"));
        Assert.False(dell.AllowsTarget("10.0.1.77"));
        Assert.Equal("correctable_memory_error", Assert.Single(dell.SelEvents).Name);
    }

    [Fact]
    public void EveryWorkaroundFlag_IsDocumented()
    {
        var docs = File.ReadAllText(RepoFile("docs/configuration.md"));

        foreach (var flag in ModuleConfig.RecognizedWorkarounds.Keys)
        {
            Assert.True(docs.Contains($"`{flag}`", StringComparison.Ordinal), $"docs/configuration.md does not describe workaround {flag}");
        }
    }

    [Fact]
    public void EveryKey_IsDocumentedInConfigurationMdAndTheExample()
    {
        var docs = File.ReadAllText(RepoFile("docs/configuration.md"));
        var example = File.ReadAllText(RepoFile("exporter.yaml.example"));
        var ipmiExporterOnly = new HashSet<string>(StringComparer.Ordinal) { "pass", "driver", "exclude_sensor_ids", "workaround_flags", "collector_cmd", "default_args", "custom_args" };

        foreach (var (section, keys) in ConfigLoader.KnownKeys)
        {
            foreach (var key in keys)
            {
                Assert.True(docs.Contains($"`{key}`", StringComparison.Ordinal), $"docs/configuration.md does not document {section}.{key}");
                if (!ipmiExporterOnly.Contains(key))
                {
                    Assert.True(example.Contains($"{key}:", StringComparison.Ordinal), $"exporter.yaml.example does not show {section}.{key}");
                }
            }
        }
    }

    private static string RepoFile(string relative, [CallerFilePath] string thisFile = "")
    {
        // This file is tests/BmcExporter.Tests/Config/ExampleConfigTests.cs in the repository.
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
        return Path.Combine(root, relative);
    }
}

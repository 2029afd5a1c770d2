using BmcExporter.Config;
using BmcExporter.Ipmi.Session;
using static BmcExporter.Tests.Config.ConfigTestHelpers;

namespace BmcExporter.Tests.Config;

public sealed class ConfigLoaderTests
{
    [Fact]
    public void LoadFromText_FullConfig_MapsEveryKey()
    {
        var config = LoadOk("""
            listen_address: "0.0.0.0:9300"
            state_dir: /var/tmp/bmc
            scrape:
              mode: on_demand
              interval: 2m
              max_concurrency: 8
              timeout: 45s
            sharding: { shard: 1, shards: 3 }
            modules:
              default:
                user: reader
                password_env: BMC_PASSWORD
                kg_hex: "0x0102030405"
                privilege: operator
                cipher_suites: [3, 17]
                timeout: 1500ms
                retries: 5
                session_keepalive: 10s
                interval: 30s
                collectors: [ipmi, sel, fru]
                sensors:
                  include: ["^CPU"]
                  exclude: ["Fan[0-9]"]
                  exclude_types: [Fan, "Power Supply", "0x07"]
                  exclude_record_ids: [12, 13]
                bridge_sensors: true
                workarounds: [discretereading, ignorescanningdisabled]
                labels: { site: fra1 }
            targets:
              - host: "10.0.0.1:6230"
                module: default
                labels: { rack: r12 }
              - "10.0.0.2"
              - host: "[fe80::1]:623"
            otlp:
              enabled: true
              endpoint: "http://collector:4318"
              protocol: http/protobuf
              interval: 15s
              headers: { x-api-key: abc }
            """, Env(("BMC_PASSWORD", "s3cret")));

        Assert.Equal("0.0.0.0:9300", config.ListenAddress);
        Assert.Equal("/var/tmp/bmc", config.StateDir);
        Assert.Equal(ScrapeMode.OnDemand, config.Scrape.Mode);
        Assert.Equal(TimeSpan.FromMinutes(2), config.Scrape.Interval);
        Assert.Equal(8, config.Scrape.MaxConcurrency);
        Assert.Equal(TimeSpan.FromSeconds(45), config.Scrape.Timeout);
        Assert.Equal(new ShardingConfig { Shard = 1, Shards = 3 }, config.Sharding);
        Assert.False(config.IsIpmiExporterFormat);

        var m = config.Modules["default"];
        Assert.Equal("reader", m.User);
        Assert.Equal("s3cret"u8.ToArray(), m.Password.Span.ToArray());
        Assert.Equal("env BMC_PASSWORD", m.Password.Origin);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, m.Kg!.Span.ToArray());
        Assert.Equal(PrivilegeLevel.Operator, m.Privilege);
        Assert.Equal([3, 17], m.CipherSuites);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), m.Timeout);
        Assert.Equal(5, m.Retries);
        Assert.Equal(TimeSpan.FromSeconds(10), m.SessionKeepalive);
        Assert.Equal(TimeSpan.FromSeconds(30), m.EffectiveInterval(config.Scrape));
        Assert.Equal([CollectorKind.Sensors, CollectorKind.Sel, CollectorKind.Fru], m.Collectors);
        Assert.True(m.BridgeSensors);
        Assert.True(m.HasWorkaround("discretereading"));
        Assert.Equal("fra1", m.Labels["site"]);
        SetEqual(new HashSet<byte> { 0x04, 0x08, 0x07 }, m.Sensors.ExcludeTypes);
        Assert.True(m.Sensors.Allows("CPU Temp", 0x01, 1));
        Assert.False(m.Sensors.Allows("CPU Fan1", 0x01, 1));
        Assert.False(m.Sensors.Allows("DIMM A", 0x01, 1));
        Assert.False(m.Sensors.Allows("CPU Temp", 0x04, 1));
        Assert.False(m.Sensors.Allows("CPU Temp", 0x01, 13));

        Assert.Equal(3, config.Targets.Count);
        Assert.Equal("10.0.0.1:6230", config.Targets[0].Key);
        Assert.Equal("r12", config.Targets[0].Labels["rack"]);
        Assert.Equal(("10.0.0.2", 623), (config.Targets[1].Host, config.Targets[1].Port));
        Assert.Equal("fe80::1", config.Targets[2].Host);
        Assert.Equal("[fe80::1]:623", config.Targets[2].Key);

        Assert.True(config.Otlp.Enabled);
        Assert.Equal(new Uri("http://collector:4318"), config.Otlp.Endpoint);
        Assert.Equal(OtlpProtocol.HttpProtobuf, config.Otlp.Protocol);
        Assert.Equal(TimeSpan.FromSeconds(15), config.Otlp.Interval);
        Assert.Equal("abc", config.Otlp.Headers["x-api-key"].RevealString());
    }

    [Fact]
    public void LoadFromText_EmptyFile_GivesDefaults()
    {
        var config = LoadOk(string.Empty);

        Assert.Equal(ExporterConfig.DefaultListenAddress, config.ListenAddress);
        Assert.Equal(ExporterConfig.DefaultStateDir, config.StateDir);
        Assert.Equal(ScrapeMode.Background, config.Scrape.Mode);
        Assert.Equal(TimeSpan.FromSeconds(60), config.Scrape.Interval);
        Assert.Equal(64, config.Scrape.MaxConcurrency);
        Assert.Equal(TimeSpan.FromSeconds(30), config.Scrape.Timeout);
        Assert.False(config.Otlp.Enabled);
        Assert.Empty(config.Targets);
        var module = config.Modules["default"];
        Assert.Equal(PrivilegeLevel.User, module.Privilege);
        Assert.Equal([17, 3], module.CipherSuites);
        Assert.Equal(TimeSpan.FromSeconds(2), module.Timeout);
        Assert.Equal(3, module.Retries);
        Assert.Equal(ModuleConfig.DefaultCollectors, module.Collectors);
    }

    [Fact]
    public void LoadFromText_ModuleDefaults_AreDocumentedValues()
    {
        var m = LoadOk("modules: { default: { user: a } }").Modules["default"];

        Assert.Equal(TimeSpan.FromSeconds(20), m.SessionKeepalive);
        Assert.Null(m.Interval);
        Assert.Null(m.Kg);
        Assert.Equal(0, m.Password.Length);
        Assert.False(m.AllowCipherSuite0);
        Assert.False(m.BridgeSensors);
        Assert.True(m.Sensors.IsEmpty);
    }

    [Fact]
    public void LoadFromText_OtlpHttpWithoutEndpoint_UsesPort4318()
    {
        var config = LoadOk("otlp: { enabled: true, protocol: http/protobuf }");

        Assert.Equal(new Uri("http://127.0.0.1:4318"), config.Otlp.Endpoint);
    }

    [Fact]
    public void LoadFromText_ShardsWithoutShard_TakesShardFromPodOrdinal()
    {
        var config = LoadOk("sharding: { shards: 4 }");

        Assert.True(config.Sharding.ShardFromPodOrdinal);
        Assert.Equal(4, config.Sharding.Shards);
    }

    [Fact]
    public void LoadFromText_RelativeTargetFiles_ResolveAgainstConfigDirectory()
    {
        var config = LoadOk("target_files: [targets.d/*.yaml, /abs/list.txt]");

        Assert.Equal(["/etc/bmc/targets.d/*.yaml", "/abs/list.txt"], config.TargetFiles);
    }

    [Fact]
    public void Load_MissingFile_ReportsCannotRead()
    {
        var result = ConfigLoader.Load("/nonexistent/exporter.yaml");

        Assert.False(result.Success);
        Assert.Equal("/nonexistent/exporter.yaml: the config file does not exist", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Secret_ToString_IsRedactedAndNamesItsOrigin()
    {
        var secret = BmcExporter.Ipmi.Crypto.IpmiSecret.FromBytes("hunter2"u8, "inline");

        Assert.Equal("***(inline)", secret.ToString());
        Assert.DoesNotContain("hunter2", new ModuleConfig { Name = "m", Password = secret }.ToString(), StringComparison.Ordinal);
    }
}

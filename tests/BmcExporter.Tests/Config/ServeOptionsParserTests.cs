using BmcExporter.Config;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Tests.Config;

public sealed class ServeOptionsParserTests
{
    [Fact]
    public void Parse_IpmiExporterStyleFlags_AreAccepted()
    {
        var result = ServeOptionsParser.Parse(["--config.file=/etc/prometheus/ipmi_remote.yml", "--web.listen-address", ":9290", "--log.level=debug", "--freeipmi.path=/usr/sbin"]);

        Assert.Null(result.Error);
        var o = result.Options!;
        Assert.Equal("/etc/prometheus/ipmi_remote.yml", o.ConfigFile);
        Assert.Equal(":9290", o.ListenAddress);
        Assert.Equal(LogLevel.Debug, o.LogLevel);
        Assert.Equal("--freeipmi.path has no effect: bmc-exporter does not run FreeIPMI", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Parse_AllOwnFlags_AreRead()
    {
        var o = ServeOptionsParser.Parse(["--state.dir", "/tmp/s", "--shard", "2", "--shards=5", "--demo", "--log.format", "json"]).Options!;

        Assert.Equal("/tmp/s", o.StateDir);
        Assert.Equal(2, o.Shard);
        Assert.Equal(5, o.Shards);
        Assert.True(o.Demo);
        Assert.Equal("json", o.LogFormat);
    }

    [Theory]
    [InlineData(new[] { "--config.fil=x" }, "unknown flag '--config.fil=x' (see bmc-exporter --help)")]
    [InlineData(new[] { "--configfile", "x" }, "unknown flag '--configfile'; did you mean --config.file?")]
    [InlineData(new[] { "--config.file" }, "--config.file needs a value")]
    [InlineData(new[] { "--config.file", "--demo" }, "--config.file needs a value")]
    [InlineData(new[] { "--shard", "x" }, "--shard: 'x' is not a number 0..65535 or 'auto'")]
    [InlineData(new[] { "--shards", "0" }, "--shards: '0' is not a number 1..65536")]
    [InlineData(new[] { "--log.level", "trace" }, "--log.level: 'trace' is not one of debug, info, warn, error")]
    [InlineData(new[] { "--web.listen-address", "9290" }, "--web.listen-address: '9290' has no port (expected host:port or :port)")]
    [InlineData(new[] { "--demo=maybe" }, "--demo takes no value (got 'maybe')")]
    [InlineData(new[] { "serve" }, "unexpected argument 'serve' (flags start with --; see bmc-exporter --help)")]
    [InlineData(new[] { "--shard", "1", "--shard", "2" }, "--shard is given more than once")]
    [InlineData(new[] { "--web.config.file=" }, "--web.config.file needs a file name")]
    public void Parse_BadFlags_GiveSpecificErrors(string[] args, string expected)
    {
        var result = ServeOptionsParser.Parse(args);

        Assert.Null(result.Options);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void Apply_FlagsOverrideFile()
    {
        var options = new ServeOptions { ListenAddress = "127.0.0.1:1", StateDir = "/s", Shard = 1, Shards = 2 };

        var applied = options.Apply(ExporterConfig.Default, _ => null);

        Assert.Equal("127.0.0.1:1", applied.Config!.ListenAddress);
        Assert.Equal("/s", applied.Config.StateDir);
        Assert.Equal(new ShardingConfig { Shard = 1, Shards = 2 }, applied.Config.Sharding);
    }

    [Theory]
    [InlineData("bmc-exporter-3", 3)]
    [InlineData("exporter-0", 0)]
    public void Apply_ShardsWithoutShard_UsesPodOrdinal(string hostname, int shard)
    {
        var applied = new ServeOptions { Shards = 4 }.Apply(ExporterConfig.Default, n => n == "HOSTNAME" ? hostname : null);

        Assert.Equal(new ShardingConfig { Shard = shard, Shards = 4 }, applied.Config!.Sharding);
    }

    [Fact]
    public void Apply_OrdinalOutOfRange_IsAnError()
    {
        var applied = new ServeOptions { Shards = 2 }.Apply(ExporterConfig.Default, _ => "exporter-5");

        Assert.Null(applied.Config);
        Assert.Equal("shard 5 must be less than the number of shards (2)", applied.Error);
    }

    [Fact]
    public void Apply_NoOrdinalInHostname_IsAnError()
    {
        var applied = new ServeOptions { ShardFromPodOrdinal = true, Shards = 2 }.Apply(ExporterConfig.Default, _ => "myhost");

        Assert.Equal("sharding over 2 replicas needs --shard N, sharding.shard, or a HOSTNAME ending in -N (a StatefulSet pod name); HOSTNAME is 'myhost'", applied.Error);
    }
}

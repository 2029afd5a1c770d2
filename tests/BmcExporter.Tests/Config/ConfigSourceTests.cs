using BmcExporter.Config;

namespace BmcExporter.Tests.Config;

public sealed class ConfigSourceTests
{
    [Fact]
    public void Reload_InvalidNewFile_KeepsOldConfigAndReturnsErrors()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("exporter.yaml", "scrape: { interval: 30s }\n");
        var source = new ConfigSource(new ServeOptions { ConfigFile = file });
        var changes = new List<ConfigChangedEventArgs>();
        source.Changed += (_, e) => changes.Add(e);

        Assert.True(source.Reload().Success);
        var first = source.Current;
        File.WriteAllText(file, "scrape: { interval: never }\n");
        var rejected = source.Reload();

        Assert.False(rejected.Success);
        Assert.Equal($"{file}:1 scrape.interval: 'never' is not a duration (e.g. 500ms, 30s, 2m, 1h; a plain number means seconds)", Assert.Single(rejected.Errors).ToString());
        Assert.Same(first, source.Current);
        Assert.Equal(TimeSpan.FromSeconds(30), source.Current.Scrape.Interval);
        Assert.Single(changes);
    }

    [Fact]
    public void Reload_ValidNewFile_ReplacesConfigAndRaisesChanged()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("exporter.yaml", "scrape: { interval: 30s }\n");
        var source = new ConfigSource(new ServeOptions { ConfigFile = file, ListenAddress = "127.0.0.1:9999" });
        ConfigChangedEventArgs? last = null;
        source.Changed += (_, e) => last = e;
        source.Reload();

        File.WriteAllText(file, "scrape: { interval: 90s }\n");
        var result = source.Reload();

        Assert.True(result.Success);
        Assert.Equal(TimeSpan.FromSeconds(90), source.Current.Scrape.Interval);
        Assert.Equal("127.0.0.1:9999", source.Current.ListenAddress);
        Assert.Equal(TimeSpan.FromSeconds(30), last!.Previous!.Scrape.Interval);
        Assert.Same(source.Current, last.Current);
    }

    [Fact]
    public void Current_BeforeFirstLoad_Throws()
    {
        var source = new ConfigSource(new ServeOptions());

        Assert.False(source.HasConfig);
        Assert.Throws<InvalidOperationException>(() => source.Current);
        Assert.True(source.Reload().Success);
        Assert.Same(ExporterConfig.Default.Modules, source.Current.Modules);
    }
}

using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// A reload re-reads exporter.yaml from scratch; targets whose module did not change keep their session, SDR
/// cache and SEL cursor (settings compare by value), and a changed module gets a new session.
/// </summary>
public sealed class ReloadKeepsSessionsTests
{
    [Fact]
    public async Task Reload_SameFileParsedAgain_KeepsSessionSdrCacheAndSelCursor_ChangedModuleReopens()
    {
        await using var sim = await SimulatorFixture.StartAsync(1);
        var dir = Directory.CreateTempSubdirectory("bmc-reload-").FullName;
        try
        {
            var passwordFile = Path.Combine(dir, "pw");
            await File.WriteAllTextAsync(passwordFile, SimulatorFixture.Password + "\n");
            var port = sim.Fleet.Endpoints[0].Port;
            string Yaml(string site) => $$"""
                state_dir: {{dir}}/state
                scrape: { mode: background, interval: 1h, timeout: 10s }
                modules:
                  default:
                    user: {{SimulatorFixture.User}}
                    password_file: {{passwordFile}}
                    serve_from_cache: false
                    labels: { site: {{site}} }
                targets: ["127.0.0.1:{{port}}"]
                """;
            var text = Yaml("lab");
            ConfigLoadResult Load() => ConfigLoader.LoadFromText(text, Path.Combine(dir, "exporter.yaml"));
            var first = Load();
            Assert.True(first.Success, string.Join("; ", first.Errors));
            await using var sessions = new IpmiSessionFactory(TimeProvider.System);
            await using var runtime = new ExporterRuntime(first.Config!, sessions, DefaultCollectors.Create(), TimeProvider.System, NullLoggerFactory.Instance, Load,
                new RuntimeOptions { Retry = new RetryOptions { Delay = TimeSpan.Zero } });
            var (app, client) = await SimulatorFixture.ServeAsync(runtime);
            await using var _ = app;
            using var __ = client;
            var key = ScrapeTarget.KeyOf($"127.0.0.1:{port}", "default");
            var url = $"/ipmi?target=127.0.0.1:{port}&module=default";

            Assert.Contains("ipmi_up{site=\"lab\",collector=\"ipmi\"} 1\n", await client.GetStringAsync(url), StringComparison.Ordinal);
            var cursor = runtime.State.GetSelPosition(key);
            Assert.NotNull(cursor);
            var hitsBefore = runtime.Stats.For(key).SdrCacheHits;

            // Same text, parsed again into new objects: nothing changes for the target.
            Assert.Empty(await runtime.ReloadAsync());
            Assert.NotSame(first.Config, runtime.Config);
            Assert.Contains("ipmi_up{site=\"lab\",collector=\"ipmi\"} 1\n", await client.GetStringAsync(url), StringComparison.Ordinal);

            Assert.Equal(1, runtime.Stats.For(key).SessionsOpened);
            Assert.Equal(hitsBefore + 1, runtime.Stats.For(key).SdrCacheHits);
            Assert.Same(cursor, runtime.State.GetSelPosition(key));

            // A changed module (other labels) is another module: a new session, the new labels.
            text = Yaml("rack9");
            Assert.Empty(await runtime.ReloadAsync());
            Assert.Contains("ipmi_up{site=\"rack9\",collector=\"ipmi\"} 1\n", await client.GetStringAsync(url), StringComparison.Ordinal);
            Assert.Equal(2, runtime.Stats.For(key).SessionsOpened);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

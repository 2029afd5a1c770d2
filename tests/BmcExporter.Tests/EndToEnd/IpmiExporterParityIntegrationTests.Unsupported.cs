using System.Net.Sockets;
using BmcExporter.Config;
using BmcExporter.Tests.Fakes;

namespace BmcExporter.Tests.EndToEnd;

public sealed partial class IpmiExporterParityIntegrationTests
{
    /// <summary>
    /// OpenIPMI's ipmi_sim has no DCMI (Get Power Reading answers 0xD4 to a USER session) and no FRU device 0 (Get FRU
    /// Inventory Area Info answers 0xCC): both collectors are unsupported, ipmi_up stays 0 for them as ipmi_exporter
    /// reports it, bmc_exporter_collector_supported is 0, the scrape is a success, and later scrapes do not ask again.
    /// </summary>
    [Fact]
    public async Task Ipmi_IpmiSimWithoutDcmiAndFru_CollectorsUnsupportedAndNotAskedAgain()
    {
        var dir = Directory.CreateTempSubdirectory("bmc-unsupported-");
        var simPort = IpmiSimHarness.FreePort(SocketType.Dgram, ProtocolType.Udp);
        await IpmiSimHarness.WriteFilesAsync(dir.FullName, IpmiSimHarness.LanConf(SimName, simPort), SimEmu);
        var configPath = Path.Combine(dir.FullName, "exporter.yaml");
        await File.WriteAllTextAsync(configPath, """
            modules:
              default:
                user: reader
                password_file: pass.txt
                privilege: user
                cipher_suites: [3]
                collectors: [sensors, dcmi, fru, bmc]
                allowed_targets: ["127.0.0.1"]
            """);
        var passFile = Path.Combine(dir.FullName, "pass.txt");
        await File.WriteAllTextAsync(passFile, "readpass");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        using var sim = IpmiSimHarness.Start(dir.FullName);
        try
        {
            var loaded = ConfigLoader.Load(configPath);
            Assert.True(loaded.Success, string.Join("; ", loaded.Errors));
            var config = loaded.Config! with { StateDir = Path.Combine(dir.FullName, "ours") };
            await using var served = await ServedExporter.StartAsync(config);
            var (runtime, client) = served;
            var target = $"127.0.0.1:{simPort}";
            var url = $"/ipmi?target={target}&module=default";

            // ipmi_sim binds its port a moment after it starts: wait (bounded) until an independent client, ipmitool,
            // gets an answer, so the first scrape is not refused by a port that is not open yet.
            var ready = await IpmiSimHarness.WaitForIpmitoolAsync(sim, simPort);
            Assert.True(ready, "ipmi_sim did not answer ipmitool within 50 attempts");
            var first = await client.GetStringAsync(url);
            var stats = runtime.Stats.All.Single().Value;
            var errorsAfterFirst = stats.CommandErrors;
            var second = await client.GetStringAsync(url);
            var third = await client.GetStringAsync(url);

            foreach (var page in new[] { first, second, third })
            {
                Assert.Contains("ipmi_up{collector=\"ipmi\"} 1\n", page, StringComparison.Ordinal);
                Assert.Contains("ipmi_up{collector=\"bmc\"} 1\n", page, StringComparison.Ordinal);
                Assert.Contains("ipmi_up{collector=\"dcmi\"} 0\n", page, StringComparison.Ordinal);
                Assert.Contains("ipmi_up{collector=\"fru\"} 0\n", page, StringComparison.Ordinal);
                Assert.Contains("bmc_exporter_collector_supported{collector=\"dcmi\"} 0\n", page, StringComparison.Ordinal);
                Assert.Contains("bmc_exporter_collector_supported{collector=\"fru\"} 0\n", page, StringComparison.Ordinal);
                Assert.Contains("bmc_exporter_collector_supported{collector=\"ipmi\"} 1\n", page, StringComparison.Ordinal);
            }

            // The two refusals of the first scrape are not repeated: no further command fails.
            Assert.True(errorsAfterFirst >= 2, $"first scrape had {errorsAfterFirst} refused commands");
            Assert.Equal(errorsAfterFirst, stats.CommandErrors);
            var snapshot = runtime.Store.Latest(runtime.Stats.All.Single().Key);
            Assert.NotNull(snapshot);
            Assert.Equal(Snapshots.ScrapeOutcome.Success, snapshot.Outcome);
            Assert.Contains("0xD4", snapshot.Collectors.Single(c => c.Collector == "dcmi").Error, StringComparison.Ordinal);
            Assert.Contains("0xCC", snapshot.Collectors.Single(c => c.Collector == "fru").Error, StringComparison.Ordinal);
        }
        finally
        {
            IpmiSimHarness.Stop(sim);
            dir.Delete(recursive: true);
        }
    }
}

using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Tests.Fakes;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// Side by side with the Debian prometheus-ipmi-exporter 1.6.1: the same ipmi_sim BMC, the same unmodified
/// ipmi_exporter config file; every series ipmi_exporter emits must be emitted here with the same labels and
/// value. Needs ipmi_sim, FreeIPMI and prometheus-ipmi-exporter (harness.md §1, §3).
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class IpmiExporterParityIntegrationTests
{
    /// <summary>The name of the ipmi_sim BMC in its lan.conf.</summary>
    private const string SimName = "sim1";

    private const string SimEmu = """
mc_setbmc 0x20
mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02
sel_enable 0x20 1000 0x0a
sensor_add 0x20 0 1 0x01 0x01
sensor_set_value 0x20 0 1 45 0
sensor_set_threshold 0x20 0 1 settable 111111 0x64 0x5a 0x50 0x00 0x05 0x0a
sensor_set_event_support 0x20 0 1 enable scanning per-state 000111111111111 000111111111111 000111111111111 000111111111111
main_sdr_add 0x20 0x00 0x00 0x51 0x01 0x33 0x20 0x00 0x01 0x07 0x01 0x7f 0x68 0x01 0x01 0x95 0x0a 0x95 0x7a 0x3f 0x3f 0x00 0x01 0x00 0x00 0x01 0x00 0x00 0x00 0x00 0x00 0x07 0x00 0xff 0x00 0xff 0x00 0x64 0x5a 0x50 0x00 0x05 0x0a 0x02 0x02 0x00 0x00 0x00 0xc8 0x43 0x50 0x55 0x20 0x54 0x65 0x6d 0x70
sensor_add 0x20 0 2 0x04 0x01
sensor_set_value 0x20 0 2 80 0
sensor_set_event_support 0x20 0 2 enable scanning per-state 000111111111111 000111111111111 000111111111111 000111111111111
main_sdr_add 0x20 0x00 0x00 0x51 0x01 0x2f 0x20 0x00 0x02 0x1d 0x01 0x7f 0x68 0x04 0x01 0x95 0x0a 0x95 0x7a 0x3f 0x3f 0x00 0x12 0x00 0x00 0x4b 0x00 0x00 0x00 0x00 0x00 0x07 0x00 0xff 0x00 0xff 0x00 0x64 0x5a 0x50 0x00 0x05 0x0a 0x02 0x02 0x00 0x00 0x00 0xc4 0x46 0x41 0x4e 0x31
sensor_add 0x20 0 3 0x02 0x01
sensor_set_value 0x20 0 3 200 0
sensor_set_event_support 0x20 0 3 enable scanning per-state 000111111111111 000111111111111 000111111111111 000111111111111
main_sdr_add 0x20 0x00 0x00 0x51 0x01 0x2f 0x20 0x00 0x03 0x14 0x01 0x7f 0x68 0x02 0x01 0x95 0x0a 0x95 0x7a 0x3f 0x3f 0x00 0x04 0x00 0x00 0x06 0x00 0x00 0x00 0x00 0xe0 0x07 0x00 0xff 0x00 0xff 0x00 0xfa 0xf0 0xe6 0x00 0x05 0x0a 0x02 0x02 0x00 0x00 0x00 0xc4 0x31 0x32 0x56 0x20
sensor_add 0x20 1 5 0x01 0x01
sensor_set_value 0x20 1 5 50 0
sensor_set_threshold 0x20 1 5 settable 111111 0x64 0x5a 0x50 0x00 0x05 0x0a
sensor_set_event_support 0x20 1 5 enable scanning per-state 000111111111111 000111111111111 000111111111111 000111111111111
main_sdr_add 0x20 0x00 0x00 0x51 0x01 0x33 0x20 0x01 0x05 0x07 0x02 0x7f 0x68 0x01 0x01 0x95 0x0a 0x95 0x7a 0x3f 0x3f 0x00 0x01 0x00 0x00 0x01 0x00 0x00 0x00 0x00 0x00 0x07 0x00 0xff 0x00 0xff 0x00 0x64 0x5a 0x50 0x00 0x05 0x0a 0x02 0x02 0x00 0x00 0x00 0xc8 0x4c 0x55 0x4e 0x31 0x20 0x54 0x6d 0x70
sel_add 0x20 0x02 0x00 0x00 0x00 0x00 0x20 0x00 0x04 0x01 0x01 0x01 0x57 0x00 0x00
sel_add 0x20 0x02 0x00 0x00 0x00 0x00 0x20 0x00 0x04 0x0c 0x08 0x6f 0xa0 0x12 0x34
sel_add 0x20 0x02 0x00 0x00 0x00 0x00 0x20 0x00 0x04 0xc0 0x09 0x6f 0x01 0x00 0x00
sel_add 0x20 0x02 0x00 0x00 0x00 0x00 0x20 0x00 0x04 0x07 0x0a 0x70 0x45 0x12 0xff
sel_add 0x20 0xc0 0x00 0x00 0x00 0x00 0x57 0x01 0x00 0x11 0x22 0x33 0x44 0x55 0x66
sel_add 0x20 0xe0 0x01 0x02 0x03 0x04 0x05 0x06 0x07 0x08 0x09 0x0a 0x0b 0x0c 0x0d
sel_add 0x20 0x02 0x00 0x00 0x00 0x00 0x20 0x00 0x04 0x08 0x0b 0x6f 0x01 0xff 0xff
mc_enable 0x20
""";

    /// <summary>
    /// The sim's sensor "LUN1 Tmp" is owned by the BMC (0x20) on LUN 1. FreeIPMI reads BMC sensors on LUN 1-3 only
    /// with --bridge-sensors, which ipmi_exporter does not pass: ipmimonitoring leaves the sensor out (ipmi-sensors
    /// prints N/A), so the peer has no series for it. bmc-exporter deliberately reads it, addressing LUN 1 in the
    /// request header (docs/metrics.md, "Parity with ipmi_exporter"): one more series, never a different value.
    /// </summary>
    private const string LunOneSeries = "ipmi_temperature_celsius{id=\"4\",name=\"LUN1 Tmp\"}";

    private const string IpmiExporterConfig = """
        modules:
          default:
            user: "reader"
            pass: "readpass"
            driver: "LAN_2_0"
            privilege: "user"
            timeout: 10000
            collectors: [bmc, ipmi, chassis, sel, dcmi, sm-lan-mode]
            workaround_flags: [opensesspriv]
            custom_args: {ipmi: ["-I", "3"], bmc: ["-I", "3"], chassis: ["-I", "3"], sel: ["-I", "3"], dcmi: ["-I", "3"], sm-lan-mode: ["-I", "3"]}
        """;

    [Fact]
    public async Task Ipmi_SameBmcSameConfig_EmitsEverySeriesOfIpmiExporterWithSameLabelsAndValue()
    {
        var dir = Directory.CreateTempSubdirectory("bmc-parity-");
        var simPort = IpmiSimHarness.FreePort(SocketType.Dgram, ProtocolType.Udp);
        var exporterPort = IpmiSimHarness.FreePort(SocketType.Stream, ProtocolType.Tcp);
        await IpmiSimHarness.WriteFilesAsync(dir.FullName, IpmiSimHarness.LanConf(SimName, simPort), SimEmu);
        var configPath = Path.Combine(dir.FullName, "ipmi_remote.yml");
        await File.WriteAllTextAsync(configPath, IpmiExporterConfig);
        using var sim = IpmiSimHarness.Start(dir.FullName);
        using var peer = StartPeer(configPath, exporterPort, dir.FullName);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var target = $"127.0.0.1:{simPort}";
            var theirs = await GetWhenUpAsync(http, $"http://127.0.0.1:{exporterPort}/ipmi?target={target}");

            var (ours, actual) = await ScrapeOursAsync(configPath, Path.Combine(dir.FullName, "ours"), target);

            var expected = Series(theirs);
            Assert.Contains("ipmi_up{collector=\"ipmi\"}", expected.Keys);
            Assert.Contains("ipmi_up{collector=\"sm-lan-mode\"}", expected.Keys);

            // Every SEL record counts in ipmi_sel_logs_count (the peer's ipmi-sel --info), OEM records included.
            Assert.Equal("7", expected["ipmi_sel_logs_count"]);

            // The BMC's LUN 1 sensor: absent at the peer, read by us (see LunOneSeries).
            Assert.DoesNotContain(expected.Keys, k => k.Contains("LUN1 Tmp", StringComparison.Ordinal));
            Assert.True(actual.TryGetValue(LunOneSeries, out var lunOne) && lunOne == "50", $"{LunOneSeries} not 50\n--- ours ---\n{ours}");
            foreach (var (key, value) in expected)
            {
                if (key.StartsWith("ipmi_scrape_duration_seconds", StringComparison.Ordinal))
                {
                    Assert.Contains(key, actual.Keys);
                    continue;
                }

                Assert.True(actual.TryGetValue(key, out var mine), $"missing series {key}\n--- ours ---\n{ours}");
                Assert.Equal(value, mine);
            }
        }
        finally
        {
            IpmiSimHarness.Stop(peer);
            IpmiSimHarness.Stop(sim);
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Sample lines by series key, label values compared exactly (an SDR ID string keeps its padding, "12V ").
    /// </summary>
    private static Dictionary<string, string> Series(string exposition)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in exposition.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            var key = line[..space];
            result[key] = line[(space + 1)..];
        }

        return result;
    }

    private static async Task<string> GetWhenUpAsync(HttpClient http, string url)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await http.GetStringAsync(url);
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>One <c>/ipmi</c> scrape of <paramref name="target"/> by our exporter on the ipmi_exporter-format config.</summary>
    private static async Task<(string Exposition, Dictionary<string, string> Series)> ScrapeOursAsync(string configPath, string stateDir, string target)
    {
        var loaded = ConfigLoader.Load(configPath);
        Assert.True(loaded.Success, string.Join("; ", loaded.Errors));
        var config = loaded.Config! with { StateDir = stateDir };
        await using var served = await ServedExporter.StartAsync(config);
        var client = served.Client;
        var exposition = await client.GetStringAsync($"/ipmi?target={target}&module=default");
        return (exposition, Series(exposition));
    }

    /// <summary>The Debian prometheus-ipmi-exporter on <paramref name="configPath"/>, listening on 127.0.0.1:<paramref name="port"/>.</summary>
    private static Process StartPeer(string configPath, int port, string workingDirectory) =>
        IpmiSimHarness.StartProcess("prometheus-ipmi-exporter", $"--config.file={configPath} --web.listen-address=127.0.0.1:{port}", workingDirectory);
}

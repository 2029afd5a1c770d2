using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using BmcExporter.Tests.Fakes;

namespace BmcExporter.Tests.EndToEnd;

public sealed partial class IpmiExporterParityIntegrationTests
{
    // ipmi_exporter's sel-events collector (releases after 1.6.1; the Debian 1.6.1 peer refuses "sel-events") runs
    // ipmi-sel with these arguments, counts rows by the State column and matches sel_events regexes on the Event column.
    private static readonly string[] UpstreamSelEventsArgs =
        ["--quiet-cache", "--comma-separated-output", "--no-header-output", "--sdr-cache-recreate", "--output-event-state", "--interpret-oem-data", "--entity-sensor-names"];

    // Regexes aimed at the parts of the Event text we render as FreeIPMI does (OEM records, OEM offsets and codes,
    // threshold wording), plus one that matches everything.
    private static readonly string[] OemRegexes =
    [
        "^OEM defined = 11h 22h", "^OEM defined", "^OEM Event Offset = 05h", "OEM Event Data2 code = 12h$",
        "OEM Event Data3 code = 34h", "^Event Offset = 01h$", "Upper Non-critical - going high", ".",
    ];

    /// <summary>
    /// The sim's SEL holds OEM timestamped and non-timestamped records, an OEM sensor type, an OEM event/reading type
    /// and OEM event data codes. FreeIPMI's ipmi-sel run with ipmi_exporter's sel-events arguments on the same BMC
    /// gives the expected counts by state and, for each regex, the count by name; our sel-events must match them.
    /// </summary>
    [Fact]
    public async Task SelEvents_OemRecords_SameCountsAsIpmiSelWithIpmiExporterArguments()
    {
        var dir = Directory.CreateTempSubdirectory("bmc-selevents-");
        var simPort = IpmiSimHarness.FreePort(SocketType.Dgram, ProtocolType.Udp);
        await IpmiSimHarness.WriteFilesAsync(dir.FullName, IpmiSimHarness.LanConf(SimName, simPort), SimEmu);
        var configPath = Path.Combine(dir.FullName, "ipmi_remote.yml");
        var regexes = string.Join('\n', OemRegexes.Select((r, i) => $"      - name: r{i}\n        regex: '{r}'"));
        await File.WriteAllTextAsync(configPath, $$"""
            modules:
              default:
                user: "reader"
                pass: "readpass"
                driver: "LAN_2_0"
                privilege: "user"
                collectors: [sel, sel-events]
                workaround_flags: [opensesspriv]
                custom_args: {sel: ["-I", "3"], sel-events: ["-I", "3"]}
                sel_events:
            {{regexes}}
            """);
        using var sim = IpmiSimHarness.Start(dir.FullName);
        try
        {
            var target = $"127.0.0.1:{simPort.ToString(CultureInfo.InvariantCulture)}";
            string[] login = ["-D", "LAN_2_0", "-h", target, "-u", "reader", "-p", "readpass", "-l", "USER", "-I", "3", "-W", "opensesspriv", "--sdr-cache-directory", Path.Combine(dir.FullName, "sdr")];
            Directory.CreateDirectory(Path.Combine(dir.FullName, "sdr"));

            // ipmi_sim binds its port a moment after it starts: retry the independent client a bounded number of times.
            Packaging.ToolResult? sel = null;
            for (var attempt = 0; attempt < 50 && sel is not { ExitCode: 0 } && !sim.HasExited; attempt++)
            {
                if (attempt > 0)
                {
                    await Task.Delay(200);
                }

                sel = Packaging.ExternalTool.Run("ipmi-sel", [.. login, .. UpstreamSelEventsArgs]);
            }

            Assert.NotNull(sel);
            Assert.True(sel.ExitCode == 0, $"ipmi-sel failed: {sel.Describe()}");
            var rows = sel.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',', 7)).ToList();
            Assert.Equal(7, rows.Count);
            Assert.Contains(rows, r => r[6].StartsWith("OEM defined", StringComparison.Ordinal));

            var (exposition, ours) = await ScrapeOursAsync(configPath, Path.Combine(dir.FullName, "ours"), target);
            AssertSameCountsByState(rows, ours);

            for (var i = 0; i < OemRegexes.Length; i++)
            {
                var regex = new Regex(OemRegexes[i], RegexOptions.None, TimeSpan.FromSeconds(1));
                var expected = rows.Count(r => regex.IsMatch(r[6]));
                Assert.True(expected > 0, $"regex {OemRegexes[i]} matches no ipmi-sel row: the test would prove nothing");
                Assert.True(
                    ours.TryGetValue($"ipmi_sel_events_count_by_name{{name=\"r{i}\"}}", out var mine) && mine == expected.ToString(CultureInfo.InvariantCulture),
                    $"regex {OemRegexes[i]}: ipmi-sel rows {expected}, ours {mine}\n{sel.StandardOutput}\n{exposition}");

                // ipmi-sel prints PostInit for the sim's pre-init timestamps, which ipmi_exporter turns into 0.
                Assert.Equal("0", ours[$"ipmi_sel_events_latest_timestamp{{name=\"r{i}\"}}"]);
            }
        }
        finally
        {
            IpmiSimHarness.Stop(sim);
            dir.Delete(recursive: true);
        }
    }

    // Regexes a simulator profile's SEL exercises: everything, threshold crossings in FreeIPMI's wording, and one
    // written for both wordings of a named event (FreeIPMI's "Correctable memory error", the spec's "Correctable ECC").
    private static readonly string[] ProfileRegexes = [".", "- going high", "going (high|low)", "Correctable (memory error|ECC)"];

    /// <summary>
    /// sel-events on both shipped simulator profiles (clock frozen, then moved 30 minutes on so the SEL has grown):
    /// counts by state and by name equal what ipmi_exporter's sel-events collector computes from FreeIPMI's ipmi-sel
    /// on the same BMC, latest timestamps included (ipmi-sel's Date and Time read as UTC, as upstream parses them).
    /// </summary>
    [Theory]
    [InlineData("typical-1u")]
    [InlineData("gpu-dense")]
    public async Task SelEvents_SimulatorProfile_SameCountsAndTimestampsAsIpmiSelWithIpmiExporterArguments(string profileName)
    {
        var dir = Directory.CreateTempSubdirectory("bmc-selevents-");
        var (fleet, target, clock) = await StartProfileAsync(profileName);
        await using var _ = fleet;
        clock.Advance(TimeSpan.FromMinutes(30));
        var configPath = Path.Combine(dir.FullName, "ipmi_remote.yml");
        var regexes = string.Join('\n', ProfileRegexes.Select((r, i) => $"      - name: r{i}\n        regex: '{r}'"));
        await File.WriteAllTextAsync(configPath, $$"""
            modules:
              default:
                user: "{{ProfileUser}}"
                pass: "{{ProfilePassword}}"
                driver: "LAN_2_0"
                privilege: "user"
                collectors: [sel-events]
                custom_args: {sel-events: ["-I", "3"]}
                sel_events:
            {{regexes}}
            """);
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "sdr"));
            var sel = Packaging.ExternalTool.RunSuccessfully(
                "ipmi-sel",
                ["-D", "LAN_2_0", "-h", target, "-u", ProfileUser, "-p", ProfilePassword, "-l", "USER", "-I", "3", "--sdr-cache-directory", Path.Combine(dir.FullName, "sdr"), .. UpstreamSelEventsArgs]);
            var rows = sel.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',', 7)).ToList();
            Assert.True(rows.Count >= 5, sel.StandardOutput);

            var (exposition, ours) = await ScrapeOursAsync(configPath, Path.Combine(dir.FullName, "ours"), target);
            AssertSameCountsByState(rows, ours);

            for (var i = 0; i < ProfileRegexes.Length; i++)
            {
                var regex = new Regex(ProfileRegexes[i], RegexOptions.None, TimeSpan.FromSeconds(1));
                var matching = rows.Where(r => regex.IsMatch(r[6])).ToList();
                Assert.True(matching.Count > 0, $"regex {ProfileRegexes[i]} matches no ipmi-sel row: the test would prove nothing\n{sel.StandardOutput}");
                var latest = matching.Select(r => UpstreamTimestamp(r[1], r[2])).Max();
                Assert.True(
                    ours[$"ipmi_sel_events_count_by_name{{name=\"r{i}\"}}"] == matching.Count.ToString(CultureInfo.InvariantCulture)
                    && ours[$"ipmi_sel_events_latest_timestamp{{name=\"r{i}\"}}"] == latest.ToString(CultureInfo.InvariantCulture),
                    $"regex {ProfileRegexes[i]}: ipmi-sel rows {matching.Count}, latest {latest}\n{sel.StandardOutput}\n{exposition}");
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>ipmi_exporter's reading of ipmi-sel's Date and Time ("Jan-02-2006 15:04:05" as UTC); 0 when unparsable (PostInit).</summary>
    private static long UpstreamTimestamp(string date, string time) =>
        DateTime.TryParseExact($"{date} {time}", "MMM-dd-yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var when)
            ? new DateTimeOffset(when, TimeSpan.Zero).ToUnixTimeSeconds()
            : 0;

    /// <summary>sel-events is up and counts the ipmi-sel rows (CSV, column 5 the state) per state exactly.</summary>
    private static void AssertSameCountsByState(List<string[]> rows, Dictionary<string, string> ours)
    {
        Assert.Equal("1", ours["ipmi_up{collector=\"sel-events\"}"]);
        var states = rows.GroupBy(r => r[5]).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(states.Count, ours.Keys.Count(k => k.StartsWith("ipmi_sel_events_count_by_state{", StringComparison.Ordinal)));
        foreach (var (state, count) in states)
        {
            Assert.Equal(count.ToString(CultureInfo.InvariantCulture), ours[$"ipmi_sel_events_count_by_state{{state=\"{state}\"}}"]);
        }
    }
}

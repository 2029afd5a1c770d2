using System.Globalization;
using System.Net.Sockets;
using System.Text;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;
using BmcExporter.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Tests.EndToEnd;

public sealed partial class IpmiExporterParityIntegrationTests
{
    private const string ProfileUser = "reader";
    private const string ProfilePassword = "readpass1";

    /// <summary>
    /// The peer and bmc-exporter side by side on the product simulator's shipped profiles (with the simulator's
    /// clock frozen, so both read the same values): every series the peer emits, for every collector 1.6.1 has, must
    /// be ours with the same labels and the same value to the peer's 2-decimal rounding.
    /// </summary>
    [Theory]
    [InlineData("typical-1u")]
    [InlineData("gpu-dense")]
    [InlineData("parity-states")]
    public async Task Ipmi_SimulatorProfile_EmitsEverySeriesOfIpmiExporterWithSameLabelsAndValue(string profileName)
    {
        var dir = Directory.CreateTempSubdirectory("bmc-parity-");
        var exporterPort = IpmiSimHarness.FreePort(SocketType.Stream, ProtocolType.Tcp);
        var (fleet, target, _) = await StartProfileAsync(profileName);
        await using var __ = fleet;
        var configPath = Path.Combine(dir.FullName, "ipmi_remote.yml");
        await File.WriteAllTextAsync(configPath, $$"""
            modules:
              default:
                user: "{{ProfileUser}}"
                pass: "{{ProfilePassword}}"
                driver: "LAN_2_0"
                privilege: "user"
                timeout: 10000
                collectors: [bmc, ipmi, chassis, sel, dcmi, sm-lan-mode]
                custom_args: {ipmi: ["-I", "3"], bmc: ["-I", "3"], chassis: ["-I", "3"], sel: ["-I", "3"], dcmi: ["-I", "3"], sm-lan-mode: ["-I", "3"]}
            """);
        using var peer = StartPeer(configPath, exporterPort, dir.FullName);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var theirs = await GetWhenUpAsync(http, $"http://127.0.0.1:{exporterPort}/ipmi?target={target}");

            var (ours, actual) = await ScrapeOursAsync(configPath, Path.Combine(dir.FullName, "ours"), target);

            var expected = Series(theirs);
            Assert.Contains("ipmi_up{collector=\"ipmi\"}", expected.Keys);
            var problems = new List<string>();
            foreach (var (key, value) in expected)
            {
                if (key.StartsWith("ipmi_scrape_duration_seconds", StringComparison.Ordinal))
                {
                    continue;
                }

                if (!actual.TryGetValue(key, out var mine))
                {
                    problems.Add($"missing {key} {value}");
                }
                else if (!SameToPeerRounding(value, mine))
                {
                    problems.Add($"{key}: peer {value}, ours {mine}");
                }
            }

            Assert.True(problems.Count == 0, $"{problems.Count} of {expected.Count} peer series differ:\n{string.Join('\n', problems)}\n--- peer ---\n{theirs}\n--- ours ---\n{ours}");
        }
        finally
        {
            IpmiSimHarness.Stop(peer);
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// One simulated BMC of the shipped profile <paramref name="profileName"/> with the reader user, its clock frozen
    /// at 2026-11-30 12:00 UTC (moved on only by the test), and its address as a target; the caller disposes the fleet.
    /// </summary>
    private static async Task<(SimulatedFleet Fleet, string Target, FakeTimeProvider Clock)> StartProfileAsync(string profileName)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var fleet = await SimulatedFleet.StartAsync(
            new FleetOptions
            {
                BmcCount = 1,
                Profile = ProfileLoader.Load(profileName),
                UserName = ProfileUser,
                Password = Encoding.ASCII.GetBytes(ProfilePassword),
                TimeProvider = clock,
            },
            CancellationToken.None);
        var endpoint = fleet.Endpoints[0];
        return (fleet, $"{endpoint.Address}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}", clock);
    }

    /// <summary>Equal, both NaN, or equal once ours is rounded to the 2 decimals FreeIPMI prints.</summary>
    private static bool SameToPeerRounding(string peer, string ours)
    {
        if (peer == ours)
        {
            return true;
        }

        if (!double.TryParse(peer, NumberStyles.Float, CultureInfo.InvariantCulture, out var p)
            || !double.TryParse(ours, NumberStyles.Float, CultureInfo.InvariantCulture, out var o))
        {
            return false;
        }

        return (double.IsNaN(p) && double.IsNaN(o)) || Math.Abs(p - Math.Round(o, 2, MidpointRounding.AwayFromZero)) < 1e-9
            || Math.Abs(p - o) <= 0.005 + 1e-9;
    }
}

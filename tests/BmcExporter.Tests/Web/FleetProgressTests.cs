using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Output.Health;
using BmcExporter.Sessions;
using BmcExporter.Tests.Fakes;
using BmcExporter.Web;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.Web;

/// <summary>
/// A scrape in flight shows on the fleet page (its own table: target, running, collectors done) and in
/// <c>/api/fleet</c> (counted and listed), while it runs: the BMC is a loopback UDP port that never answers, so the
/// scrape is still opening its session when the page is rendered (its deadline, 5 s, ends it). Waits are bounded polls.
/// </summary>
public sealed class FleetProgressTests
{
    [Fact]
    public async Task Render_ScrapeInFlight_ShownOnThePageAndInTheApi()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)silent.LocalEndPoint!).Port;
        await using var sessions = new IpmiSessionFactory(TimeProvider.System);
        await using var runtime = new ExporterRuntime(ExporterConfig.Default, sessions, BmcExporter.Collectors.DefaultCollectors.Create(), TimeProvider.System, NullLoggerFactory.Instance, null, new RuntimeOptions { PersistState = false });
        using var health = new FleetHealth(runtime.Store, TimeProvider.System);
        var target = TestTargets.Target("127.0.0.1", port) with { Timeout = TimeSpan.FromSeconds(5) };
        var scrape = runtime.Coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(60), CancellationToken.None);
        // The flight is listed as soon as it is registered, still waiting for its concurrency slot; wait until it
        // holds the slot (it then stays running until its deadline, 5 s later).
        for (var poll = 0; poll < 200 && !runtime.Coordinator.Running().Any(p => p.Running); poll++)
        {
            await Task.Delay(25);
        }

        Assert.True(Assert.Single(runtime.Coordinator.Running()).Running);
        var progress = runtime.Coordinator.RunningOf(target.Key);
        Assert.NotNull(progress);
        Assert.Equal((target.Key, true), (progress.Key, progress.Running));
        Assert.Null(runtime.Coordinator.RunningOf($"127.0.0.1:{port + 1}"));

        // The target's own statistics are found by key and nothing is created for a key never scraped.
        Assert.Same(runtime.Stats.For(target.Key), runtime.Stats.Find(target.Key));
        Assert.Null(runtime.Stats.Find("192.0.2.1:623"));
        Assert.DoesNotContain(runtime.Stats.All, kv => kv.Key == "192.0.2.1:623");
        var html = FleetHtml.Render(runtime, health, FleetQuery.Parse([], out _)!);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            HealthApi.WriteFleet(w, runtime, health);
        }

        var finished = await scrape; // the scrape's own 5 s deadline ends it

        Assert.Contains("<h2>Scrapes in flight: 1</h2>", html, StringComparison.Ordinal);
        var table = html[html.IndexOf("<table id=\"in-flight\">", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains($"127.0.0.1:{port}", table, StringComparison.Ordinal);
        Assert.Contains("<td>running</td>", table, StringComparison.Ordinal);
        var planned = System.Text.RegularExpressions.Regex.Match(table, @"<td>0/(\d+)</td>"); // collectors done/planned
        Assert.True(planned.Success, table);
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
        Assert.Equal(1, doc.RootElement.GetProperty("in_flight_running").GetInt32());
        Assert.Equal(0, doc.RootElement.GetProperty("in_flight_waiting").GetInt32());
        var flight = Assert.Single(doc.RootElement.GetProperty("in_flight").EnumerateArray());
        Assert.Equal(0, flight.GetProperty("collectors_done").GetInt32());
        Assert.Equal(int.Parse(planned.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), flight.GetProperty("collectors_planned").GetInt32());
        Assert.True(flight.GetProperty("running").GetBoolean());
        Assert.NotEqual(BmcExporter.Snapshots.ScrapeOutcome.Success, finished.Outcome);
    }
}

using System.Net;
using System.Text.Json;

namespace BmcExporter.Tests.Web;

/// <summary>The fleet health JSON API and its 400s, through the real HTTP pipeline, against the planted-fault fleet.</summary>
public sealed class FleetHealthApiTests(FaultyFleetFixture fleet) : IClassFixture<FaultyFleetFixture>
{
    [Fact]
    public async Task ApiFleet_PlantedFaults_CountsByHealthAndFinding()
    {
        using var doc = JsonDocument.Parse(await fleet.Client.GetStringAsync("/api/fleet"));
        var root = doc.RootElement;

        Assert.Equal(4, root.GetProperty("targets").GetInt32());
        var health = root.GetProperty("health");
        Assert.Equal(1, health.GetProperty("critical").GetInt32());
        Assert.Equal(1, health.GetProperty("unreachable").GetInt32());
        Assert.Equal(1, health.GetProperty("not_scraped").GetInt32());
        Assert.Equal(1, health.GetProperty("ok").GetInt32());
        foreach (var kind in new[] { "psu", "drive", "fan", "intrusion", "sel" })
        {
            Assert.Equal(1, root.GetProperty("targets_with_finding").GetProperty(kind).GetInt32());
        }

        // The counts cover every flight; the list shows at most 100 (all of them here).
        var listed = root.GetProperty("in_flight").GetArrayLength();
        Assert.Equal(listed, root.GetProperty("in_flight_running").GetInt32() + root.GetProperty("in_flight_waiting").GetInt32());
    }

    [Fact]
    public async Task ApiTargets_FilterByFinding_ReturnsTheFaultyTargetOnly()
    {
        using var doc = JsonDocument.Parse(await fleet.Client.GetStringAsync("/api/targets?finding=psu"));
        var targets = doc.RootElement.GetProperty("targets");

        Assert.Equal(1, doc.RootElement.GetProperty("matching").GetInt32());
        Assert.Equal(fleet.FaultyKey, targets[0].GetProperty("key").GetString());
        Assert.Equal("critical", targets[0].GetProperty("health").GetString());
        Assert.Contains(targets[0].GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "psu" && f.GetProperty("subject").GetString() == "PSU 2");
    }

    [Fact]
    public async Task ApiTargets_PageOfOne_PagesInHealthOrder()
    {
        var keys = new List<string>();
        for (var page = 1; page <= 4; page++)
        {
            using var doc = JsonDocument.Parse(await fleet.Client.GetStringAsync($"/api/targets?per_page=1&page={page}"));
            Assert.Equal(4, doc.RootElement.GetProperty("pages").GetInt32());
            keys.Add(doc.RootElement.GetProperty("targets")[0].GetProperty("key").GetString()!);
        }

        Assert.Equal([fleet.FaultyKey, fleet.DeadKey, fleet.PendingKey, fleet.HealthyKey], keys);
    }

    [Fact]
    public async Task ApiTarget_FaultyBmc_HasSensorsWithThresholdsSelFruAndSdrProgress()
    {
        using var doc = JsonDocument.Parse(await fleet.Client.GetStringAsync("/api/target?key=" + Uri.EscapeDataString(fleet.FaultyKey)));
        var root = doc.RootElement;

        var fan = root.GetProperty("sensors").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "FAN7");
        Assert.Equal(400, fan.GetProperty("value").GetDouble());
        Assert.Equal("critical", fan.GetProperty("state").GetString());
        Assert.Equal(600, fan.GetProperty("thresholds").GetProperty("lcr").GetDouble());
        Assert.Equal("at or below lower critical 600", fan.GetProperty("crossed").GetString());
        Assert.Contains(root.GetProperty("sel").EnumerateArray(), e => e.GetProperty("severity").GetString() == "critical");
        Assert.Equal("Simulated Systems", root.GetProperty("fru")[0].GetProperty("board_manufacturer").GetString());
        Assert.True(root.GetProperty("chassis").GetProperty("intrusion").GetBoolean());
        var sdr = root.GetProperty("scrape").GetProperty("sdr");
        Assert.True(sdr.GetProperty("complete").GetBoolean());
        Assert.True(sdr.GetProperty("records_read").GetInt32() > 40);
        Assert.Equal(FaultyFleetFixture.HostileLabel, root.GetProperty("scrape").GetProperty("labels").GetProperty("rack").GetString());
    }

    [Theory]
    [InlineData("/?health=bogus", "health 'bogus' is not one of critical, unreachable, warning, not_scraped, ok")]
    [InlineData("/?finding=cpu", "finding 'cpu' is not one of psu, drive, fan, intrusion, sel, sensor")]
    [InlineData("/api/targets?sort=colour", "sort 'colour' is not one of health, target, module, findings, scraped, duration")]
    [InlineData("/api/targets?order=up", "order 'up' is not asc or desc")]
    [InlineData("/?page=0", "page '0' is not a whole number from 1")]
    [InlineData("/?per_page=5000", "per_page '5000' is not a whole number from 1 to 1000")]
    [InlineData("/?pgae=2", "unknown query parameter 'pgae'; known: health, finding, q, sort, order, page, per_page")]
    [InlineData("/?page=1&page=2", "query parameter 'page' must be given once")]
    [InlineData("/target", "'key' must be given once: the target's scrape key HOST:PORT#MODULE, as linked from the fleet page")]
    [InlineData("/api/fleet?x=1", "/api/fleet takes no query parameters (filter the list with /api/targets)")]
    public async Task Pages_BadQuery_Return400WithASentence(string url, string sentence)
    {
        using var response = await fleet.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(sentence + "\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Target_UnknownKey_Returns404()
    {
        using var response = await fleet.Client.GetAsync("/target?key=" + Uri.EscapeDataString("10.9.9.9:623#default"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no target '10.9.9.9:623#default'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_HostileLabel_IsEncodedInTheHtml()
    {
        var html = await fleet.Client.GetStringAsync("/target?key=" + Uri.EscapeDataString(fleet.FaultyKey));

        Assert.DoesNotContain(FaultyFleetFixture.HostileLabel, html, StringComparison.Ordinal);
        Assert.Contains("&lt;b id=&quot;injected&quot;&gt;rack&amp;1&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_FaultyBmc_ExportsSdrWalkProgress()
    {
        var text = await fleet.Client.GetStringAsync("/metrics");

        var line = text.Split('\n').Single(l => l.StartsWith($"bmc_exporter_sdr_records_read{{target=\"{fleet.FaultyKey.Split('#')[0]}\"", StringComparison.Ordinal));
        Assert.True(int.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture) > 40, line);
        Assert.Contains("bmc_exporter_sdr_walk_complete{", text, StringComparison.Ordinal);
    }
}

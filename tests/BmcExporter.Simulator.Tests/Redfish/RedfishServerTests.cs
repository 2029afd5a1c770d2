using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BmcExporter.Simulator.Redfish;

namespace BmcExporter.Simulator.Tests.Redfish;

/// <summary>The simulator's HTTP layer seen from a plain HttpClient: auth, sessions, ETags, $expand, paging, mockups, faults.</summary>
public sealed class RedfishServerTests
{
    private static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()).RootElement;
    }

    [Fact]
    public async Task Get_WithoutCredentials_RootOpenEverythingElse401WithRedfishError()
    {
        await using var fleet = await RedfishFleet.StartAsync();
        using var http = fleet.Http(credentials: false);
        Assert.Equal("1.17.0", (await GetAsync(http, "/redfish/v1/")).GetProperty("RedfishVersion").GetString());
        using var denied = await http.GetAsync("/redfish/v1/Chassis");
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        var error = JsonDocument.Parse(await denied.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("Base.1.8.NoValidSession", error.GetProperty("@Message.ExtendedInfo")[0].GetProperty("MessageId").GetString());
    }

    [Fact]
    public async Task Power_PowerDomains_MembersWithoutContextAddUpToTheSystemMember()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await using var whole = await RedfishFleet.StartAsync(redfish: new RedfishServerOptions { Schema = RedfishSchema.Legacy }, time: time);
        await using var split = await RedfishFleet.StartAsync(redfish: new RedfishServerOptions { Schema = RedfishSchema.Legacy, PowerDomains = 3 }, time: time);
        time.Advance(TimeSpan.FromMinutes(9));
        using var wholeHttp = whole.Http();
        using var splitHttp = split.Http();

        var system = (await GetAsync(wholeHttp, "/redfish/v1/Chassis/1/Power")).GetProperty("PowerControl")[0];
        var members = (await GetAsync(splitHttp, "/redfish/v1/Chassis/1/Power")).GetProperty("PowerControl").EnumerateArray().ToList();

        Assert.Equal("Chassis", system.GetProperty("PhysicalContext").GetString());
        var domains = members.Where(m => m.GetProperty("Name").GetString()!.StartsWith("Power Domain ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, domains.Count);
        Assert.DoesNotContain(members, m => m.TryGetProperty("PhysicalContext", out var c) && c.GetString() == "Chassis");
        Assert.All(domains, d => Assert.False(d.TryGetProperty("PhysicalContext", out _)));
        Assert.Equal(system.GetProperty("PowerConsumedWatts").GetDouble(), domains.Sum(d => d.GetProperty("PowerConsumedWatts").GetDouble()));
        foreach (var figure in new[] { "MinConsumedWatts", "MaxConsumedWatts", "AverageConsumedWatts" })
        {
            Assert.Equal(system.GetProperty("PowerMetrics").GetProperty(figure).GetDouble(), domains.Sum(d => d.GetProperty("PowerMetrics").GetProperty(figure).GetDouble()));
        }

        Assert.All(domains, d => Assert.Equal(system.GetProperty("PowerMetrics").GetProperty("IntervalInMin").GetInt32(), d.GetProperty("PowerMetrics").GetProperty("IntervalInMin").GetInt32()));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(17)]
    public async Task Start_PowerDomainsOutOfRange_Refused(int domains)
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => RedfishFleet.StartAsync(redfish: new RedfishServerOptions { PowerDomains = domains }));
        Assert.Equal("PowerDomains", ex.ParamName);
    }

    [Fact]
    public async Task Sessions_LoginTokenListDelete_Lifecycle()
    {
        await using var fleet = await RedfishFleet.StartAsync();
        using var http = fleet.Http(credentials: false);
        using var login = await http.PostAsync("/redfish/v1/SessionService/Sessions", Login("reader-pass"));
        Assert.Equal(HttpStatusCode.Created, login.StatusCode);
        var token = login.Headers.GetValues("X-Auth-Token").Single();
        var location = login.Headers.Location!.ToString();
        http.DefaultRequestHeaders.Add("X-Auth-Token", token);
        var sessions = await GetAsync(http, "/redfish/v1/SessionService/Sessions");
        Assert.Equal(location, sessions.GetProperty("Members")[0].GetProperty("@odata.id").GetString());
        using var delete = await http.DeleteAsync(location);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var after = await http.GetAsync("/redfish/v1/Chassis");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);

        using var wrong = await http.PostAsync("/redfish/v1/SessionService/Sessions", Login("nope"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Sessions_LimitReached_503SessionLimitExceeded()
    {
        await using var fleet = await RedfishFleet.StartAsync(redfish: new RedfishServerOptions { MaxSessions = 2 });
        using var http = fleet.Http(credentials: false);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var r = await http.PostAsync("/redfish/v1/SessionService/Sessions", Login("reader-pass"));
            codes.Add(r.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable], codes);
    }

    [Fact]
    public async Task Get_IfNoneMatchSameETag_304()
    {
        await using var fleet = await RedfishFleet.StartAsync(time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)));
        using var http = fleet.Http();
        using var first = await http.GetAsync("/redfish/v1/Chassis/1/Sensors/Inlet_Temp");
        var etag = first.Headers.ETag!;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/redfish/v1/Chassis/1/Sensors/Inlet_Temp");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(1, fleet.Fleet.RedfishStatistics!.NotModified);
    }

    [Fact]
    public async Task Get_ExpandDot_SubordinateMembersInlineLinksUntouched()
    {
        await using var fleet = await RedfishFleet.StartAsync();
        using var http = fleet.Http();
        var chassis = await GetAsync(http, "/redfish/v1/Chassis?$expand=.($levels=2)");
        var c = chassis.GetProperty("Members")[0];
        Assert.Equal("1", c.GetProperty("Id").GetString());
        Assert.Equal("Thermal", c.GetProperty("Thermal").GetProperty("Id").GetString()); // level 2, subordinate
        Assert.Single(c.GetProperty("Links").GetProperty("ComputerSystems")[0].EnumerateObject()); // Links not expanded by "."

        var star = await GetAsync(http, "/redfish/v1/Chassis/1?$expand=*");
        Assert.Equal("1", star.GetProperty("Links").GetProperty("ComputerSystems")[0].GetProperty("Id").GetString());

        using var bad = await http.GetAsync("/redfish/v1/Chassis?$expand=.($levels=9)");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Get_PageSize_NextLinksCoverEveryMemberOnce()
    {
        await using var fleet = await RedfishFleet.StartAsync(redfish: new RedfishServerOptions { PageSize = 5 });
        using var http = fleet.Http();
        var seen = new List<string>();
        string? next = "/redfish/v1/Chassis/1/Sensors";
        for (var pages = 0; next is not null && pages < 20; pages++)
        {
            var page = await GetAsync(http, next);
            Assert.Equal(27, page.GetProperty("Members@odata.count").GetInt32());
            seen.AddRange(page.GetProperty("Members").EnumerateArray().Select(m => m.GetProperty("@odata.id").GetString()!));
            next = page.TryGetProperty("Members@odata.nextLink", out var n) ? n.GetString() : null;
        }

        Assert.Equal(27, seen.Count);
        Assert.Equal(27, seen.Distinct().Count());
    }

    [Fact]
    public async Task Mockup_EveryFile_ServedAsIsToAuthenticatedClients()
    {
        var dir = Path.Combine(FindShared(), "public-rackmount1");
        await using var fleet = await RedfishFleet.StartAsync(redfish: new RedfishServerOptions { MockupDirectory = dir });
        using var http = fleet.Http();
        // Every file except the session collection and its members, which are the live session table.
        var files = Directory.EnumerateFiles(dir, "index.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains("SessionService/Sessions", StringComparison.Ordinal)).ToList();
        Assert.True(files.Count > 200);
        foreach (var file in files)
        {
            var rel = Path.GetRelativePath(dir, Path.GetDirectoryName(file)!);
            var path = rel == "." ? "/redfish/v1" : "/redfish/v1/" + rel;
            var served = JsonNode.Parse((await GetAsync(http, path)).GetRawText());
            var original = JsonNode.Parse(await File.ReadAllTextAsync(file));
            Assert.True(JsonNode.DeepEquals(original, served), path);
        }
    }

    [Fact]
    public async Task Fleet_PerBmcPorts_EachBmcItsOwnIdentity()
    {
        await using var fleet = await RedfishFleet.StartAsync(count: 4);
        Assert.Equal(4, fleet.Fleet.RedfishEndpoints.Select(e => e.Port).Distinct().Count());
        for (var i = 0; i < 4; i++)
        {
            using var http = fleet.Http(i);
            var system = await GetAsync(http, "/redfish/v1/Systems/1");
            Assert.Equal($"SN{i:D5}", system.GetProperty("SerialNumber").GetString());
        }
    }

    [Fact]
    public async Task Faults_OnlyTheSelectedBmcAndPath()
    {
        var fault = new RedfishFaultRule { Bmcs = new HashSet<int> { 1 }, PathContains = "/Systems", UnavailableRequests = 1 };
        await using var fleet = await RedfishFleet.StartAsync(redfish: new RedfishServerOptions { Faults = [fault] }, count: 2);
        using var bmc0 = fleet.Http(0);
        using var bmc1 = fleet.Http(1);
        Assert.Equal(HttpStatusCode.OK, (await bmc0.GetAsync("/redfish/v1/Systems")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bmc1.GetAsync("/redfish/v1/Chassis")).StatusCode);
        using var busy = await bmc1.GetAsync("/redfish/v1/Systems");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), busy.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, (await bmc1.GetAsync("/redfish/v1/Systems")).StatusCode);
    }

    [Fact]
    public async Task ClearLog_Post_EmptiesTheRedfishSel()
    {
        await using var fleet = await RedfishFleet.StartAsync();
        using var http = fleet.Http();
        Assert.Equal(3, (await GetAsync(http, "/redfish/v1/Systems/1/LogServices/SEL/Entries")).GetProperty("Members@odata.count").GetInt32());
        using var clear = await http.PostAsync("/redfish/v1/Systems/1/LogServices/SEL/Actions/LogService.ClearLog", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);
        Assert.Equal(0, (await GetAsync(http, "/redfish/v1/Systems/1/LogServices/SEL/Entries")).GetProperty("Members@odata.count").GetInt32());
    }

    private static StringContent Login(string password) =>
        new($"{{\"UserName\":\"reader\",\"Password\":\"{password}\"}}", Encoding.UTF8, "application/json");

    private static string FindShared()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var beside = Path.Combine(d.FullName, "..", "shared", "redfish-mockups");
            if (File.Exists(Path.Combine(d.FullName, "BmcExporter.sln")) && Directory.Exists(beside))
            {
                return beside;
            }
        }

        return "/work/shared/redfish-mockups";
    }
}

using BmcExporter.Redfish.Errors;
using BmcExporter.Redfish.Model;

namespace BmcExporter.Redfish.Tests.Http;

/// <summary>Which links are followed: paths under /redfish/v1, absolute URIs of this service; never another host.</summary>
public sealed class LinkTests
{
    private const string Root = """{"Chassis":{"@odata.id":"/redfish/v1/Chassis"}}""";

    [Fact]
    public async Task ReadReadings_AbsoluteNextLinkOnThisService_Followed()
    {
        var handler = new ScriptedHandler(r => r.RequestUri!.PathAndQuery switch
        {
            "/redfish/v1/" => ScriptedHandler.Json(Root),
            "/redfish/v1/Chassis" => ScriptedHandler.Json("""{"Members":[],"Members@odata.nextLink":"https://bmc.test/redfish/v1/Chassis?$skiptoken=1"}"""),
            "/redfish/v1/Chassis?$skiptoken=1" => ScriptedHandler.Json("""{"Members":[{"@odata.id":"/redfish/v1/Chassis/1","Id":"1","Name":"Main","PowerState":"On"}]}"""),
            _ => null,
        });
        await using var session = RedfishSession.Create(ScriptedHandler.Options() with { AuthMode = RedfishAuthMode.Basic }, handler);
        var readings = await new RedfishReader(session).ReadReadingsAsync(CancellationToken.None);
        Assert.Equal(RedfishPowerState.On, Assert.Single(readings.Chassis).PowerState);
    }

    [Theory]
    [InlineData("https://other.test/redfish/v1/Chassis?$skiptoken=1", "another host")]
    [InlineData("/redfish/v1/../../etc/passwd", "outside /redfish/v1")]
    [InlineData("/other/api", "outside /redfish/v1")]
    public async Task ReadReadings_LinkOffTheService_NotFollowed(string link, string expected)
    {
        var handler = new ScriptedHandler(r => r.RequestUri!.PathAndQuery switch
        {
            "/redfish/v1/" => ScriptedHandler.Json(Root),
            "/redfish/v1/Chassis" => ScriptedHandler.Json($$"""{"Members":[],"Members@odata.nextLink":"{{link}}"}"""),
            _ => null,
        });
        await using var session = RedfishSession.Create(ScriptedHandler.Options() with { AuthMode = RedfishAuthMode.Basic }, handler);
        var ex = await Assert.ThrowsAsync<RedfishProtocolException>(() => new RedfishReader(session).ReadReadingsAsync(CancellationToken.None));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(handler.Requests, r => r.Contains("other", StringComparison.Ordinal) || r.Contains("etc", StringComparison.Ordinal));
    }
}

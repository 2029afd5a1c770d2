using System.Net;
using System.Text;
using BmcExporter.Redfish.Errors;

namespace BmcExporter.Redfish.Tests.Http;

/// <summary>Bad documents and bad responses of every kind give one typed exception, never a crash or a hang.</summary>
public sealed class MalformedResponseTests
{
    private const string Root = """{"@odata.id":"/redfish/v1/","RedfishVersion":"1.17.0","Chassis":{"@odata.id":"/redfish/v1/Chassis"}}""";
    private const string Chassis = """{"Members":[{"@odata.id":"/redfish/v1/Chassis/1"}]}""";

    private static RedfishSession Session(string chassisBody, string mediaType = "application/json") =>
        RedfishSession.Create(ScriptedHandler.Options() with { AuthMode = RedfishAuthMode.Basic }, new ScriptedHandler(r => r.RequestUri!.AbsolutePath switch
        {
            "/redfish/v1/" => ScriptedHandler.Json(Root),
            "/redfish/v1/Chassis" => ScriptedHandler.Json(Chassis),
            "/redfish/v1/Chassis/1" => ScriptedHandler.Json(chassisBody, mediaType: mediaType),
            _ => null,
        }));

    [Theory]
    [InlineData("", "empty body")]
    [InlineData("{", "truncated")]
    [InlineData("{\"Id\":\"1\",\"Name\":", "truncated")]
    [InlineData("[1,2,3]", "expected an object")]
    [InlineData("\"text\"", "expected an object")]
    [InlineData("null", "expected an object")]
    [InlineData("{\"Id\":1,\"Name\":\"x\"} trailing", "malformed")]
    [InlineData("{\"Status\":\"OK\"}", "$.Status is a JSON String, expected an object")]
    [InlineData("{\"Status\":{\"Health\":3}}", "$.Status.Health is a JSON Number, expected a string")]
    [InlineData("{\"PowerState\":[\"On\"]}", "$.PowerState is a JSON Array, expected a string")]
    [InlineData("{\"Sensors\":\"/redfish/v1/Chassis/1/Sensors\"}", "$.Sensors is a JSON String, expected an object")]
    [InlineData("{\"Sensors\":{\"@odata.id\":7}}", "$.Sensors.@odata.id is a JSON Number")]
    [InlineData("{\"Thermal\":{\"@odata.id\":\"https://evil.example/redfish/v1/x\"}}", "another host")]
    public async Task ReadReadings_MalformedChassis_OneProtocolException(string body, string expected)
    {
        await using var session = Session(body);
        var ex = await Assert.ThrowsAsync<RedfishProtocolException>(() => new RedfishReader(session).ReadReadingsAsync(CancellationToken.None));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal("bmc.test", ex.Target);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task ReadReadings_WrongContentType_ProtocolExceptionNamesIt(string mediaType)
    {
        await using var session = Session("""{"Id":"1"}""", mediaType);
        var ex = await Assert.ThrowsAsync<RedfishProtocolException>(() => new RedfishReader(session).ReadReadingsAsync(CancellationToken.None));
        Assert.Contains(mediaType, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadReadings_SensorWithWrongTypes_ProtocolExceptionWithJsonPath()
    {
        const string chassis = """{"Id":"1","Sensors":{"@odata.id":"/redfish/v1/Chassis/1/Sensors"}}""";
        const string sensors = """{"Members":[{"@odata.id":"/redfish/v1/Chassis/1/Sensors/T","Id":"T","Reading":"hot","ReadingUnits":"Cel"}]}""";
        await using var session = RedfishSession.Create(ScriptedHandler.Options() with { AuthMode = RedfishAuthMode.Basic, UseExpand = false }, new ScriptedHandler(r => r.RequestUri!.AbsolutePath switch
        {
            "/redfish/v1/" => ScriptedHandler.Json(Root),
            "/redfish/v1/Chassis" => ScriptedHandler.Json(Chassis),
            "/redfish/v1/Chassis/1" => ScriptedHandler.Json(chassis),
            "/redfish/v1/Chassis/1/Sensors" => ScriptedHandler.Json(sensors),
            _ => null,
        }));
        var ex = await Assert.ThrowsAsync<RedfishProtocolException>(() => new RedfishReader(session).ReadReadingsAsync(CancellationToken.None));
        Assert.Contains("$.Members[0].Reading is a JSON String, expected a number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadReadings_OversizedBody_ProtocolException()
    {
        var big = "{\"Id\":\"" + new string('x', 4096) + "\"}";
        await using var session = RedfishSession.Create(ScriptedHandler.Options() with { AuthMode = RedfishAuthMode.Basic, MaxResponseBytes = 1024 }, new ScriptedHandler(r => r.RequestUri!.AbsolutePath switch
        {
            "/redfish/v1/" => ScriptedHandler.Json(Root),
            "/redfish/v1/Chassis" => ScriptedHandler.Json(Chassis),
            _ => ScriptedHandler.Json(big),
        }));
        var ex = await Assert.ThrowsAsync<RedfishProtocolException>(() => new RedfishReader(session).ReadReadingsAsync(CancellationToken.None));
        Assert.Contains("1024-byte limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadReadings_CollectionThatPagesForever_Bounded()
    {
        var page = 0;
        await using var session = RedfishSession.Create(ScriptedHandler.Options() with { AuthMode = RedfishAuthMode.Basic, MaxCollectionPages = 5 }, new ScriptedHandler(r => r.RequestUri!.AbsolutePath switch
        {
            "/redfish/v1/" => ScriptedHandler.Json(Root),
            "/redfish/v1/Chassis" => ScriptedHandler.Json($$"""{"Members":[],"Members@odata.nextLink":"/redfish/v1/Chassis?$skiptoken={{++page}}"}"""),
            _ => null,
        }));
        var readings = await new RedfishReader(session).ReadReadingsAsync(CancellationToken.None);
        Assert.Empty(readings.Sensors);
        Assert.Equal(5, page);
    }

    [Fact]
    public async Task Get_ErrorBodyWithExtendedInfo_TypedHttpExceptionCarriesMessages()
    {
        const string error = """{"error":{"code":"Base.1.8.GeneralError","message":"A general error has occurred.","@Message.ExtendedInfo":[{"MessageId":"Base.1.8.InternalError","Message":"The request failed due to an internal service error.","MessageSeverity":"Critical","Resolution":"Resubmit the request."}]}}""";
        await using var session = RedfishSession.Create(ScriptedHandler.Options() with { AuthMode = RedfishAuthMode.Basic }, new ScriptedHandler(r => ScriptedHandler.Json(error, HttpStatusCode.InternalServerError)));
        var ex = await Assert.ThrowsAsync<RedfishHttpException>(() => session.GetJsonAsync("/redfish/v1/Chassis", CancellationToken.None));
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal("Base.1.8.GeneralError", ex.Error!.Code);
        var message = Assert.Single(ex.Error.ExtendedInfo);
        Assert.Equal("Base.1.8.InternalError", message.MessageId);
        Assert.Equal("Critical", message.Severity);
        Assert.Equal("Resubmit the request.", message.Resolution);
        Assert.Contains("Base.1.8.InternalError", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all", "text/html")]
    [InlineData("{\"error\":\"flat\"}", "application/json")]
    [InlineData("{\"error\":{\"@Message.ExtendedInfo\":{}}}", "application/json")]
    public async Task Get_MalformedErrorBody_StatusStillReported(string body, string mediaType)
    {
        await using var session = RedfishSession.Create(ScriptedHandler.Options() with { AuthMode = RedfishAuthMode.Basic },
            new ScriptedHandler(r => ScriptedHandler.Json(body, HttpStatusCode.BadGateway, mediaType)));
        var ex = await Assert.ThrowsAsync<RedfishHttpException>(() => session.GetJsonAsync("/redfish/v1/Chassis", CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Null(ex.Error);
    }

    [Fact]
    public async Task Fuzz_EveryTruncationAndRandomBytes_OnlyTypedExceptions()
    {
        var valid = Encoding.UTF8.GetBytes("""{"Id":"1","Name":"C","PowerState":"On","Status":{"State":"Enabled","Health":"OK"},"Sensors":{"@odata.id":"/redfish/v1/Chassis/1/Sensors"}}""");
        var random = new Random(1234);
        var bodies = Enumerable.Range(0, valid.Length).Select(n => valid[..n]).ToList();
        for (var i = 0; i < 200; i++)
        {
            var b = (byte[])valid.Clone();
            for (var k = 0; k < 3; k++)
            {
                b[random.Next(b.Length)] = (byte)random.Next(256);
            }

            bodies.Add(b);
        }

        foreach (var body in bodies)
        {
            await using var session = RedfishSession.Create(ScriptedHandler.Options() with { AuthMode = RedfishAuthMode.Basic }, new ScriptedHandler(r => r.RequestUri!.AbsolutePath switch
            {
                "/redfish/v1/" => ScriptedHandler.Json(Root),
                "/redfish/v1/Chassis" => ScriptedHandler.Json(Chassis),
                "/redfish/v1/Chassis/1" => ScriptedHandler.Bytes(body),
                "/redfish/v1/Chassis/1/Sensors" => ScriptedHandler.Json("""{"Members":[]}"""),
                _ => null,
            }));
            try
            {
                await new RedfishReader(session).ReadReadingsAsync(CancellationToken.None);
            }
            catch (RedfishException)
            {
                // typed: a damaged document (protocol error) or a damaged link that leads nowhere (HTTP 404)
            }
        }
    }
}

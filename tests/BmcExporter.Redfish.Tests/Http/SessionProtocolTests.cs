using System.Net;
using BmcExporter.Redfish.Errors;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Redfish.Tests.Http;

/// <summary>Login, re-login on 401, Basic fallback and Retry-After against a scripted service.</summary>
public sealed class SessionProtocolTests
{
    private const string RootWithSessions = """{"Chassis":{"@odata.id":"/redfish/v1/Chassis"},"Links":{"Sessions":{"@odata.id":"/redfish/v1/SessionService/Sessions"}}}""";

    private static HttpResponseMessage Login(string token)
    {
        var r = ScriptedHandler.Json("{}", HttpStatusCode.Created);
        r.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        r.Headers.Location = new Uri("/redfish/v1/SessionService/Sessions/" + token, UriKind.Relative);
        return r;
    }

    [Fact]
    public async Task Get_401WithToken_ReloginOnceThenSucceeds()
    {
        var logins = 0;
        var handler = new ScriptedHandler(r =>
        {
            var path = r.RequestUri!.AbsolutePath;
            if (path == "/redfish/v1/")
            {
                return ScriptedHandler.Json(RootWithSessions);
            }

            if (r.Method == HttpMethod.Post)
            {
                return Login($"t{++logins}");
            }

            var token = r.Headers.TryGetValues("X-Auth-Token", out var v) ? v.Single() : "";
            return token == "t2" ? ScriptedHandler.Json("""{"Members":[]}""") : ScriptedHandler.Json("{}", HttpStatusCode.Unauthorized);
        });
        await using var session = RedfishSession.Create(ScriptedHandler.Options(), handler);
        await session.GetJsonAsync("/redfish/v1/Chassis", CancellationToken.None);
        Assert.Equal(2, session.Statistics.Logins);
        Assert.Equal(RedfishAuthMode.Session, session.ActiveAuth);
    }

    [Fact]
    public async Task Get_401AgainAfterRelogin_AuthenticationException()
    {
        var handler = new ScriptedHandler(r => r.RequestUri!.AbsolutePath switch
        {
            "/redfish/v1/" => ScriptedHandler.Json(RootWithSessions),
            "/redfish/v1/SessionService/Sessions" => Login("x"),
            _ => ScriptedHandler.Json("{}", HttpStatusCode.Unauthorized),
        });
        await using var session = RedfishSession.Create(ScriptedHandler.Options(), handler);
        await Assert.ThrowsAsync<RedfishAuthenticationException>(() => session.GetJsonAsync("/redfish/v1/Chassis", CancellationToken.None));
        Assert.Equal(2, session.Statistics.Logins); // first login, one re-login, no loop
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.MethodNotAllowed)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task Login_SessionCreationNotImplemented_FallsBackToBasic(HttpStatusCode status)
    {
        var handler = new ScriptedHandler(r =>
            r.RequestUri!.AbsolutePath == "/redfish/v1/" ? ScriptedHandler.Json(RootWithSessions)
            : r.Method == HttpMethod.Post ? ScriptedHandler.Json("{}", status)
            : r.Headers.Authorization?.Scheme == "Basic" ? ScriptedHandler.Json("""{"Members":[]}""") : ScriptedHandler.Json("{}", HttpStatusCode.Unauthorized));
        await using var session = RedfishSession.Create(ScriptedHandler.Options(), handler);
        await session.GetJsonAsync("/redfish/v1/Chassis", CancellationToken.None);
        Assert.Equal(RedfishAuthMode.Basic, session.ActiveAuth);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), session.BasicFallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_503RetryAfter_WaitsOnTheClockThenRetries()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var calls = 0;
        var handler = new ScriptedHandler(r =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                var busy = ScriptedHandler.Json("{}", HttpStatusCode.ServiceUnavailable);
                busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
                return busy;
            }

            return ScriptedHandler.Json("""{"Members":[]}""");
        });
        await using var session = RedfishSession.Create(ScriptedHandler.Options(time) with { AuthMode = RedfishAuthMode.Basic }, handler);
        var get = session.GetJsonAsync("/redfish/v1/Chassis", CancellationToken.None);
        for (var i = 0; i < 1000 && Volatile.Read(ref calls) < 1; i++)
        {
            await Task.Delay(5);
        }

        Assert.False(get.IsCompleted);
        for (var i = 0; i < 1000 && !get.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        await get;
        Assert.Equal(2, calls);
        Assert.Equal(1, session.Statistics.Retries);
    }

    [Fact]
    public async Task Get_Always503_StopsAfterMaxRetries()
    {
        var calls = 0;
        var handler = new ScriptedHandler(r =>
        {
            Interlocked.Increment(ref calls);
            var busy = ScriptedHandler.Json("{}", HttpStatusCode.ServiceUnavailable);
            busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            return busy;
        });
        await using var session = RedfishSession.Create(ScriptedHandler.Options() with { AuthMode = RedfishAuthMode.Basic, MaxRetries = 3 }, handler);
        var ex = await Assert.ThrowsAsync<RedfishHttpException>(() => session.GetJsonAsync("/redfish/v1/Chassis", CancellationToken.None));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(4, calls);
        Assert.Equal(3, session.Statistics.Retries);
    }

    [Fact]
    public async Task Dispose_SessionOpen_DeletesTheSession()
    {
        var handler = new ScriptedHandler(r => r.RequestUri!.AbsolutePath switch
        {
            "/redfish/v1/" => ScriptedHandler.Json(RootWithSessions),
            "/redfish/v1/SessionService/Sessions" => Login("abc"),
            "/redfish/v1/SessionService/Sessions/abc" when r.Method == HttpMethod.Delete => new HttpResponseMessage(HttpStatusCode.NoContent),
            _ => ScriptedHandler.Json("""{"Members":[]}"""),
        });
        var session = RedfishSession.Create(ScriptedHandler.Options(), handler);
        await session.GetJsonAsync("/redfish/v1/Chassis", CancellationToken.None);
        await session.DisposeAsync();
        Assert.Contains("DELETE /redfish/v1/SessionService/Sessions/abc", handler.Requests);
    }
}

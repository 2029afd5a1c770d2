using System.Net;
using BmcExporter.Redfish.Errors;
using BmcExporter.Simulator.Redfish;

namespace BmcExporter.Redfish.Tests.Integration;

/// <summary>The simulator's HTTP faults become waits within the deadline or one typed exception each.</summary>
public sealed class FaultIntegrationTests
{
    [Fact]
    public async Task Get_503WithRetryAfter_WaitedOutWithinTheDeadline()
    {
        var fault = new RedfishFaultRule { PathContains = "/Sensors", UnavailableRequests = 1, RetryAfter = TimeSpan.FromSeconds(1) };
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { Faults = [fault] });
        await using var session = RedfishSession.Create(fleet.Options());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var readings = await new RedfishReader(session).ReadReadingsAsync(deadline.Token);

        Assert.Equal(27, readings.Sensors.Length);
        Assert.Equal(1, session.Statistics.Retries);
        Assert.Equal(1, fleet.Server.Unavailable);
    }

    [Fact]
    public async Task Get_503RetryAfterBeyondLimit_TypedErrorWithExtendedInfo()
    {
        var fault = new RedfishFaultRule { PathContains = "/Sensors", UnavailableRequests = 100, RetryAfter = TimeSpan.FromSeconds(120) };
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { Faults = [fault] });
        await using var session = RedfishSession.Create(fleet.Options());
        var ex = await Assert.ThrowsAsync<RedfishHttpException>(() => new RedfishReader(session).ReadReadingsAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal("Base.1.8.ServiceTemporarilyUnavailable", Assert.Single(ex.Error!.ExtendedInfo).MessageId);
        Assert.Contains("Retry-After 120 s", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, session.Statistics.Retries);
    }

    [Fact]
    public async Task Get_TruncatedJson_TypedProtocolError()
    {
        var fault = new RedfishFaultRule { PathContains = "/Sensors", Truncate = 1 };
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { Faults = [fault] });
        await using var session = RedfishSession.Create(fleet.Options());
        var ex = await Assert.ThrowsAsync<RedfishProtocolException>(() => new RedfishReader(session).ReadReadingsAsync(CancellationToken.None));
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("/redfish/v1/Chassis/1/Sensors", ex.Resource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WrongContentType_TypedProtocolError()
    {
        var fault = new RedfishFaultRule { PathContains = "/Systems", WrongContentType = 1 };
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { Faults = [fault] });
        await using var session = RedfishSession.Create(fleet.Options());
        var ex = await Assert.ThrowsAsync<RedfishProtocolException>(() => new RedfishReader(session).ReadReadingsAsync(CancellationToken.None));
        Assert.Contains("text/html", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_LatencyBeyondTheCallersDeadline_CancelledWithTheReason()
    {
        var fault = new RedfishFaultRule { PathContains = "/Sensors", Latency = TimeSpan.FromSeconds(20) };
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { Faults = [fault] });
        await using var session = RedfishSession.Create(fleet.Options());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new RedfishReader(session).ReadReadingsAsync(deadline.Token));

        Assert.Equal(deadline.Token, ex.CancellationToken);
        Assert.Contains("deadline", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/Sensors", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_LatencyBeyondRequestTimeout_TimeoutNamesTheSetting()
    {
        var fault = new RedfishFaultRule { PathContains = "/Sensors", Latency = TimeSpan.FromSeconds(20) };
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { Faults = [fault] });
        await using var session = RedfishSession.Create(fleet.Options() with { RequestTimeout = TimeSpan.FromSeconds(1) });
        var ex = await Assert.ThrowsAsync<RedfishTimeoutException>(() => new RedfishReader(session).ReadReadingsAsync(CancellationToken.None));
        Assert.Contains("request_timeout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MissingResource_404WithRedfishError()
    {
        await using var fleet = await TestFleet.StartAsync();
        await using var session = RedfishSession.Create(fleet.Options());
        var ex = await Assert.ThrowsAsync<RedfishHttpException>(() => session.GetJsonAsync("/redfish/v1/Chassis/nope", CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("Base.1.8.ResourceMissingAtURI", ex.Error!.Code);
    }

    [Fact]
    public async Task Get_RequestsInFlight_BoundedByTheOption()
    {
        var fault = new RedfishFaultRule { Latency = TimeSpan.FromMilliseconds(100) };
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { Faults = [fault], Expand = false });
        await using var session = RedfishSession.Create(fleet.Options() with { MaxRequestsInFlight = 2 });
        var reader = new RedfishReader(session);
        var readings = await reader.ReadReadingsAsync(CancellationToken.None);
        Assert.Equal(27, readings.Sensors.Length);
        Assert.InRange(fleet.Server.MaxInFlight, 1, 2);
    }
}

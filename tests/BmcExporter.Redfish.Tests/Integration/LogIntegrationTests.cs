using System.Net.Http.Headers;
using System.Text;
using BmcExporter.Redfish.Logs;
using BmcExporter.Simulator.Redfish;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Redfish.Tests.Integration;

/// <summary>Incremental SEL reads through LogService entries: new entries only, clears detected, cursors persisted.</summary>
public sealed class LogIntegrationTests
{
    private static FakeTimeProvider NewTime() => new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ReadLogServices_Simulator_SelAndEventLog()
    {
        await using var fleet = await TestFleet.StartAsync();
        await using var session = RedfishSession.Create(fleet.Options());
        var services = await new RedfishReader(session).ReadLogServicesAsync(CancellationToken.None);

        var sel = Assert.Single(services, s => s.Id == "SEL");
        Assert.Equal(RedfishLogOwner.System, sel.Owner);
        Assert.Equal(512, sel.MaxNumberOfRecords);
        Assert.Single(services, s => s.Owner == RedfishLogOwner.Manager);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task ReadLog_GrowthOverTime_OnlyNewEntriesAndCursorSurvivesJson(int pageSize)
    {
        var time = NewTime();
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { PageSize = pageSize }, time: time);
        await using var session = RedfishSession.Create(fleet.Options());
        var reader = new RedfishReader(session);
        var sel = (await reader.ReadLogServicesAsync(CancellationToken.None)).Single(s => s.Id == "SEL");

        var first = await reader.ReadLogAsync(sel, null, CancellationToken.None);
        Assert.Equal(3, first.NewEntries.Length); // typical-1u starts with 3 entries
        Assert.Equal(["1", "2", "3"], first.NewEntries.Select(e => e.Id));
        Assert.All(first.NewEntries, e => Assert.Equal(RedfishLogEntryType.Sel, e.EntryType));

        var same = await reader.ReadLogAsync(sel, RedfishLogCursor.FromJson(first.Cursor.ToJson()), CancellationToken.None);
        Assert.True(same.Unchanged);
        Assert.Empty(same.NewEntries);

        time.Advance(TimeSpan.FromSeconds(601)); // two growth events (every 300 s)
        var grown = await reader.ReadLogAsync(sel, same.Cursor, CancellationToken.None);
        Assert.Equal(["4", "5"], grown.NewEntries.Select(e => e.Id));
        Assert.False(grown.ClearDetected);
        Assert.Equal("Physical Security", grown.NewEntries[0].SensorType);
    }

    [Fact]
    public async Task ReadLog_ClearedThroughClearLog_ClearDetectedAndNewEntriesDelivered()
    {
        var time = NewTime();
        await using var fleet = await TestFleet.StartAsync(time: time);
        await using var session = RedfishSession.Create(fleet.Options());
        var reader = new RedfishReader(session);
        var sel = (await reader.ReadLogServicesAsync(CancellationToken.None)).Single(s => s.Id == "SEL");
        var first = await reader.ReadLogAsync(sel, null, CancellationToken.None);

        await ClearAsync(fleet, sel.Uri);
        var empty = await reader.ReadLogAsync(sel, first.Cursor, CancellationToken.None);
        Assert.True(empty.ClearDetected);
        Assert.Empty(empty.NewEntries);

        time.Advance(TimeSpan.FromSeconds(301));
        var after = await reader.ReadLogAsync(sel, empty.Cursor, CancellationToken.None);
        Assert.False(after.ClearDetected);
        Assert.Equal(["1"], after.NewEntries.Select(e => e.Id));
    }

    [Fact]
    public async Task ReadLog_ClearedAndRegrownPastTheCursor_IdReuseDetectedAsClear()
    {
        var time = NewTime();
        await using var fleet = await TestFleet.StartAsync(time: time);
        await using var session = RedfishSession.Create(fleet.Options());
        var reader = new RedfishReader(session);
        var sel = (await reader.ReadLogServicesAsync(CancellationToken.None)).Single(s => s.Id == "SEL");
        var first = await reader.ReadLogAsync(sel, null, CancellationToken.None); // ids 1-3

        await ClearAsync(fleet, sel.Uri);
        time.Advance(TimeSpan.FromSeconds(1201)); // 4 new entries: ids 1-4, id 3 now names another entry
        var read = await reader.ReadLogAsync(sel, first.Cursor, CancellationToken.None);
        Assert.True(read.ClearDetected);
        Assert.Equal(4, read.NewEntries.Length);
    }

    private static async Task ClearAsync(TestFleet fleet, string logService)
    {
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true; // test-side helper only
        using var http = new HttpClient(handler) { BaseAddress = fleet.BaseUri() };
        using var request = new HttpRequestMessage(HttpMethod.Post, logService + "/Actions/LogService.ClearLog") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestFleet.User}:{TestFleet.Password}")));
        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }
}

using System.Text.Json;
using BmcExporter.Redfish.Logs;
using BmcExporter.Redfish.Model;

namespace BmcExporter.Redfish.Tests.Logs;

/// <summary>New entries, clears and rollovers on hand-made entry lists.</summary>
public sealed class LogCursorTrackerTests
{
    private static readonly RedfishLogService Service = new("/redfish/v1/Systems/1/LogServices/SEL", "SEL", "SEL", RedfishLogOwner.System, "/e", "WrapsWhenFull", 4);
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static RedfishLogEntry E(string id, int minutes) =>
        new($"/e/{id}", id, T0.AddMinutes(minutes), RedfishLogEntryType.Sel, RedfishHealth.OK, "m", null, null, null, null);

    private static RedfishLogRead Read(RedfishLogCursor cursor, params RedfishLogEntry[] entries) => LogCursorTracker.Advance(Service, entries, cursor);

    [Fact]
    public void Advance_FirstRead_EverythingInIdOrder()
    {
        var r = Read(RedfishLogCursor.Start(Service.Uri), E("10", 3), E("2", 1), E("9", 2));
        Assert.Equal(["2", "9", "10"], r.NewEntries.Select(e => e.Id));
        Assert.Equal("10", r.Cursor.LastId);
        Assert.Equal(3, r.Cursor.EntryCount);
    }

    [Fact]
    public void Advance_Growth_OnlyNewerEntries()
    {
        var first = Read(RedfishLogCursor.Start(Service.Uri), E("1", 1), E("2", 2));
        var next = Read(first.Cursor, E("1", 1), E("2", 2), E("3", 3));
        Assert.Equal(["3"], next.NewEntries.Select(e => e.Id));
        Assert.False(next.ClearDetected || next.RolloverDetected || next.Unchanged);
        Assert.True(Read(next.Cursor, E("1", 1), E("2", 2), E("3", 3)).Unchanged);
    }

    [Fact]
    public void Advance_ClearedToEmpty_ClearDetected()
    {
        var first = Read(RedfishLogCursor.Start(Service.Uri), E("1", 1), E("2", 2));
        var r = Read(first.Cursor);
        Assert.True(r.ClearDetected);
        Assert.Empty(r.NewEntries);
        Assert.Null(r.Cursor.LastId);
    }

    [Fact]
    public void Advance_IdsRestartedAfterClear_SameIdOtherTime_ClearDetected()
    {
        var first = Read(RedfishLogCursor.Start(Service.Uri), E("1", 1), E("2", 2));
        var r = Read(first.Cursor, E("1", 10), E("2", 11), E("3", 12));
        Assert.True(r.ClearDetected);
        Assert.Equal(3, r.NewEntries.Length);
    }

    [Fact]
    public void Advance_IdsRestartedFewerEntries_ClearDetected()
    {
        var first = Read(RedfishLogCursor.Start(Service.Uri), E("1", 1), E("2", 2), E("3", 3));
        var r = Read(first.Cursor, E("1", 10));
        Assert.True(r.ClearDetected);
        Assert.Equal(["1"], r.NewEntries.Select(e => e.Id));
    }

    [Fact]
    public void Advance_WrappedPastTheCursor_RolloverDetectedAndSurvivorsDelivered()
    {
        var first = Read(RedfishLogCursor.Start(Service.Uri), E("1", 1), E("2", 2), E("3", 3), E("4", 4));
        var r = Read(first.Cursor, E("6", 6), E("7", 7), E("8", 8), E("9", 9)); // 5 was lost
        Assert.True(r.RolloverDetected);
        Assert.False(r.ClearDetected);
        Assert.Equal(["6", "7", "8", "9"], r.NewEntries.Select(e => e.Id));
    }

    [Fact]
    public void Advance_NonNumericIdsClearedAndFewer_ClearDetectedByCount()
    {
        var first = Read(RedfishLogCursor.Start(Service.Uri), E("a", 1), E("b", 2), E("c", 3));
        var r = Read(first.Cursor, E("x", 10));
        Assert.True(r.ClearDetected);
        Assert.Equal(["x"], r.NewEntries.Select(e => e.Id));
    }

    [Fact]
    public void Advance_NonNumericIdsGrowth_OrderedByCreated()
    {
        var first = Read(RedfishLogCursor.Start(Service.Uri), E("b", 1), E("a", 2));
        Assert.Equal(["b", "a"], first.NewEntries.Select(e => e.Id));
        var r = Read(first.Cursor, E("b", 1), E("a", 2), E("c", 3));
        Assert.Equal(["c"], r.NewEntries.Select(e => e.Id));
    }

    [Fact]
    public void Cursor_JsonRoundTrip_Equal()
    {
        var cursor = new RedfishLogCursor(Service.Uri, "42", T0.AddSeconds(5), 42);
        Assert.Equal(cursor, RedfishLogCursor.FromJson(cursor.ToJson()));
        Assert.Throws<JsonException>(() => RedfishLogCursor.FromJson("{not json"));
        Assert.Throws<JsonException>(() => RedfishLogCursor.FromJson("null"));
    }
}

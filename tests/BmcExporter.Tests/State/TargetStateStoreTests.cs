using BmcExporter.State;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.State;

public sealed class TargetStateStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bmc-state-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void SetSelCursor_Unchanged_IsNotWrittenAgain()
    {
        var store = new TargetStateStore(_directory, NullLogger.Instance);
        var cursor = new SelCursor(12, 1000, 900, 4);
        store.SetSelCursor("127.0.0.1:623#default", cursor);
        var path = store.PathFor("127.0.0.1:623#default", "sel")!;
        Assert.True(File.Exists(path));

        File.Delete(path);
        store.SetSelCursor("127.0.0.1:623#default", cursor with { });

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void SetSelCursor_Changed_IsPersistedAndReadBackByANewStore()
    {
        var store = new TargetStateStore(_directory, NullLogger.Instance);
        store.SetSelCursor("127.0.0.1:623#default", new SelCursor(12, 1000, 900, 4));
        store.SetSelCursor("127.0.0.1:623#default", new SelCursor(13, 1010, 900, 5));

        var reopened = new TargetStateStore(_directory, NullLogger.Instance);

        Assert.Equal(new SelCursor(13, 1010, 900, 5), reopened.GetSelCursor("127.0.0.1:623#default"));
    }
}

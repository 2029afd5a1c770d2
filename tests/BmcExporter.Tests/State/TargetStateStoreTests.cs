using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.State;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.State;

public sealed class TargetStateStoreTests : IDisposable
{
    private const string Key = "127.0.0.1:623#default";

    private readonly string _directory = Directory.CreateTempSubdirectory("bmc-state-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void SetSelPosition_Unchanged_IsNotWrittenAgain()
    {
        var store = new TargetStateStore(_directory, NullLogger.Instance);
        var position = new SelPosition(new SelCursor(12, 1000, 900, 4));
        store.SetSelPosition(Key, position);
        var path = store.PathFor(Key, "sel")!;
        Assert.True(File.Exists(path));

        File.Delete(path);
        store.SetSelPosition(Key, position with { });

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void SetSelPosition_Changed_IsPersistedAndReadBackByANewStore()
    {
        var store = new TargetStateStore(_directory, NullLogger.Instance);
        store.SetSelPosition(Key, new SelPosition(new SelCursor(12, 1000, 900, 4)));
        store.SetSelPosition(Key, new SelPosition(new SelCursor(13, 1010, 900, 5), "0badcafe"));

        var reopened = new TargetStateStore(_directory, NullLogger.Instance);

        Assert.Equal(new SelPosition(new SelCursor(13, 1010, 900, 5), "0badcafe"), reopened.GetSelPosition(Key));
    }

    [Fact]
    public void GetSelPosition_FileWrittenByAnEarlierVersion_ResumesFromIt()
    {
        // The flat shape every state file has had since the cursor was first persisted (before the epoch existed).
        var store = new TargetStateStore(_directory, NullLogger.Instance);
        File.WriteAllText(store.PathFor(Key, "sel")!, """{"LastRecordId":40,"AdditionTimestamp":1700000000,"EraseTimestamp":4294967295,"EntryCount":40}""");

        Assert.Equal(new SelPosition(new SelCursor(40, 1700000000, 0xFFFFFFFF, 40)), store.GetSelPosition(Key));
    }

    [Fact]
    public void SetSelPosition_File_KeepsTheFlatShape()
    {
        var store = new TargetStateStore(_directory, NullLogger.Instance);
        store.SetSelPosition(Key, new SelPosition(new SelCursor(7, 11, 12, 8), "0badcafe"));

        Assert.Equal(
            """{"LastRecordId":7,"AdditionTimestamp":11,"EraseTimestamp":12,"EntryCount":8,"Epoch":"0badcafe"}""",
            File.ReadAllText(store.PathFor(Key, "sel")!));
    }

    [Theory]
    [InlineData("""{"LastRecordId":70000,"AdditionTimestamp":1,"EraseTimestamp":2,"EntryCount":3}""")]
    [InlineData("""{"LastRecordId":-1,"AdditionTimestamp":1,"EraseTimestamp":2,"EntryCount":3}""")]
    [InlineData("""{"AdditionTimestamp":1,"EraseTimestamp":2,"EntryCount":3}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"LastRecordId":"x","AdditionTimestamp":1,"EraseTimestamp":2,"EntryCount":3}""")]
    public void GetSelPosition_CorruptOrOutOfRangeFile_IsIgnored(string json)
    {
        var store = new TargetStateStore(_directory, NullLogger.Instance);
        File.WriteAllText(store.PathFor(Key, "sel")!, json);

        Assert.Null(store.GetSelPosition(Key));
    }
}

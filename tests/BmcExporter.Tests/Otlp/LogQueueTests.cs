using System.Text;
using BmcExporter.Otlp.Delivery;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.Otlp;

public sealed class LogQueueTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bmc-otlp-queue-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Append_NewInstanceOverSameDirectory_ReadsTheUnacknowledgedRecords()
    {
        using (var queue = Open())
        {
            queue.Append([Bytes("a"), Bytes("b"), Bytes("c")]);
            queue.Acknowledge(queue.Peek(1, long.MaxValue)[0].Sequence);
        }

        using var reopened = Open();

        Assert.Equal(["b", "c"], reopened.Peek(10, long.MaxValue).Select(r => Encoding.UTF8.GetString(r.Payload)));
    }

    [Fact]
    public void Open_TornTail_CutsItAndKeepsWholeRecords()
    {
        using (var queue = Open())
        {
            queue.Append([Bytes("first"), Bytes("second")]);
        }

        var file = Directory.GetFiles(_dir, "logs-*.q").Single();
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^3]);

        using var reopened = Open();

        Assert.Equal(["first"], reopened.Peek(10, long.MaxValue).Select(r => Encoding.UTF8.GetString(r.Payload)));
        reopened.Append([Bytes("third")]);
        Assert.Equal(["first", "third"], reopened.Peek(10, long.MaxValue).Select(r => Encoding.UTF8.GetString(r.Payload)));
    }

    [Fact]
    public void Append_BeyondMaxRecords_DropsTheOldestAndCountsThem()
    {
        using var queue = Open(maxRecords: 3);

        var dropped = queue.Append([Bytes("1"), Bytes("2"), Bytes("3"), Bytes("4"), Bytes("5")]);

        Assert.Equal(2, dropped);
        Assert.Equal(2, queue.Dropped);
        Assert.Equal(["3", "4", "5"], queue.Peek(10, long.MaxValue).Select(r => Encoding.UTF8.GetString(r.Payload)));
    }

    [Fact]
    public void Acknowledge_EverythingSent_StartsANewFileAndStaysConsistentAcrossRestart()
    {
        using (var queue = Open())
        {
            queue.Append([Bytes("x"), Bytes("y")]);
            queue.Acknowledge(queue.Peek(10, long.MaxValue)[^1].Sequence);
            Assert.Equal(0, queue.Count);
            queue.Append([Bytes("z")]);
        }

        Assert.Single(Directory.GetFiles(_dir, "logs-*.q"));
        using var reopened = Open();
        Assert.Equal(["z"], reopened.Peek(10, long.MaxValue).Select(r => Encoding.UTF8.GetString(r.Payload)));
    }

    [Fact]
    public void Peek_ByteBudget_ReturnsAtLeastOneRecord()
    {
        using var queue = Open();
        queue.Append([Bytes("aaaa"), Bytes("bbbb")]);

        Assert.Single(queue.Peek(10, 1));
        Assert.Equal(2, queue.Peek(10, 8).Count);
    }

    [Fact]
    public void Append_AfterDispose_ThrowsSoTheCursorIsNotCommitted()
    {
        var queue = Open();
        queue.Dispose();

        Assert.Throws<IOException>(() => queue.Append([Bytes("late")]));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private LogQueue Open(int maxRecords = 1000) => new(_dir, 1024 * 1024, maxRecords, NullLogger.Instance);

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);
}

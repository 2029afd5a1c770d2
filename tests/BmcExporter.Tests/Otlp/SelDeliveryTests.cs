using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Sel;
using BmcExporter.Otlp;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using BmcExporter.State;
using BmcExporter.Tests.EndToEnd;

namespace BmcExporter.Tests.Otlp;

/// <summary>
/// At-least-once SEL delivery through the real engine and the in-process simulated BMC: the SEL cursor moves only
/// after the OTLP output queued the entries, and a crash at any stage repeats entries (same uid) and loses none.
/// </summary>
public sealed class SelDeliveryTests
{
    /// <summary>Where the process "dies" in the SEL path.</summary>
    public enum Stage
    {
        /// <summary>After the SEL was read, before the output queued anything (the output refuses).</summary>
        BeforeQueue,

        /// <summary>After the entries were queued durably, before the cursor was committed.</summary>
        AfterQueueBeforeCommit,

        /// <summary>After the cursor was committed, before the collector got the records (it is down).</summary>
        AfterCommitBeforeSend,

        /// <summary>After the collector took the records, before the exporter learnt it (connection cut).</summary>
        AfterSendBeforeAck,
    }

    [Fact]
    public async Task Scrape_OutputCannotQueue_CursorStaysAndRepeatsAreNotCountedTwice()
    {
        await using var sim = await SimulatorFixture.StartAsync(1);
        var config = sim.Config(ScrapeMode.OnDemand, CollectorKind.Sel);
        var target = ScrapeTarget.From(config.Targets[0], config)!;
        await using var sessions = new IpmiSessionFactory(TimeProvider.System);
        await using var runtime = SimulatorFixture.Runtime(config, sessions);
        runtime.Store.SnapshotStored += s => s.SelCommit?.Reject("output down");

        var first = await runtime.Coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(10), CancellationToken.None);
        var second = await runtime.Coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(3, first.NewSelEvents.Count);
        Assert.All(first.NewSelEvents, e => Assert.False(e.Repeat));
        Assert.Equal(first.NewSelEvents.Select(e => e.StableId), second.NewSelEvents.Select(e => e.StableId));
        Assert.All(second.NewSelEvents, e => Assert.True(e.Repeat));
        Assert.Equal(3, runtime.Stats.For(target.Key).SelEventCounts.Sum(c => c.Value));
        Assert.False(File.Exists(runtime.State.PathFor(target.Key, "sel")));
    }

    [Theory]
    [InlineData(Stage.BeforeQueue)]
    [InlineData(Stage.AfterQueueBeforeCommit)]
    [InlineData(Stage.AfterCommitBeforeSend)]
    [InlineData(Stage.AfterSendBeforeAck)]
    public async Task Restart_CrashAtStage_DeliversEveryEntryWithStableUids(Stage stage)
    {
        await using var sim = await SimulatorFixture.StartAsync(1);
        await using var receiver = await FaultyOtlpReceiver.StartAsync(grpc: true);
        var config = sim.Config(ScrapeMode.OnDemand, CollectorKind.Sel);
        var otlp = OtlpDeliveryTests.Config(receiver) with { RetryInitialBackoff = TimeSpan.FromMilliseconds(10), RetryMaxBackoff = TimeSpan.FromMilliseconds(50), RetryMaxAttempts = 2 };
        var target = ScrapeTarget.From(config.Targets[0], config)!;
        IReadOnlyList<string> read;

        // First life: dies at the stage.
        await using (var sessions = new IpmiSessionFactory(TimeProvider.System))
        await using (var runtime = SimulatorFixture.Runtime(config, sessions))
        {
            var output = new OtlpOutput(otlp, sim.StateDir, TimeProvider.System);
            switch (stage)
            {
                case Stage.BeforeQueue:
                    runtime.Store.SnapshotStored += s => s.SelCommit?.Reject("crashed before queueing");
                    break;
                case Stage.AfterQueueBeforeCommit:
                    runtime.Store.SnapshotStored += output.Publish;
                    runtime.Store.SnapshotStored += s => s.SelCommit?.Reject("crashed before commit");
                    break;
                case Stage.AfterCommitBeforeSend:
                    receiver.Failing = () => Fault.Http(503);
                    runtime.Store.SnapshotStored += output.Publish;
                    break;
                case Stage.AfterSendBeforeAck:
                    receiver.Failing = () => Fault.AcceptThenDrop;
                    runtime.Store.SnapshotStored += output.Publish;
                    break;
            }

            var snapshot = await runtime.Coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(10), CancellationToken.None);
            read = snapshot.NewSelEvents.Select(e => e.StableId).ToList();
            Assert.Equal(3, read.Count);
            if (stage == Stage.AfterSendBeforeAck)
            {
                await output.DeliverQueuedLogsAsync(DateTimeOffset.MaxValue, CancellationToken.None);
                Assert.Equal(3, receiver.LogUids().Distinct().Count());
            }

            await output.DisposeAsync();
        }

        // Second life: everything healthy.
        receiver.Failing = null;
        await using (var sessions = new IpmiSessionFactory(TimeProvider.System))
        await using (var runtime = SimulatorFixture.Runtime(config, sessions))
        await using (var output = new OtlpOutput(otlp, sim.StateDir, TimeProvider.System))
        {
            runtime.Store.SnapshotStored += output.Publish;
            var again = await runtime.Coordinator.ScrapeAsync(target, TimeSpan.FromSeconds(10), CancellationToken.None);
            var expectRepeat = stage is Stage.BeforeQueue or Stage.AfterQueueBeforeCommit;
            Assert.Equal(expectRepeat ? read : [], again.NewSelEvents.Select(e => e.StableId));
            await output.DeliverQueuedLogsAsync(DateTimeOffset.MaxValue, CancellationToken.None);
            Assert.Equal(0, output.QueuedLogRecords);
        }

        Assert.Equal(read.Order(StringComparer.Ordinal), receiver.LogUids().Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Epoch_RepeatedWalk_IsTheSameAndAClearMakesANewOne()
    {
        var stored = new SelPosition(new SelCursor(6, 100, 0xFFFFFFFF, 6), "0badcafe");

        Assert.Equal("0badcafe", SelEpoch.Next("t:623", stored, 0xFFFFFFFF, clearDetected: false));
        var afterClear = SelEpoch.Next("t:623", stored, 0xFFFFFFFF, clearDetected: true);
        Assert.NotEqual("0badcafe", afterClear);
        Assert.Equal(afterClear, SelEpoch.Next("t:623", stored, 0xFFFFFFFF, clearDetected: true));

        // Two clears in a row with an unset erase clock still give two epochs.
        var secondClear = SelEpoch.Next("t:623", stored with { Epoch = afterClear }, 0xFFFFFFFF, clearDetected: true);
        Assert.NotEqual(afterClear, secondClear);
        Assert.NotEqual("0badcafe", secondClear);

        // Without a stored cursor the epoch is a function of target and erase time (stable across lost state).
        Assert.Equal(SelEpoch.Next("t:623", null, 5, false), SelEpoch.Next("t:623", null, 5, false));
        Assert.NotEqual(SelEpoch.Next("t:623", null, 5, false), SelEpoch.Next("u:623", null, 5, false));
    }

    [Fact]
    public void ToEvent_NonTimestampedOemRecordAfterBmcRestartAndClear_GetsANewUid()
    {
        // Record 6, type 0xE0 (OEM, no timestamp): the same bytes before and after a clear (IPMI v2.0 §32.3).
        byte[] raw = [0x06, 0x00, 0xE0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
        var record = SelDecoder.Decode(raw);
        var before = new SelPosition(new SelCursor(6, 100, 0xFFFFFFFF, 6), "11111111");
        var epochAfter = SelEpoch.Next("10.0.0.9:623", before, 0xFFFFFFFF, clearDetected: true);

        var old = SelCollector.ToEvent("10.0.0.9:623", "11111111", record);
        var reread = SelCollector.ToEvent("10.0.0.9:623", "11111111", record);
        var fresh = SelCollector.ToEvent("10.0.0.9:623", epochAfter, record);

        Assert.Equal(old.StableId, reread.StableId);
        Assert.NotEqual(old.StableId, fresh.StableId);
        Assert.StartsWith("10.0.0.9:623/11111111/6/", old.StableId, StringComparison.Ordinal);
    }
}

using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Tests.Sdr;

namespace BmcExporter.Ipmi.Tests.Operations;

public sealed class SdrRepositoryReaderTests
{
    private static readonly string[] SensorNames = ["CPU Temp", "FAN1", "12V", "PSU1 Status"];

    private static FakeBmc Harness()
    {
        var bmc = new FakeBmc();
        bmc.AddSdrBytes(SdrVectors.McLocator);
        bmc.AddSdrBytes(SdrVectors.CpuTemp);
        bmc.AddSdrBytes(SdrVectors.Fan1);
        bmc.AddSdrBytes(SdrVectors.Volt12);
        bmc.AddSdrBytes(SdrVectors.Psu1Status);
        return bmc;
    }

    private static Task<SdrRepository> Read(FakeBmc bmc, SdrReadOptions? options = null)
        => SdrRepositoryReader.ReadAsync(bmc, options, CancellationToken.None);

    [Fact]
    public async Task ReadAsync_PaddedWholeRecords_TrimmedAndDecoded()
    {
        var bmc = Harness();
        bmc.PadWholeRecords = 6;

        var repo = await Read(bmc);

        Assert.Equal(5, repo.Records.Count);
        Assert.Equal(SensorNames, repo.Sensors.Select(s => s.Name));
        Assert.Equal([1, 2, 3, 4, 5], repo.Records.Select(r => (int)r.RecordId));
        Assert.Empty(repo.Skipped);
        Assert.Null(repo.StopReason);
        Assert.Equal(0, bmc.Count(NetFn.Storage, Reserve.SdrCommand));
        Assert.Equal(6, repo.RequestCount);
    }

    [Fact]
    public async Task ReadAsync_WholeRecordRefusedAndSmallChunks_ShrinksAndReadsPartially()
    {
        var bmc = Harness();
        bmc.WholeRecordCode = 0xCA;
        bmc.MaxChunk = 8;

        var repo = await Read(bmc);

        Assert.Equal(SensorNames, repo.Sensors.Select(s => s.Name));
        Assert.Equal(SdrDecoder.Decode(SdrVectors.Fan1) with { RecordId = 3 }, repo.Records[2]);
        Assert.Equal(1, bmc.Log.Count(r => r.Command == GetSdr.Command && r.Data.Span[5] == 0xFF));
        Assert.Equal(1, bmc.Count(NetFn.Storage, Reserve.SdrCommand));
        Assert.All(bmc.Log.Where(r => r.Command == GetSdr.Command && r.Data.Span[4] != 0), r => Assert.True(r.Data.Span[5] <= 16));
        Assert.Equal(2, bmc.Log.Count(r => r.Command == GetSdr.Command && r.Data.Span[5] > 8 && r.Data.Span[5] != 0xFF));
    }

    [Fact]
    public async Task ReadAsync_ReservationCancelledMidRecord_ReReservesAndCompletes()
    {
        var bmc = Harness();
        bmc.WholeRecordCode = 0xFF;
        bmc.CancelReservationAfterChunks = 3;

        var repo = await Read(bmc);

        Assert.Equal(SensorNames, repo.Sensors.Select(s => s.Name));
        Assert.Empty(repo.Skipped);
        Assert.Equal(2, bmc.Count(NetFn.Storage, Reserve.SdrCommand));
    }

    [Fact]
    public async Task ReadAsync_ReservationAlwaysCancelled_BoundedAndSkipped()
    {
        var bmc = Harness();
        bmc.WholeRecordCode = 0xCA;
        bmc.AlwaysCancelReservation = true;

        var repo = await Read(bmc, new SdrReadOptions { MaxReservationRetries = 3 });

        Assert.Empty(repo.Records);
        Assert.Equal(5, repo.Skipped.Count);
        Assert.All(repo.Skipped, s => Assert.Contains("0xC5", s.Reason, StringComparison.Ordinal));
        Assert.Equal(4, bmc.Count(NetFn.Storage, Reserve.SdrCommand));
    }

    [Fact]
    public async Task ReadAsync_ReserveUnsupported_UsesReservationZero()
    {
        var bmc = Harness();
        bmc.WholeRecordCode = 0xCA;
        bmc.ReserveCode = 0xC1;

        var repo = await Read(bmc);

        Assert.Equal(SensorNames, repo.Sensors.Select(s => s.Name));
        Assert.All(bmc.Log.Where(r => r.Command == GetSdr.Command), r => Assert.Equal(0, r.Data.Span[0] | r.Data.Span[1]));
    }

    [Fact]
    public async Task ReadAsync_TimeoutOnLastRecord_TakenAsEnd()
    {
        var bmc = Harness();
        bmc.TimeoutOnLastRecord = true;

        var repo = await Read(bmc);

        Assert.Equal(4, repo.Records.Count);
        Assert.Contains("0xC3", repo.StopReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NextPointsToItself_LoopGuardStops()
    {
        var bmc = Harness();
        bmc.SelfLoopRecord = 3;

        var repo = await Read(bmc);

        Assert.Equal(3, repo.Records.Count);
        Assert.Contains("loop", repo.StopReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CountUnderstated_WalksEveryRecord()
    {
        // Fujitsu RX100/RX300 report a wrong record count: the walk follows next-record IDs, not the count.
        var bmc = new FakeBmc { ReportedCount = 0 };
        for (var i = 0; i < 70; i++)
        {
            bmc.AddSdrBytes(SdrVectors.Fan1);
        }

        var repo = await Read(bmc);

        Assert.Equal(70, repo.Records.Count);
        Assert.Null(repo.StopReason);
    }

    [Fact]
    public async Task ReadAsync_MoreRecordsThanMaxRecords_IterationCapStops()
    {
        var bmc = new FakeBmc();
        for (var i = 0; i < 70; i++)
        {
            bmc.AddSdrBytes(SdrVectors.Fan1);
        }

        var repo = await Read(bmc, SdrReadOptions.Default with { MaxRecords = 64 });

        Assert.Equal(64, repo.Records.Count);
        Assert.Contains("cap", repo.StopReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_OemUnknownDuplicateAndTruncated_SkippedOrKeptWithoutFailing()
    {
        var bmc = new FakeBmc();
        bmc.AddSdrBytes(SdrVectors.CpuTemp);
        bmc.AddSdrBytes([0, 0, 0x51, 0xC0, 0x05, 0x57, 0x01, 0x00, 0x01, 0x02]);
        bmc.AddSdrBytes([0, 0, 0x51, 0x14, 0x02, 0x00, 0x00]);
        bmc.AddSdrBytes(SdrVectors.CpuTemp);
        bmc.AddSdrBytes(SdrVectors.Fan1[..20]);
        var badId = (byte[])SdrVectors.McLocator.Clone();
        badId[15] = 0xCF;
        bmc.AddSdrBytes(badId);
        bmc.AddSdrBytes(SdrVectors.Psu1Status);

        var repo = await Read(bmc);

        Assert.Equal(["CPU Temp", "CPU Temp", "PSU1 Status"], repo.Sensors.Select(s => s.Name));
        Assert.Equal(5, repo.Records.Count);
        Assert.Equal([5, 6], repo.Skipped.Select(s => (int)s.RecordId));
        Assert.Null(repo.StopReason);
    }

    [Fact]
    public async Task ReadAsync_EmptyRepository_NoRecords()
    {
        var repo = await Read(new FakeBmc());

        Assert.Empty(repo.Records);
        Assert.Contains("empty", repo.StopReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DeviceSdrs_UsesSensorEventCommands()
    {
        var bmc = Harness();
        bmc.WholeRecordCode = 0xCA;

        var repo = await Read(bmc, new SdrReadOptions { Kind = SdrRepositoryKind.Device });

        Assert.Equal(SensorNames, repo.Sensors.Select(s => s.Name));
        Assert.Null(repo.Info);
        Assert.DoesNotContain(bmc.Log, r => r.NetFn == NetFn.Storage);
        Assert.Equal(1, bmc.Count(NetFn.SensorEvent, GetDeviceSdrInfo.Command));
    }

    [Fact]
    public async Task ReadAsync_RequestedIdDiffersFromRecordBytes_RequestedIdTrusted()
    {
        var bmc = Harness();
        bmc.RecordIdSkew = 0x100;

        var repo = await Read(bmc);

        // Record 0x0000 ("first") keeps the ID in its bytes; every other record keeps the ID that was requested.
        Assert.Equal([0x101, 2, 3, 4, 5], repo.Records.Select(r => (int)r.RecordId));
        Assert.Equal(2, repo.Sensors[0].RecordId);
    }

    [Theory]
    [InlineData(false, 5)]
    [InlineData(true, 3)]
    public async Task ReadAsync_AssumeMaxRecordCount_StopsAtReportedCount(bool assume, int expected)
    {
        // Inspur: the repository says 3 records; without the workaround the chain is followed to its end.
        var bmc = Harness();
        bmc.ReportedCount = 3;

        var repo = await Read(bmc, SdrReadOptions.Default with { AssumeMaxRecordCount = assume });

        Assert.Equal(expected, repo.Records.Count);
        Assert.Equal(Enumerable.Range(1, expected), repo.Records.Select(r => (int)r.RecordId));
        Assert.Null(repo.StopReason);
    }
}

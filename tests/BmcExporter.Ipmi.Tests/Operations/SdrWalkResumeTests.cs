using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Tests.Sdr;

namespace BmcExporter.Ipmi.Tests.Operations;

/// <summary>The SDR walk resumes across calls, keeps what it read, and never calls a walk with holes complete.</summary>
public sealed class SdrWalkResumeTests
{
    internal static FakeBmc Repository(int records)
    {
        var bmc = new FakeBmc();
        byte[][] vectors = [SdrVectors.CpuTemp, SdrVectors.Fan1, SdrVectors.Volt12, SdrVectors.Psu1Status];
        for (var i = 0; i < records; i++)
        {
            bmc.AddSdrBytes(vectors[i % vectors.Length]);
        }

        return bmc;
    }

    /// <summary>Cancels the walk's token when the BMC has answered <paramref name="after"/> Get SDR requests.</summary>
    private sealed class CancelAfterChannel(IIpmiChannel inner, int after, CancellationTokenSource cts) : IIpmiChannel
    {
        private int _reads;

        public ValueTask<IpmiResponse> SendAsync(IpmiRequest request, CancellationToken cancellationToken)
        {
            if (request.Command == GetSdr.Command && ++_reads > after)
            {
                cts.Cancel();
            }

            cancellationToken.ThrowIfCancellationRequested();
            return inner.SendAsync(request, cancellationToken);
        }
    }

    private static List<ushort> SdrReads(FakeBmc bmc, int from = 0) =>
        bmc.Log.Skip(from).Where(r => r.Command == GetSdr.Command).Select(r => GetRecordRequest.Decode(r.Data.Span).RecordId).ToList();

    [Fact]
    public async Task ResumeAsync_CancelledMidWalk_KeepsRecordsAndNextCallReadsOnlyTheRest()
    {
        var bmc = Repository(12);
        var state = new SdrWalkState();
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => SdrRepositoryReader.ResumeAsync(new CancelAfterChannel(bmc, 5, cts), state, null, cts.Token));
        Assert.Equal(5, state.Records.Count);
        Assert.False(state.Complete);
        var logged = bmc.Log.Count;

        var repo = await SdrRepositoryReader.ResumeAsync(bmc, state, null, CancellationToken.None);

        Assert.True(repo.Complete);
        Assert.Equal(12, repo.Records.Count);
        Assert.Equal(Enumerable.Range(6, 7).Select(i => (ushort)i), SdrReads(bmc, logged));
    }

    [Fact]
    public async Task ResumeAsync_ReservationCancelledRepeatedly_NotCompleteAndNextCallRetriesExactlyTheMissing()
    {
        var bmc = Repository(8);
        bmc.WholeRecordCode = 0xCA;
        bmc.AlwaysCancelReservation = true;
        var state = new SdrWalkState();

        var first = await SdrRepositoryReader.ResumeAsync(bmc, state, null, CancellationToken.None);

        Assert.False(first.Complete);
        Assert.NotEmpty(first.Skipped);
        Assert.All(first.Skipped, s => Assert.Contains("reservation cancelled", s.Reason, StringComparison.Ordinal));
        var missing = state.Missing.Select(m => m.RecordId).ToHashSet();
        bmc.AlwaysCancelReservation = false;
        var logged = bmc.Log.Count;

        var second = await SdrRepositoryReader.ResumeAsync(bmc, state, null, CancellationToken.None);

        Assert.True(second.Complete);
        Assert.Equal(8, second.Records.Count);
        Assert.Empty(second.Skipped);
        Assert.Equal(missing, SdrReads(bmc, logged).ToHashSet());
    }

    [Fact]
    public async Task ResumeAsync_Complete_NoRecordReadAgain()
    {
        var bmc = Repository(6);
        var state = new SdrWalkState();
        await SdrRepositoryReader.ResumeAsync(bmc, state, null, CancellationToken.None);
        var logged = bmc.Log.Count;

        var again = await SdrRepositoryReader.ResumeAsync(bmc, state, null, CancellationToken.None);

        Assert.True(again.Complete);
        Assert.Equal(6, again.Records.Count);
        Assert.Empty(SdrReads(bmc, logged));
    }

    [Fact]
    public async Task ResumeAsync_RepositoryChanged_RestartsFromFirstRecord()
    {
        var bmc = Repository(4);
        var state = new SdrWalkState();
        using var cts = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => SdrRepositoryReader.ResumeAsync(new CancelAfterChannel(bmc, 2, cts), state, null, cts.Token));
        bmc.AddSdrBytes(SdrVectors.Fan1);
        bmc.SdrAddition++;
        var logged = bmc.Log.Count;

        var repo = await SdrRepositoryReader.ResumeAsync(bmc, state, null, CancellationToken.None);

        Assert.True(repo.Complete);
        Assert.Equal(5, repo.Records.Count);
        Assert.Equal(GetRecordRequest.First, SdrReads(bmc, logged)[0]);
    }

    [Fact]
    public async Task ResumeAsync_TimeoutCodeBeforeCountReached_NotTakenAsEnd()
    {
        var bmc = Repository(5);
        bmc.WholeRecordCode = 0xCA;
        bmc.TimeoutOnRecord = 3;
        var state = new SdrWalkState();

        var first = await SdrRepositoryReader.ResumeAsync(bmc, state, null, CancellationToken.None);

        Assert.False(first.Complete);
        Assert.Equal(2, first.Records.Count);
        Assert.Equal(3, state.NextRecordId);
        bmc.TimeoutOnRecord = null;

        var second = await SdrRepositoryReader.ResumeAsync(bmc, state, null, CancellationToken.None);
        Assert.True(second.Complete);
        Assert.Equal(5, second.Records.Count);
    }

    [Fact]
    public async Task ResumeAsync_RecordFailsChecksOnce_ReReadNotSkipped()
    {
        var bmc = Repository(4);
        bmc.CorruptRecordOnce = 2;
        var state = new SdrWalkState();

        var repo = await SdrRepositoryReader.ResumeAsync(bmc, state, null, CancellationToken.None);

        Assert.True(repo.Complete);
        Assert.Equal(4, repo.Records.Count);
        Assert.Equal(2, SdrReads(bmc).Count(id => id == 2));
    }

    [Fact]
    public async Task Restore_PersistedState_ResumesAndValidates()
    {
        var bmc = Repository(6);
        var original = new SdrWalkState();
        var read = await SdrRepositoryReader.ResumeAsync(bmc, original, null, CancellationToken.None);

        var restored = SdrWalkState.Restore(
            original.Info, original.Records.Select(r => r with { Bytes = r.Bytes.ToArray() }), original.NextRecordId, original.Missing, original.StopReason);
        var logged = bmc.Log.Count;
        var again = await SdrRepositoryReader.ResumeAsync(bmc, restored, null, CancellationToken.None);

        Assert.True(again.Complete);
        Assert.Equal(read.Records, again.Records);
        Assert.Empty(SdrReads(bmc, logged));
        Assert.True(SdrCacheValidator.Validate(restored, original.Info!.Value).Valid);
    }

    [Fact]
    public void Restore_MalformedRecord_Throws()
    {
        var bytes = (byte[])SdrVectors.CpuTemp.Clone();
        bytes[0] = 7;

        Assert.Throws<IpmiProtocolException>(() => SdrWalkState.Restore(null, [new SdrRawRecord(7, bytes[..20], 0xFFFF)], 0xFFFF, []));
        Assert.Throws<IpmiProtocolException>(() => SdrWalkState.Restore(null, [new SdrRawRecord(8, bytes, 0xFFFF)], 0xFFFF, []));
    }
}

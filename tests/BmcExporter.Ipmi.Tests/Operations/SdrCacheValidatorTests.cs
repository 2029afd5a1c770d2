using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Tests.Sdr;

namespace BmcExporter.Ipmi.Tests.Operations;

public sealed class SdrCacheValidatorTests
{
    private static async Task<(SdrWalkState State, RepositoryInfo Info)> WalkAsync(ushort? reportedCount = null)
    {
        var bmc = SdrWalkResumeTests.Repository(5);
        bmc.ReportedCount = reportedCount;
        var state = new SdrWalkState();
        await SdrRepositoryReader.ResumeAsync(bmc, state, null, CancellationToken.None);
        return (state, state.Info!.Value);
    }

    [Fact]
    public async Task Validate_FreshWalkSameInfo_Valid()
    {
        var (state, info) = await WalkAsync();

        Assert.Equal(SdrCacheCheck.Ok, SdrCacheValidator.Validate(state, info));
    }

    [Theory]
    [InlineData(1u, 0u, "repository changed")]
    [InlineData(0u, 1u, "repository changed")]
    public async Task Validate_TimestampMoved_Invalid(uint addition, uint erase, string reason)
    {
        var (state, info) = await WalkAsync();

        var check = SdrCacheValidator.Validate(state, info with { AdditionTimestamp = info.AdditionTimestamp + addition, EraseTimestamp = info.EraseTimestamp + erase });

        Assert.False(check.Valid);
        Assert.Contains(reason, check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_TrustworthyCountDiffers_Invalid()
    {
        var (state, info) = await WalkAsync();

        var check = SdrCacheValidator.Validate(state, info with { EntryCount = 6 });

        Assert.False(check.Valid);
        Assert.Contains("reports 6 records", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BmcThatMiscountsStillReportsSameCount_Valid()
    {
        var (state, info) = await WalkAsync(reportedCount: 2);

        Assert.True(SdrCacheValidator.Validate(state, info).Valid);
        Assert.False(SdrCacheValidator.Validate(state, info with { EntryCount = 3 }).Valid);
    }

    [Fact]
    public async Task Validate_CorruptedRecordBytes_Invalid()
    {
        var (state, info) = await WalkAsync();
        var records = state.Records.Select(r => r with { Bytes = r.Bytes.ToArray() }).ToList();
        var broken = records[2].Bytes.ToArray();
        broken[4] = 3;

        // Restore refuses it outright; a state built in memory with a bad record is refused by Validate.
        Assert.Throws<IpmiProtocolException>(() => SdrWalkState.Restore(info, records.Select((r, i) => i == 2 ? r with { Bytes = broken } : r), 0xFFFF, []));
    }

    [Fact]
    public async Task Validate_IncompleteWalk_Invalid()
    {
        var (state, info) = await WalkAsync();
        var partial = SdrWalkState.Restore(info, state.Records.Take(3), state.Records[3].RecordId, []);

        var check = SdrCacheValidator.Validate(partial, info);

        Assert.False(check.Valid);
        Assert.Contains("not complete", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyInfoless_Invalid()
    {
        var state = SdrWalkState.Restore(null, [], 0xFFFF, []);

        Assert.False(SdrCacheValidator.Validate(state, new RepositoryInfo(0x51, 0, 0, 1, 1, 0)).Valid);
    }
}

using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sel;

namespace BmcExporter.Ipmi.Tests.Operations;

public sealed class SelReaderTests
{
    private static SystemEventRecord Event(byte sensor) => new()
    {
        Timestamp = new SelTimestamp(0x60000000),
        SensorType = 0x01,
        SensorNumber = sensor,
        EventReadingType = 0x01,
        EventData1 = 0x59,
        EventData2 = 0x5A,
        EventData3 = 0x50,
    };

    private static Task<SelReadResult> Read(FakeBmc bmc, SelCursor? after = null)
        => SelReader.ReadAsync(bmc, after, null, CancellationToken.None);

    [Fact]
    public async Task ReadAsync_All_SystemAndOemRecords()
    {
        var bmc = new FakeBmc();
        bmc.AddSel(Event(1));
        bmc.AddSel(new RawSelRecord { Type = 0xC1, Data = SelEncoder.OemTimestampedData(5, 0x157, [1, 2, 3, 4, 5, 6]) });
        bmc.AddSel(new RawSelRecord { Type = 0xE0, Data = new byte[13] });

        var result = await Read(bmc);

        Assert.Equal(3, result.Records.Count);
        Assert.IsType<SystemEventRecord>(result.Records[0]);
        Assert.True(((RawSelRecord)result.Records[1]).IsOemTimestamped);
        Assert.True(((RawSelRecord)result.Records[2]).IsOemNonTimestamped);
        Assert.Equal(3, result.Cursor.LastRecordId);
        Assert.Null(result.StopReason);
        Assert.False(result.ClearDetected);
    }

    [Fact]
    public async Task ReadAsync_FirstWalkNeverAgreesOnInfo_NextWalkReadsEachEntryOnceWithoutClear()
    {
        var bmc = new FakeBmc();
        bmc.AddSel(Event(1));
        bmc.AddSel(Event(2));
        var shaky = new ShakyInfoChannel(bmc);

        var first = await SelReader.ReadAsync(shaky, null, null, CancellationToken.None);
        shaky.Shaking = false;
        var second = await SelReader.ReadAsync(shaky, first.Cursor, null, CancellationToken.None);

        Assert.NotNull(first.StopReason);
        Assert.Empty(first.Records);
        Assert.False(second.ClearDetected);
        Assert.Equal([1, 2], second.Records.Select(r => (int)((SystemEventRecord)r).SensorNumber));
    }

    /// <summary>Get SEL Info answers with a different free-space field every time while <see cref="Shaking"/>.</summary>
    private sealed class ShakyInfoChannel(IIpmiChannel inner) : IIpmiChannel
    {
        private byte _turn;

        public bool Shaking { get; set; } = true;

        public async ValueTask<IpmiResponse> SendAsync(IpmiRequest request, CancellationToken cancellationToken)
        {
            var response = await inner.SendAsync(request, cancellationToken);
            if (!Shaking || request.Command != SelCommands.GetInfoCommand || response.Data.Length < 5)
            {
                return response;
            }

            var bytes = response.Data.ToArray();
            bytes[3] = ++_turn;
            return new IpmiResponse(response.CompletionCode, bytes);
        }
    }

    [Fact]
    public async Task ReadAsync_AfterCursor_OnlyNewRecords()
    {
        var bmc = new FakeBmc();
        bmc.AddSel(Event(1));
        bmc.AddSel(Event(2));
        var first = await Read(bmc);
        bmc.AddSel(Event(3));
        bmc.AddSel(Event(4));

        var second = await Read(bmc, first.Cursor);

        Assert.Equal([3, 4], second.Records.Select(r => (int)((SystemEventRecord)r).SensorNumber));
        Assert.Equal(4, second.Cursor.LastRecordId);
        Assert.False(second.ClearDetected);
    }

    [Fact]
    public async Task ReadAsync_Unchanged_NoEntryRead()
    {
        var bmc = new FakeBmc();
        bmc.AddSel(Event(1));
        var first = await Read(bmc);
        bmc.Log.Clear();

        var second = await Read(bmc, first.Cursor);

        Assert.True(second.Unchanged);
        Assert.Empty(second.Records);
        Assert.Equal(0, bmc.Count(NetFn.Storage, SelCommands.GetEntryCommand));
        Assert.Equal(first.Cursor, second.Cursor);
    }

    [Fact]
    public async Task ReadAsync_ClearedSinceCursor_DetectedAndReadFromStart()
    {
        var bmc = new FakeBmc();
        bmc.AddSel(Event(1));
        bmc.AddSel(Event(2));
        var first = await Read(bmc);
        bmc.ClearSel();
        bmc.AddSel(Event(7));

        var second = await Read(bmc, first.Cursor);

        Assert.True(second.ClearDetected);
        Assert.Equal([7], second.Records.Select(r => (int)((SystemEventRecord)r).SensorNumber));
    }

    [Fact]
    public async Task ReadAsync_ReservationCancelled_ReReservesAndRetries()
    {
        var bmc = new FakeBmc();
        bmc.AddSel(Event(1));
        bmc.AddSel(Event(2));
        bmc.CancelSelReservationOnce = true;

        var result = await Read(bmc);

        Assert.Equal(2, result.Records.Count);
        Assert.Equal(2, bmc.Count(NetFn.Storage, Reserve.SelCommand));
    }

    [Fact]
    public async Task ReadAsync_ReserveRefused_UsesReservationZero()
    {
        var bmc = new FakeBmc { ReserveCode = 0xD4 };
        bmc.AddSel(Event(1));

        var result = await Read(bmc);

        Assert.Single(result.Records);
        Assert.All(bmc.Log.Where(r => r.Command == SelCommands.GetEntryCommand), r => Assert.Equal(0, r.Data.Span[0] | r.Data.Span[1]));
    }

    [Fact]
    public async Task ReadAsync_EmptySel_NoEntryRequests()
    {
        var bmc = new FakeBmc();

        var result = await Read(bmc);

        Assert.Empty(result.Records);
        Assert.Equal(0, bmc.Count(NetFn.Storage, SelCommands.GetEntryCommand));
    }

    [Fact]
    public async Task ReadAsync_WholeRecordCountRefused_ReadsSixteenBytes()
    {
        var bmc = new FakeBmc { SelRefusesWholeRecord = true };
        bmc.AddSel(Event(1));
        bmc.AddSel(Event(2));

        var result = await Read(bmc);

        Assert.Equal(2, result.Records.Count);
        Assert.Equal(2, bmc.Log.Count(r => r.Command == SelCommands.GetEntryCommand && r.Data.Span[5] == 16));
    }
}

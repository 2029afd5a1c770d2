using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Sel;

namespace BmcExporter.Ipmi.Tests.Operations;

/// <summary>
/// A campaign of incremental SEL walks while a quarter of all replies are mutated: every entry is counted exactly
/// once, and the one real clear is the only clear detected.
/// </summary>
public sealed class SelCorruptionCampaignTests
{
    private static SystemEventRecord Event(int n) => new()
    {
        Timestamp = new SelTimestamp((uint)(0x60000000 + n)),
        SensorType = 0x01,
        SensorNumber = (byte)n,
        EventReadingType = 0x01,
        EventData1 = 0x59,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task ReadAsync_QuarterOfRepliesMutated_EachEntryCountedOnce(int seed)
    {
        var bmc = new FakeBmc();
        var channel = new MutatingChannel(bmc, 0.25, seed);
        var random = new Random(seed);
        var added = new List<ushort>();
        for (var i = 0; i < 20; i++)
        {
            added.Add(bmc.AddSel(Event(i)));
        }

        var counted = new Dictionary<ushort, int>();
        var clears = 0;
        var realClears = 0;
        SelCursor? cursor = null;
        var caughtUp = false;
        for (var walk = 0; walk < 300; walk++)
        {
            if (walk == 150 && caughtUp)
            {
                // A real clear, after every entry so far was delivered.
                bmc.ClearSel();
                realClears++;
            }
            else if (walk < 280 && random.NextDouble() < 0.3)
            {
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    added.Add(bmc.AddSel(Event(added.Count)));
                }
            }

            channel.Enabled = walk < 280;
            SelReadResult result;
            try
            {
                result = await SelReader.ReadAsync(channel, cursor, null, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IpmiProtocolException or IpmiCompletionCodeException)
            {
                // A scrape fails on a mangled reply it cannot work around; the cursor stays and the next walk goes on.
                caughtUp = false;
                continue;
            }

            foreach (var record in result.Records)
            {
                counted[record.RecordId] = counted.GetValueOrDefault(record.RecordId) + 1;
            }

            clears += result.ClearDetected ? 1 : 0;
            cursor = result.Cursor;
            caughtUp = result.StopReason is null && result.Cursor.LastRecordId == added[^1];
        }

        Assert.True(channel.Mutated > 150, $"only {channel.Mutated} replies mutated");
        Assert.Equal(realClears, clears);
        Assert.Equal(added.Order(), counted.Keys.Order());
        Assert.All(counted, c => Assert.True(c.Value == 1, $"record 0x{c.Key:X4} counted {c.Value} times"));
    }
}

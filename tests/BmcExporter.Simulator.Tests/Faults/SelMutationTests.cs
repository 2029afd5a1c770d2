using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Simulator.Faults;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Simulator.Tests.Faults;

/// <summary>
/// Our SEL walk against a simulated BMC whose fault hook mutates a quarter of its in-session responses (valid
/// MAC and checksums): over many incremental walks while the SEL grows, each entry is counted exactly once and
/// no clear is reported.
/// </summary>
public sealed class SelMutationTests
{
    [Fact]
    public async Task SelReader_QuarterOfResponsesMutated_EachEntryCountedOnce()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var fleet = await SimulatedFleet.StartAsync(
            new FleetOptions
            {
                Profile = ProfileLoader.LoadShipped("typical-1u"),
                Faults = [new FaultRule(null, null, new FaultPlan { Mutate = 0.25 })],
                UserName = "reader",
                Password = "reader-pass"u8.ToArray(),
                Seed = 11,
                TimeProvider = time,
                IdleTimeout = TimeSpan.FromDays(30),
            },
            CancellationToken.None);
        await using var session = await IpmiSession.OpenAsync(
            new IpmiSessionOptions
            {
                Host = "127.0.0.1",
                Port = fleet.Endpoints[0].Port,
                UserName = "reader",
                Password = IpmiSecret.FromString("reader-pass"),
                CipherSuites = [3],
                RequestTimeout = TimeSpan.FromSeconds(2),
                KeepaliveInterval = TimeSpan.FromHours(1),
            },
            CancellationToken.None);

        var counted = new Dictionary<ushort, int>();
        var clears = 0;
        SelCursor? cursor = null;
        ushort lastPresent = 0;
        for (var walk = 0; walk < 80; walk++)
        {
            // The SEL grows by one entry every 300 s of simulated time (profile typical-1u).
            time.Advance(TimeSpan.FromSeconds(walk % 3 == 0 ? 600 : 0));
            try
            {
                var result = await SelReader.ReadAsync(session, cursor, null, CancellationToken.None);
                foreach (var record in result.Records)
                {
                    counted[record.RecordId] = counted.GetValueOrDefault(record.RecordId) + 1;
                }

                clears += result.ClearDetected ? 1 : 0;
                if (result.ClearDetected)
                {
                    throw new InvalidOperationException($"clear at walk {walk}: info {result.Info}, previous cursor {cursor}, new cursor {result.Cursor}, {result.Records.Count} records, stop {result.StopReason}");
                }

                cursor = result.Cursor;
                lastPresent = Math.Max(lastPresent, result.Info.EntryCount);
            }
            catch (Exception ex) when (ex is Ipmi.IpmiProtocolException or Ipmi.IpmiCompletionCodeException)
            {
                // A scrape that fails on a mangled reply; the cursor is kept.
            }
        }

        Assert.True(fleet.Statistics.Mutated > 50, $"only {fleet.Statistics.Mutated} responses mutated");
        Assert.Equal(0, clears);
        Assert.All(counted, c => Assert.True(c.Value == 1, $"record 0x{c.Key:X4} counted {c.Value} times"));
        Assert.True(counted.Count >= 20, $"only {counted.Count} entries read");
        Assert.Equal(Enumerable.Range(1, counted.Count).Select(i => (ushort)i), counted.Keys.Order());
    }
}

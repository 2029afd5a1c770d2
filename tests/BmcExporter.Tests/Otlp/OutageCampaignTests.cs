using BmcExporter.Config;
using BmcExporter.Otlp;
using BmcExporter.Snapshots;

namespace BmcExporter.Tests.Otlp;

/// <summary>
/// 1,000 SEL records from 10 BMCs through collector outages (503 with Retry-After, 429, dropped connections,
/// accepted-then-dropped requests, gRPC UNAVAILABLE / RESOURCE_EXHAUSTED with RetryInfo) and five exporter
/// restarts, with scrapes whose cursor commit is sometimes lost (crash before commit). Every record must arrive;
/// duplicates may arrive only with the same <c>log.record.uid</c>.
/// </summary>
public sealed class OutageCampaignTests : IDisposable
{
    private const int Records = 1000;
    private readonly string _stateDir = Path.Combine(Path.GetTempPath(), "bmc-otlp-campaign-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Campaign_OutagesAndRestarts_DeliversEachOfOneThousandRecords(bool grpc)
    {
        await using var receiver = await FaultyOtlpReceiver.StartAsync(grpc);
        var random = new Random(grpc ? 11 : 12);
        var outage = false;
        receiver.Failing = () =>
        {
            if (!outage && random.NextDouble() > 0.3)
            {
                return null;
            }

            return random.Next(4) switch
            {
                0 => grpc ? Fault.Grpc(14, TimeSpan.FromMilliseconds(30)) : Fault.Http(503, TimeSpan.FromSeconds(1)),
                1 => grpc ? Fault.Grpc(8, TimeSpan.FromMilliseconds(30)) : Fault.Http(429),
                2 => Fault.Drop,
                _ => Fault.AcceptThenDrop,
            };
        };
        var config = OtlpDeliveryTests.Config(receiver) with
        {
            BatchSize = 50,
            RetryInitialBackoff = TimeSpan.FromMilliseconds(5),
            RetryMaxBackoff = TimeSpan.FromMilliseconds(40),
            RetryMaxAttempts = 3,
        };
        var sel = new FakeSel();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));

        for (var life = 0; life < 5; life++)
        {
            await using var output = new OtlpOutput(config, _stateDir, TimeProvider.System);
            output.Start();
            for (var scrape = 0; scrape < 40 && !sel.AllRead; scrape++)
            {
                outage = scrape % 10 >= 6;
                var snapshot = sel.Scrape(random.Next(1, 12));
                output.Publish(snapshot);

                // One scrape in eight "crashes" between queueing and committing its cursor.
                if (random.Next(8) != 0)
                {
                    snapshot.SelCommit?.TryCommit();
                }
            }

            outage = true;
        }

        outage = false;
        receiver.Failing = null;
        await using (var last = new OtlpOutput(config, _stateDir, TimeProvider.System))
        {
            while (!sel.AllRead)
            {
                var snapshot = sel.Scrape(20);
                last.Publish(snapshot);
                snapshot.SelCommit?.TryCommit();
            }

            while (last.QueuedLogRecords > 0)
            {
                deadline.Token.ThrowIfCancellationRequested();
                await last.DeliverQueuedLogsAsync(DateTimeOffset.MaxValue, deadline.Token);
            }
        }

        var uids = receiver.LogUids().ToList();
        Assert.Equal(sel.AllUids.Order(StringComparer.Ordinal), uids.Distinct().Order(StringComparer.Ordinal));
        Assert.True(uids.Count >= Records);
        Assert.Contains(receiver.Requests, r => !r.Accepted);
    }

    public void Dispose()
    {
        if (Directory.Exists(_stateDir))
        {
            Directory.Delete(_stateDir, recursive: true);
        }
    }

    /// <summary>10 BMCs' SELs holding 1,000 entries in all, read from a committed cursor like the sel collector does.</summary>
    private sealed class FakeSel
    {
        private int _committed;

        public bool AllRead => _committed >= Records;

        public IEnumerable<string> AllUids => Enumerable.Range(0, Records).Select(Uid);

        public TargetSnapshot Scrape(int count)
        {
            var from = _committed;
            var to = Math.Min(Records, from + count);
            var events = Enumerable.Range(from, to - from).Select(i => OtlpTestData.SelEvent(Target(i), i, SelSeverity.Warning, $"entry {i}") with { StableId = Uid(i) }).ToArray();
            return OtlpTestData.Snapshot(Target(from), "r1", events) with { SelCommit = new SelCommit(() => _committed = to) };
        }

        private static string Target(int i) => $"10.9.0.{i % 10}:623";

        private static string Uid(int i) => $"{Target(i)}/00c0ffee/{i}/{i:x8}";
    }
}

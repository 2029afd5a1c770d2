using BmcExporter.Config;
using BmcExporter.Otlp;
using BmcExporter.Otlp.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Tests.Otlp;

/// <summary>Batching, retries and throttling against a receiver that fails on purpose.</summary>
public sealed class OtlpDeliveryTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ExportMetrics_25BmcsBatchOf10_SendsThreeRequestsWithEveryResourceOnce(bool grpc)
    {
        await using var receiver = await FaultyOtlpReceiver.StartAsync(grpc);
        await using var output = new OtlpOutput(Config(receiver) with { BatchSize = 10 }, null, TimeProvider.System);
        for (var i = 0; i < 25; i++)
        {
            output.Publish(OtlpTestData.Snapshot($"10.1.0.{i}:623", "r1"));
        }

        Assert.Equal(3, await output.ExportMetricsAsync(CancellationToken.None));

        Assert.Equal([10, 10, 5], receiver.Metrics.Select(r => r.ResourceMetrics.Count));
        var targets = receiver.Metrics.SelectMany(r => r.ResourceMetrics).Select(r => (string)OtlpEncodingTests.Attributes(r.Resource.Attributes)["bmc.target"]);
        Assert.Equal(25, targets.Distinct().Count());
        Assert.All(receiver.Requests, r => Assert.Equal(grpc ? "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export" : "/v1/metrics", r.Path));

        // Delivered snapshots are not sent again; a new snapshot is.
        Assert.Equal(0, await output.ExportMetricsAsync(CancellationToken.None));
        output.Publish(OtlpTestData.Snapshot("10.1.0.3:623", "r1") with { StartedAt = OtlpTestData.EventTime.AddMinutes(1) });
        Assert.Equal(1, await output.ExportMetricsAsync(CancellationToken.None));
        Assert.Single(receiver.Metrics.Last().ResourceMetrics);
    }

    [Fact]
    public async Task Export_Http503WithRetryAfter_RetriesOnlyAfterTheAskedDelay()
    {
        var time = new FakeTimeProvider(OtlpTestData.EventTime);
        await using var receiver = await FaultyOtlpReceiver.StartAsync(grpc: false);
        receiver.Clock = time;
        receiver.Script(Fault.Http(503, TimeSpan.FromSeconds(30)));
        await using var output = new OtlpOutput(Config(receiver), null, time);
        output.Publish(OtlpTestData.Snapshot("10.1.0.1:623", "r1"));

        var accepted = await DriveAsync(output.ExportMetricsAsync(CancellationToken.None), time);

        Assert.Equal(1, accepted);
        var requests = receiver.Requests.ToList();
        Assert.Equal([false, true], requests.Select(r => r.Accepted));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(30), $"retried after {requests[1].At - requests[0].At}");
        Assert.Equal(1, output.Stats.Retries(OtlpSignal.Metrics));
    }

    [Fact]
    public async Task Export_Http429ThenDroppedConnection_RetriesUntilAccepted()
    {
        var time = new FakeTimeProvider(OtlpTestData.EventTime);
        await using var receiver = await FaultyOtlpReceiver.StartAsync(grpc: false);
        receiver.Script(Fault.Http(429, TimeSpan.FromSeconds(2)), Fault.Drop);
        await using var output = new OtlpOutput(Config(receiver), null, time);
        output.Publish(OtlpTestData.Snapshot("10.1.0.1:623", "r1"));

        Assert.Equal(1, await DriveAsync(output.ExportMetricsAsync(CancellationToken.None), time));

        Assert.Equal([false, false, true], receiver.Requests.Select(r => r.Accepted));
        Assert.Single(receiver.Metrics);
    }

    [Fact]
    public async Task Export_GrpcUnavailableWithRetryInfo_RetriesAfterTheServersDelay()
    {
        var time = new FakeTimeProvider(OtlpTestData.EventTime);
        await using var receiver = await FaultyOtlpReceiver.StartAsync(grpc: true);
        receiver.Clock = time;
        receiver.Script(Fault.Grpc(14, TimeSpan.FromSeconds(20)), Fault.Grpc(8, TimeSpan.FromSeconds(5)));
        await using var output = new OtlpOutput(Config(receiver), null, time);
        output.Publish(OtlpTestData.Snapshot("10.1.0.1:623", "r1"));

        Assert.Equal(1, await DriveAsync(output.ExportMetricsAsync(CancellationToken.None), time));

        var requests = receiver.Requests.ToList();
        Assert.Equal([false, false, true], requests.Select(r => r.Accepted));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(20));
        Assert.True(requests[2].At - requests[1].At >= TimeSpan.FromSeconds(5));
        Assert.Equal("gzip", requests[2].Headers["grpc-encoding"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Export_PermanentError_IsNotRetriedAndDropsTheBatch(bool grpc)
    {
        await using var receiver = await FaultyOtlpReceiver.StartAsync(grpc);

        // gRPC RESOURCE_EXHAUSTED without RetryInfo is permanent (OTLP spec); so is HTTP 400.
        receiver.Script(grpc ? Fault.Grpc(8) : Fault.Http(400));
        var logger = new ListLogger();
        await using var output = new OtlpOutput(Config(receiver), null, TimeProvider.System, logger);
        output.Publish(OtlpTestData.Snapshot("10.1.0.1:623", "r1"));

        Assert.Equal(0, await output.ExportMetricsAsync(CancellationToken.None));
        Assert.Single(receiver.Requests);
        Assert.Equal(0, await output.ExportMetricsAsync(CancellationToken.None));
        Assert.Single(receiver.Requests);
        Assert.Contains(logger.Lines, l => l.Contains("rejected for good", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_AttemptsUsedUp_KeepsTheBatchForTheNextRound()
    {
        var time = new FakeTimeProvider(OtlpTestData.EventTime);
        await using var receiver = await FaultyOtlpReceiver.StartAsync(grpc: false);
        receiver.Script(Fault.Http(503), Fault.Http(503));
        await using var output = new OtlpOutput(Config(receiver) with { RetryMaxAttempts = 2 }, null, time);
        output.Publish(OtlpTestData.Snapshot("10.1.0.1:623", "r1"));

        Assert.Equal(0, await DriveAsync(output.ExportMetricsAsync(CancellationToken.None), time));
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal(1, await DriveAsync(output.ExportMetricsAsync(CancellationToken.None), time));
        Assert.Single(receiver.Metrics);
    }

    [Fact]
    public async Task Export_FailingThenRecovering_LogsEachTransitionOnceWithoutCredentials()
    {
        var time = new FakeTimeProvider(OtlpTestData.EventTime);
        await using var receiver = await FaultyOtlpReceiver.StartAsync(grpc: false);
        receiver.Script(Fault.Http(503), Fault.Http(503), Fault.Http(503));
        var logger = new ListLogger();
        var endpoint = new UriBuilder(receiver.Endpoint) { UserName = "user", Password = "hunter2", Query = "token=s3cret" }.Uri;
        var config = Config(receiver) with
        {
            Endpoint = endpoint,
            Headers = new Dictionary<string, BmcExporter.Ipmi.Crypto.IpmiSecret>(StringComparer.Ordinal) { ["x-api-key"] = BmcExporter.Ipmi.Crypto.IpmiSecret.FromBytes("k3y"u8, "test") },
        };
        await using var output = new OtlpOutput(config, null, time, logger);
        output.Publish(OtlpTestData.Snapshot("10.1.0.1:623", "r1"));

        await DriveAsync(output.ExportMetricsAsync(CancellationToken.None), time);

        Assert.Single(logger.Lines, l => l.Contains("failing", StringComparison.Ordinal));
        Assert.Single(logger.Lines, l => l.Contains("works again", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Lines, l => l.Contains("hunter2", StringComparison.Ordinal) || l.Contains("s3cret", StringComparison.Ordinal) || l.Contains("k3y", StringComparison.Ordinal));
        Assert.Equal("k3y", receiver.Requests.Last().Headers["x-api-key"]);
    }

    [Fact]
    public void Backoff_NoRetryAfter_DoublesWithJitterUpToTheCap()
    {
        var config = new OtlpConfig { RetryInitialBackoff = TimeSpan.FromSeconds(1), RetryMaxBackoff = TimeSpan.FromSeconds(10) };
        using var stats = new OtlpStats(() => (0, 0), () => (0, 0));
        using var transport = new OtlpTransport(config);
        var sender = new RetryingSender(transport, config, stats, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        foreach (var (attempt, nominal) in new[] { (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 10.0), (30, 10.0) })
        {
            var wait = sender.Backoff(attempt, null).TotalSeconds;
            Assert.InRange(wait, nominal * 0.8, nominal);
        }

        Assert.Equal(TimeSpan.FromSeconds(10), sender.Backoff(1, TimeSpan.FromMinutes(5)));
        Assert.Equal(TimeSpan.FromSeconds(3), sender.Backoff(1, TimeSpan.FromSeconds(3)));
    }

    internal static OtlpConfig Config(FaultyOtlpReceiver receiver) => new()
    {
        Enabled = true,
        Endpoint = receiver.Endpoint,
        Protocol = receiver.Grpc ? OtlpProtocol.Grpc : OtlpProtocol.HttpProtobuf,
        RetryInitialBackoff = TimeSpan.FromSeconds(1),
        RetryMaxBackoff = TimeSpan.FromSeconds(60),
        Interval = TimeSpan.FromMinutes(5),
    };

    /// <summary>Advances the fake clock a second at a time until <paramref name="task"/> ends (bounded: 600 steps).</summary>
    internal static async Task<T> DriveAsync<T>(Task<T> task, FakeTimeProvider time)
    {
        for (var i = 0; i < 600 && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(20));
            if (!task.IsCompleted)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}

using System.Diagnostics.Metrics;
using BmcExporter.Config;
using BmcExporter.Otlp;

namespace BmcExporter.Tests.Otlp;

public sealed class OtlpStatsTests
{
    [Fact]
    public async Task Meter_AfterARetriedExport_PublishesRequestsRetriesAndDelivered()
    {
        await using var receiver = await FaultyOtlpReceiver.StartAsync(grpc: false);
        receiver.Script(Fault.Drop);
        var config = OtlpDeliveryTests.Config(receiver) with { RetryInitialBackoff = TimeSpan.FromMilliseconds(1), RetryMaxBackoff = TimeSpan.FromMilliseconds(5) };
        await using var output = new OtlpOutput(config, null, TimeProvider.System);
        output.Publish(OtlpTestData.Snapshot("10.1.0.1:623", "r1"));
        await output.ExportMetricsAsync(CancellationToken.None);

        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, output.Stats.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name + string.Concat(tags.ToArray().Select(t => $"|{t.Key}={t.Value}"));
            seen[key] = value;
        });
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Equal(1, seen["bmc_exporter.otlp.requests|signal=metrics|outcome=success"]);
        Assert.Equal(1, seen["bmc_exporter.otlp.requests|signal=metrics|outcome=retryable"]);
        Assert.Equal(1, seen["bmc_exporter.otlp.retries|signal=metrics"]);
        Assert.Equal(29, seen["bmc_exporter.otlp.delivered|signal=metrics"]); // 5 readings, 2 limits, host power, 7 x 3 states
        Assert.True(seen["bmc_exporter.otlp.sent|signal=metrics"] > 0);
        Assert.Equal(0, seen["bmc_exporter.otlp.queue.records"]);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1000, 0)]
    public void Create_InvalidSettings_AreRejectedWithTheKey(int batchSize, int attempts)
    {
        var config = new OtlpConfig { BatchSize = batchSize, RetryMaxAttempts = attempts };

        var error = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new OtlpOutput(config, null, TimeProvider.System));

        Assert.StartsWith("otlp.", error.ParamName, StringComparison.Ordinal);
    }
}

using BmcExporter.Config;

namespace BmcExporter.Tests.Config;

public sealed class OtlpSettingsTests
{
    [Fact]
    public void Load_EveryOtlpKey_ReachesTheSettings()
    {
        var result = ConfigLoader.LoadFromText(
            """
            otlp:
              enabled: true
              batch_size: 250
              compression: none
              timeout: 20s
              retry: { max_attempts: 7, initial_backoff: 250ms, max_backoff: 2m }
              queue: { max_bytes: 8MiB, max_records: 5000 }
            """,
            "/tmp/otlp.yaml");

        Assert.Empty(result.Errors);
        var otlp = result.Config!.Otlp;
        Assert.Equal(250, otlp.BatchSize);
        Assert.Equal(OtlpCompression.None, otlp.Compression);
        Assert.Equal(TimeSpan.FromSeconds(20), otlp.Timeout);
        Assert.Equal(7, otlp.RetryMaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), otlp.RetryInitialBackoff);
        Assert.Equal(TimeSpan.FromMinutes(2), otlp.RetryMaxBackoff);
        Assert.Equal(8L << 20, otlp.QueueMaxBytes);
        Assert.Equal(5000, otlp.QueueMaxRecords);
    }

    [Theory]
    [InlineData("batch_size: 0", "otlp.batch_size", "out of range 1..100000")]
    [InlineData("compression: zstd", "otlp.compression", "not one of gzip, none")]
    [InlineData("retry: { initial_backoff: 5s, max_backoff: 1s }", "otlp.retry.max_backoff", "shorter than retry.initial_backoff")]
    [InlineData("queue: { max_bytes: 10KiB }", "otlp.queue.max_bytes", "out of range")]
    [InlineData("queue: { max_bytes: lots }", "otlp.queue.max_bytes", "is not a size")]
    [InlineData("retry: { max_atempts: 3 }", "otlp.retry", "did you mean 'max_attempts'")]
    public void Load_BadOtlpValue_IsALocatedError(string line, string key, string message)
    {
        var result = ConfigLoader.LoadFromText($"otlp:\n  {line}\n", "/tmp/otlp.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.StartsWith(key, error.Key, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}

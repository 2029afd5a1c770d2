using BmcExporter.Config;
using BmcExporter.Otlp.Delivery;
using BmcExporter.Otlp.Wire;

namespace BmcExporter.Otlp;

/// <summary>The metric timer and the log delivery loop.</summary>
public sealed partial class OtlpOutput
{
    private static readonly TimeSpan LogLinger = TimeSpan.FromSeconds(1);

    private async Task MetricLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_config.Interval, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                // Retries stop before the next tick, so a round never overlaps the next one.
                await ExportMetricsAsync(_time.GetUtcNow() + _config.Interval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                OtlpLog.ExportLoopFailed(_logger, "metrics", ex);
            }
        }
    }

    /// <summary>
    /// Sends the queue's oldest records until it is empty, then waits for more. A batch that cannot be delivered
    /// after <c>otlp.retry.max_attempts</c> stays at the head and is tried again after a backoff: records leave the
    /// queue only when accepted, rejected for good, or pushed out by a full queue.
    /// </summary>
    private async Task LogLoopAsync(CancellationToken cancellationToken)
    {
        var failedRounds = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (_queue.Count == 0)
                {
                    await _logsWaiting.WaitAsync(cancellationToken).ConfigureAwait(false);

                    // Linger so the entries of BMCs scraped at about the same time share a request: at most one
                    // log request per second while entries trickle in, plus one per batch_size records.
                    if (_queue.Count < _config.BatchSize)
                    {
                        await Task.Delay(LogLinger, _time, cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                var outcome = await DeliverQueuedLogsAsync(DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false);
                if (outcome is { Status: ExportStatus.Retryable } failed)
                {
                    failedRounds++;
                    await Task.Delay(_sender.Backoff(_config.RetryMaxAttempts + failedRounds, failed.RetryAfter), _time, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    failedRounds = 0;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                OtlpLog.ExportLoopFailed(_logger, "logs", ex);
                await Task.Delay(_config.RetryMaxBackoff, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Sends queued log records batch by batch until the queue is empty or a batch could not be delivered;
    /// returns the last outcome (<c>null</c> when nothing was queued).
    /// </summary>
    internal async Task<ExportOutcome?> DeliverQueuedLogsAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ExportOutcome? last = null;
        var gzip = _config.Compression == OtlpCompression.Gzip;
        while (true)
        {
            var batch = _queue.Peek(_config.BatchSize, MaxLogRequestBytes);
            if (batch.Count == 0)
            {
                return last;
            }

            var payload = new ExportPayload([LogsEncoder.Request(batch.Select(r => r.Payload).ToList())], gzip);
            var outcome = await _sender.SendAsync(OtlpSignal.Logs, payload, deadline, cancellationToken).ConfigureAwait(false);
            last = outcome;
            if (outcome.Status == ExportStatus.Retryable)
            {
                return outcome;
            }

            if (outcome.Status == ExportStatus.Permanent)
            {
                OtlpLog.Rejected(_logger, "logs", batch.Count, outcome.Detail);
            }

            _queue.Acknowledge(batch[^1].Sequence);
        }
    }
}

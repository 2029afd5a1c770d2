using BmcExporter.Config;
using BmcExporter.Snapshots;
using OpenTelemetry.Exporter;

namespace BmcExporter.Otlp;

/// <summary>Export loops and exporter options.</summary>
public sealed partial class OtlpOutput
{
    private async Task MetricLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_config.Interval, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await ExportMetricsAsync(cancellationToken).ConfigureAwait(false);
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

    private async Task LogLoopAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        while (await _selQueue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                ExportQueuedLogs();
            }
            catch (Exception ex)
            {
                OtlpLog.ExportLoopFailed(_logger, "logs", ex);
            }
        }
    }

    private void EmitLogs(TargetSnapshot snapshot)
    {
        // Built per batch like the metric pipelines: SEL entries are rare, a logger factory per BMC is not free.
        using var pipeline = new OtlpTargetLogs(OtlpResource.For(snapshot), ExporterOptions("v1/logs"));
        pipeline.Emit(snapshot.Target, snapshot.NewSelEvents, _time.GetUtcNow());
        Interlocked.Add(ref _exportedLogRecords, snapshot.NewSelEvents.Count);
    }

    private void NoteOutcome(string target, bool success)
    {
        // Log transitions only, so a dead collector doesn't flood the log every interval for every BMC.
        var wasFailing = _failing.TryGetValue(target, out var f) && f;
        if (!success && !wasFailing)
        {
            OtlpLog.MetricExportFailed(_logger, target, _config.Endpoint.ToString());
        }
        else if (success && wasFailing)
        {
            OtlpLog.MetricExportRecovered(_logger, target);
        }

        _failing[target] = !success;
    }

    /// <summary>
    /// Options for one signal's exporter. For OTLP/HTTP the endpoint is a base URL and the signal path
    /// (<c>v1/metrics</c>, <c>v1/logs</c>) is appended to its path, as the OTLP exporter specification does
    /// for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>: <c>http://c:4318/otlp</c> → <c>http://c:4318/otlp/v1/logs</c>.
    /// </summary>
    private OtlpExporterOptions ExporterOptions(string signalPath)
    {
        var endpoint = _config.Endpoint;
        if (_config.Protocol == OtlpProtocol.HttpProtobuf)
        {
            var builder = new UriBuilder(endpoint) { Path = endpoint.AbsolutePath.TrimEnd('/') + "/" + signalPath };
            endpoint = builder.Uri;
        }

        var handler = _handler;
        return new OtlpExporterOptions
        {
            Endpoint = endpoint,
            Protocol = _config.Protocol == OtlpProtocol.Grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf,
            Headers = _config.Headers.Count == 0 ? null : string.Join(",", _config.Headers.Select(h => $"{h.Key}={h.Value.RevealString()}")),
            TimeoutMilliseconds = 10_000,
            // One connection pool for every BMC's exporter; each gets its own client so that one exporter's
            // shutdown (which cancels its client's pending requests) can't touch another's.
            HttpClientFactory = () => new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(15) },
        };
    }
}

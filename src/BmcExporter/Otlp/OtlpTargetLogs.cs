using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;

namespace BmcExporter.Otlp;

/// <summary>
/// The OTLP log pipeline of one BMC: each new SEL entry becomes one log record carrying its occurrence
/// time, a severity, the event name and <c>log.record.uid</c> so backends can drop duplicates. Exports
/// synchronously on the caller's thread (the output's single log loop), so no thread per target; built
/// per batch of new entries and disposed after.
/// </summary>
internal sealed class OtlpTargetLogs : IDisposable
{
    private readonly ILoggerFactory _factory;
    private readonly ILogger _logger;
    private readonly OccurrenceTimeProcessor _timestamps = new();

    public OtlpTargetLogs(ResourceBuilder resource, OtlpExporterOptions exporterOptions)
    {
        _factory = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Trace)
            .AddOpenTelemetry(options =>
            {
                options.IncludeFormattedMessage = true;
                options.IncludeScopes = false;
                options.SetResourceBuilder(resource);
                options.AddProcessor(_timestamps);
                options.AddProcessor(new SimpleLogRecordExportProcessor(new OtlpLogExporter(exporterOptions)));
            }));
        _logger = _factory.CreateLogger(OtlpResource.ScopeName);
    }

    /// <summary>Exports one log record per event, oldest first.</summary>
    public void Emit(string target, IReadOnlyList<SelEvent> events, DateTimeOffset now)
    {
        foreach (var e in events)
        {
            var level = e.Severity switch
            {
                SelSeverity.Critical => LogLevel.Error,
                SelSeverity.Warning => LogLevel.Warning,
                _ => LogLevel.Information,
            };
            _timestamps.Next = (e.Timestamp ?? now, now);
            _logger.Log(level, new EventId(e.RecordId, HwConventions.SelEventName), new SelLogState(target, e), null, static (s, _) => s.Message);
        }
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>Puts the SEL entry's own time on the record (the SDK stamps records with "now").</summary>
    private sealed class OccurrenceTimeProcessor : BaseProcessor<LogRecord>
    {
        public (DateTimeOffset Occurred, DateTimeOffset Observed)? Next { get; set; }

        public override void OnEnd(LogRecord data)
        {
            if (Next is { } next)
            {
                data.Timestamp = next.Occurred.UtcDateTime;
                data.ObservedTimestamp = next.Observed.UtcDateTime;
            }
        }
    }
}

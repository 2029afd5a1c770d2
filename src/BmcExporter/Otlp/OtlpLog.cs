using Microsoft.Extensions.Logging;

namespace BmcExporter.Otlp;

/// <summary>Log messages of the OTLP output (event ids 1570-1579).</summary>
internal static partial class OtlpLog
{
    [LoggerMessage(EventId = 1570, Level = LogLevel.Warning, Message = "OTLP metric export for {Target} to {Endpoint} failed; retrying next interval")]
    public static partial void MetricExportFailed(ILogger logger, string target, string endpoint);

    [LoggerMessage(EventId = 1571, Level = LogLevel.Information, Message = "OTLP metric export for {Target} works again")]
    public static partial void MetricExportRecovered(ILogger logger, string target);

    [LoggerMessage(EventId = 1572, Level = LogLevel.Error, Message = "OTLP {Signal} export loop failed")]
    public static partial void ExportLoopFailed(ILogger logger, string signal, Exception exception);
}

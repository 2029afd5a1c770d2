using Microsoft.Extensions.Logging;

namespace BmcExporter.Otlp;

/// <summary>Log messages of the OTLP output (event ids 1570-1579). Endpoints are logged without credentials.</summary>
internal static partial class OtlpLog
{
    [LoggerMessage(EventId = 1570, Level = LogLevel.Warning, Message = "OTLP {Signal} export to {Endpoint} failing: {Detail}; retrying with backoff")]
    public static partial void ExportFailing(ILogger logger, string signal, string endpoint, string detail);

    [LoggerMessage(EventId = 1571, Level = LogLevel.Information, Message = "OTLP {Signal} export to {Endpoint} works again")]
    public static partial void ExportRecovered(ILogger logger, string signal, string endpoint);

    [LoggerMessage(EventId = 1572, Level = LogLevel.Error, Message = "OTLP {Signal} export loop failed")]
    public static partial void ExportLoopFailed(ILogger logger, string signal, Exception exception);

    [LoggerMessage(EventId = 1573, Level = LogLevel.Warning, Message = "OTLP {Signal}: {Items} items rejected for good by the receiver ({Detail}); dropped")]
    public static partial void Rejected(ILogger logger, string signal, long items, string detail);

    [LoggerMessage(EventId = 1574, Level = LogLevel.Warning, Message = "OTLP log queue full ({Limit}): dropped the {Count} oldest SEL records")]
    public static partial void QueueDropped(ILogger logger, string limit, int count);

    [LoggerMessage(EventId = 1575, Level = LogLevel.Warning, Message = "OTLP log queue {Path}: {Reason}")]
    public static partial void QueueProblem(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1576, Level = LogLevel.Warning, Message = "OTLP could not queue {Count} SEL records of {Target} ({Reason}); the SEL cursor stays and they are read again")]
    public static partial void EnqueueFailed(ILogger logger, string target, int count, string reason);

    [LoggerMessage(EventId = 1577, Level = LogLevel.Information, Message = "OTLP log queue {Path}: {Count} SEL records from before the restart will be sent")]
    public static partial void QueueRecovered(ILogger logger, string path, int count);
}

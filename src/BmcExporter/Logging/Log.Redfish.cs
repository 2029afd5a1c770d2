using Microsoft.Extensions.Logging;

namespace BmcExporter.Logging;

/// <summary>Redfish messages: event ids 1780-1799 (sessions 1780s, protocol choice 1790s).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1780, Level = LogLevel.Debug, Message = "Redfish session to {Target} created ({Options})")]
    public static partial void RedfishSessionCreated(ILogger logger, string target, string options);

    [LoggerMessage(EventId = 1781, Level = LogLevel.Information, Message = "Redfish session to {Target} closed: {Reason}")]
    public static partial void RedfishSessionClosed(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 1782, Level = LogLevel.Information, Message = "Shutdown: {Count} Redfish sessions did not log out within {Seconds}s and were abandoned")]
    public static partial void RedfishSessionsAbandoned(ILogger logger, int count, double seconds);

    [LoggerMessage(EventId = 1790, Level = LogLevel.Information, Message = "protocol auto: {Target} is read over {Protocol} ({Reason})")]
    public static partial void ProtocolChosen(ILogger logger, string target, string protocol, string reason);

}

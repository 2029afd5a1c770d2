using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Logging;

/// <summary>
/// Every log message of the exporter service. Event-id bands: 1000 engine, 1100 sessions, 1200 collectors,
/// 1300 state, 1400 web, 1500 configuration, 1600 host. Fields are structured; secrets are never logged.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Scrape of {Target} hit its deadline of {TimeoutSeconds}s; returning partial results")]
    public static partial void ScrapeDeadline(ILogger logger, string target, double timeoutSeconds);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Scrape of {Target} (module {Module}) got no data ({Outcome}): {Error}; {Hint}")]
    public static partial void ScrapeFailed(ILogger logger, string target, string module, ScrapeOutcome outcome, string error, string hint);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Scrape of {Target} (module {Module}) returns data again ({Outcome}) after {DownSeconds}s without")]
    public static partial void ScrapeRecovered(ILogger logger, string target, string module, ScrapeOutcome outcome, double downSeconds);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Scheduling {Count} targets in background mode")]
    public static partial void TargetsScheduled(ILogger logger, int count);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Background scheduler stopped unexpectedly")]
    public static partial void SchedulerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "On-demand target {Target} not requested for {IdleMinutes} minutes; closed its session and dropped its series")]
    public static partial void OnDemandTargetEvicted(ILogger logger, string target, double idleMinutes);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "On-demand target {Target} forgotten: {Capacity} on-demand targets are held at most (least recently requested goes first)")]
    public static partial void OnDemandTargetCapped(ILogger logger, string target, int capacity);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Information, Message = "Shutdown: {Count} BMC sessions did not answer Close Session within {Seconds}s and were abandoned")]
    public static partial void SessionsAbandoned(ILogger logger, int count, double seconds);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Opened a session to {Target} with cipher suite {CipherSuite}")]
    public static partial void SessionOpened(ILogger logger, string target, int cipherSuite);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Session to {Target} lost: {Reason}")]
    public static partial void SessionLost(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Collector {Collector} on {Target} failed: {Reason}")]
    public static partial void CollectorFailed(ILogger logger, string collector, string target, string reason);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Collector {Collector} on {Target} fails: {Reason} (if it cannot work on this BMC, remove '{Collector}' from modules.{Module}.collectors)")]
    public static partial void CollectorFailing(ILogger logger, string collector, string target, string module, string reason);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Collector {Collector} on {Target} works again")]
    public static partial void CollectorRecovered(ILogger logger, string collector, string target);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Collector {Collector} is not supported on {Target}: {Reason}. It is asked again hourly or on a new session; remove '{Collector}' from modules.{Module}.collectors to stop asking")]
    public static partial void CollectorUnsupported(ILogger logger, string collector, string target, string module, string reason);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Retrying collector {Collector} on {Target} after a transient error: {Reason}")]
    public static partial void CollectorRetry(ILogger logger, string collector, string target, string reason);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Dropped SDR record {RecordId} of {Target}: {Reason}")]
    public static partial void SdrRecordDropped(ILogger logger, int recordId, string target, string reason);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Debug, Message = "FRU device {FruId} ({Name}) of {Target} left out: {Reason}")]
    public static partial void FruDeviceLeftOut(ILogger logger, int fruId, string name, string target, string reason);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Debug, Message = "{Count} FRU Device Locators of {Target} name physical FRU devices (private bus, other controller or LUN); the fru collector reads logical FRU devices at the BMC only")]
    public static partial void FruPhysicalLocatorsSkipped(ILogger logger, int count, string target);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "SDR repository of {Target} changed; re-reading it")]
    public static partial void SdrCacheInvalidated(ILogger logger, string target);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "SEL of {Target} was cleared or overflowed; restarting from its first entry")]
    public static partial void SelReset(ILogger logger, string target);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Cannot write state file {Path}: {Reason}")]
    public static partial void StateWriteFailed(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Ignoring unreadable state file {Path}: {Reason}")]
    public static partial void StateReadFailed(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1400, Level = LogLevel.Debug, Message = "Client went away during {Path}")]
    public static partial void ClientDisconnected(ILogger logger, string path);

    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Configuration loaded from {Path}: {Targets} targets, {Modules} modules")]
    public static partial void ConfigLoaded(ILogger logger, string path, int targets, int modules);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Error, Message = "Configuration reload rejected, keeping the previous one: {Errors}")]
    public static partial void ConfigRejected(ILogger logger, string errors);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "Configuration: {Warning}")]
    public static partial void ConfigWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 1600, Level = LogLevel.Information, Message = "Listening on http://{Address}")]
    public static partial void Listening(ILogger logger, string address);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "Demo fleet of {Count} simulated BMCs on 127.0.0.1 ports {FirstPort}-{LastPort}")]
    public static partial void DemoFleetStarted(ILogger logger, int count, int firstPort, int lastPort);
}

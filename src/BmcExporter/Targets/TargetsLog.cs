using Microsoft.Extensions.Logging;

namespace BmcExporter.Targets;

/// <summary>Log messages of the target set (event ids 1550-1559, in the configuration band).</summary>
internal static partial class TargetsLog
{
    [LoggerMessage(EventId = 1550, Level = LogLevel.Error, Message = "Target file problem, keeping its previous targets: {Diagnostic}")]
    public static partial void TargetFileError(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = 1551, Level = LogLevel.Warning, Message = "Target file: {Diagnostic}")]
    public static partial void TargetFileWarning(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = 1552, Level = LogLevel.Information, Message = "Targets changed: {Owned} owned ({Added} added, {Removed} removed), shard {Shard} of {Shards}")]
    public static partial void TargetsChanged(ILogger logger, int owned, int added, int removed, int shard, int shards);

    [LoggerMessage(EventId = 1553, Level = LogLevel.Warning, Message = "Cannot watch {Directory} for changes ({Reason}); polling every {PollSeconds}s instead")]
    public static partial void WatchFailed(ILogger logger, string directory, string reason, double pollSeconds);

    [LoggerMessage(EventId = 1554, Level = LogLevel.Error, Message = "Target refresh failed")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}

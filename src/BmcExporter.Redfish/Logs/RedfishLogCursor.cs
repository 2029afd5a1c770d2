using System.Text.Json;
using BmcExporter.Redfish.Json;

namespace BmcExporter.Redfish.Logs;

/// <summary>
/// Where reading one LogService got to, for the caller to persist between scrapes and restarts (JSON through
/// <see cref="ToJson"/> / <see cref="FromJson"/>). An entry is identified by Id and Created together, so Ids that
/// restart after a clear are not mistaken for old entries.
/// </summary>
/// <param name="LogServiceUri">The LogService this cursor belongs to.</param>
/// <param name="LastId">Id of the newest entry already delivered, null when the log was empty.</param>
/// <param name="LastCreated">Its Created time.</param>
/// <param name="EntryCount">Entries present at the last read.</param>
public sealed record RedfishLogCursor(string LogServiceUri, string? LastId, DateTimeOffset? LastCreated, int EntryCount)
{
    /// <summary>A cursor that delivers every entry present on the first read.</summary>
    public static RedfishLogCursor Start(string logServiceUri) => new(logServiceUri, null, null, 0);

    public string ToJson() => JsonSerializer.Serialize(this, RedfishJsonContext.Default.RedfishLogCursor);

    /// <summary>Parses a persisted cursor; a damaged one throws <see cref="JsonException"/> (start over with <see cref="Start"/>).</summary>
    public static RedfishLogCursor FromJson(string json) =>
        JsonSerializer.Deserialize(json, RedfishJsonContext.Default.RedfishLogCursor)
        ?? throw new JsonException("A log cursor cannot be null.");
}

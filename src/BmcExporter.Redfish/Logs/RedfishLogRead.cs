using System.Collections.Immutable;

namespace BmcExporter.Redfish.Logs;

/// <summary>What one incremental read of a LogService found.</summary>
public sealed record RedfishLogRead(RedfishLogService Service, ImmutableArray<RedfishLogEntry> NewEntries, RedfishLogCursor Cursor)
{
    /// <summary>The log was cleared since the cursor: its entry vanished and nothing newer than it survived, or its Id now names a different entry.</summary>
    public bool ClearDetected { get; init; }

    /// <summary>
    /// The log wrapped past the cursor (WrapsWhenFull): the cursor's entry was overwritten while newer ones exist,
    /// so entries may have been lost between reads.
    /// </summary>
    public bool RolloverDetected { get; init; }

    /// <summary>Nothing changed (304 on the Entries collection, or the same newest entry); no entry delivered.</summary>
    public bool Unchanged { get; init; }
}

namespace BmcExporter.State;

/// <summary>
/// Where a target's SEL was last read up to (persisted, so a restart neither loses nor repeats events).
/// Timestamps are the BMC's raw 32-bit seconds from Get SEL Info (IPMI v2.0 §31.2).
/// </summary>
/// <param name="LastRecordId">ID of the newest entry already reported; <c>null</c> before the first read.</param>
/// <param name="LastRecordTimestamp">Raw timestamp of that entry (0 when it had none).</param>
/// <param name="LastAddition">SEL "most recent addition" timestamp seen at the last read.</param>
/// <param name="LastErase">SEL "most recent erase" timestamp seen at the last read.</param>
/// <param name="Entries">Entry count seen at the last read.</param>
public sealed record SelCursor(int? LastRecordId, uint LastRecordTimestamp, uint LastAddition, uint LastErase, int Entries)
{
    /// <summary>No SEL read yet.</summary>
    public static SelCursor Initial { get; } = new(null, 0, 0, 0, 0);

    /// <summary>
    /// <c>true</c> when the SEL was cleared since this cursor: its erase timestamp moved, or it holds fewer
    /// entries than before while nothing was added.
    /// </summary>
    public bool ClearedBy(uint lastErase, int entries, uint lastAddition) =>
        LastRecordId is not null && (lastErase != LastErase || (entries < Entries && lastAddition == LastAddition) || entries == 0 && Entries > 0);

    /// <summary><c>true</c> when nothing was added or erased since this cursor.</summary>
    public bool Unchanged(uint lastAddition, uint lastErase, int entries) =>
        LastRecordId is not null && lastAddition == LastAddition && lastErase == LastErase && entries == Entries;
}

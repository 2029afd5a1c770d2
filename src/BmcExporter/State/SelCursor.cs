namespace BmcExporter.State;

/// <summary>
/// Where a target's SEL was last read up to, persisted in <c>state_dir</c> so a restart neither loses nor
/// repeats events. Mirrors the client's walk cursor; timestamps are the BMC's raw 32-bit seconds from
/// Get SEL Info (IPMI v2.0 §31.2), which the walk compares to detect a clear or an addition.
/// </summary>
/// <param name="LastRecordId">ID of the newest entry already reported (0 when the SEL was empty).</param>
/// <param name="AdditionTimestamp">SEL "most recent addition" timestamp at the last read.</param>
/// <param name="EraseTimestamp">SEL "most recent erase" timestamp at the last read.</param>
/// <param name="EntryCount">Entry count at the last read.</param>
/// <param name="Epoch">
/// Names the SEL's current fill between two clears (8 hex digits); part of every entry's <c>log.record.uid</c>. It
/// is derived, not random: the next epoch is a hash of the previous one and the erase timestamp, so a scrape that
/// is repeated (cursor not committed) computes the same one. <c>null</c> in files written before it existed.
/// </param>
public sealed record SelCursor(int LastRecordId, uint AdditionTimestamp, uint EraseTimestamp, int EntryCount, string? Epoch = null);

using System.Text.Json.Serialization;
using BmcExporter.Ipmi.Client.Operations;

namespace BmcExporter.State;

/// <summary>
/// Where a target's SEL was last read up to, persisted in <c>state_dir</c> so a restart neither loses nor repeats
/// events: the client's walk <see cref="SelCursor"/> (last record, and the Get SEL Info timestamps and count it
/// compares to detect a clear or an addition, IPMI v2.0 §31.2) and the epoch of the SEL's current fill.
/// </summary>
/// <param name="Cursor">The walk cursor after the last committed read.</param>
/// <param name="Epoch">
/// Names the SEL's current fill between two clears (8 hex digits); part of every entry's <c>log.record.uid</c>. It
/// is derived, not random: the next epoch is a hash of the previous one and the erase timestamp, so a scrape that
/// is repeated (cursor not committed) computes the same one. <c>null</c> in files written before it existed.
/// </param>
[JsonConverter(typeof(SelPositionJsonConverter))]
public sealed record SelPosition(SelCursor Cursor, string? Epoch = null);

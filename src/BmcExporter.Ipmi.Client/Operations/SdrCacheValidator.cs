using BmcExporter.Ipmi.Commands;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>The verdict on a persisted SDR cache: usable, or the first reason it is not.</summary>
public readonly record struct SdrCacheCheck(bool Valid, string? Reason)
{
    public static SdrCacheCheck Ok { get; } = new(true, null);

    public static SdrCacheCheck Fail(string reason) => new(false, reason);
}

/// <summary>
/// Decides whether a persisted SDR walk may be trusted instead of walking the repository again. A host calls
/// <see cref="Validate"/> after loading a cache file and after reading the current Get SDR Repository Info.
/// </summary>
public static class SdrCacheValidator
{
    /// <summary>
    /// Valid when: the walk was complete; every record verifies (length byte, header ID, decodes; see
    /// <see cref="SdrWalkState.Verify"/>); IDs are unique; the addition and erase timestamps equal the current
    /// ones (IPMI v2.0 §33.9); and the record count is consistent: when the BMC's count matched the records at
    /// walk time (a trustworthy count) the current count must equal the number of records, otherwise (a BMC that
    /// miscounts, e.g. Fujitsu, reference §5.1) it must still report the same count it reported then.
    /// </summary>
    public static SdrCacheCheck Validate(SdrWalkState state, RepositoryInfo current)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Complete)
        {
            return SdrCacheCheck.Fail($"the walk is not complete ({state.Missing.Count} record(s) missing, next record 0x{state.NextRecordId:X4})");
        }

        if (state.Info is not { } stamp)
        {
            return SdrCacheCheck.Fail("the cache has no repository info");
        }

        if (stamp.AdditionTimestamp != current.AdditionTimestamp || stamp.EraseTimestamp != current.EraseTimestamp)
        {
            return SdrCacheCheck.Fail(
                $"the repository changed (addition/erase timestamps {stamp.AdditionTimestamp}/{stamp.EraseTimestamp} cached, {current.AdditionTimestamp}/{current.EraseTimestamp} now)");
        }

        var ids = new HashSet<ushort>();
        foreach (var record in state.Records)
        {
            if (!ids.Add(record.RecordId))
            {
                return SdrCacheCheck.Fail($"record 0x{record.RecordId:X4} appears twice");
            }

            try
            {
                SdrWalkState.Verify(record.RecordId, record.Bytes.Span);
            }
            catch (IpmiProtocolException ex)
            {
                return SdrCacheCheck.Fail($"record 0x{record.RecordId:X4} is malformed: {ex.Message}");
            }
        }

        var trustworthy = stamp.EntryCount == state.Records.Count;
        if (trustworthy && current.EntryCount != state.Records.Count)
        {
            return SdrCacheCheck.Fail($"the BMC reports {current.EntryCount} records, the cache holds {state.Records.Count}");
        }

        if (!trustworthy && current.EntryCount != stamp.EntryCount)
        {
            return SdrCacheCheck.Fail($"the BMC's record count moved from {stamp.EntryCount} to {current.EntryCount}");
        }

        return SdrCacheCheck.Ok;
    }
}
